import { z } from 'zod';
import { toNfc } from '../text/nfc';

/** The credit and description a photo carries (from its IPTC/XMP/EXIF, completed by the desk). */
export const photoTextFields = [
  'creator',
  'creditLine',
  'copyright',
  'source',
  'usageTerms',
  'altText',
  'description',
  'headline',
  'city',
  'country',
] as const;
export type PhotoTextField = (typeof photoTextFields)[number];

/** The longest each field may be: values read from files are cut there (and still stored as plain text). */
export const photoFieldLimits: Record<PhotoTextField, number> = {
  creator: 200,
  creditLine: 300,
  copyright: 500,
  source: 200,
  usageTerms: 1000,
  altText: 1000,
  description: 2000,
  headline: 300,
  city: 100,
  country: 100,
};
export const maxKeywords = 100;
export const maxKeywordLength = 100;

export type PhotoMeta = Record<PhotoTextField, string> & {
  keywords: string[];
  /** ISO date (YYYY-MM-DD) or date-time, as the file gave it; '' when unknown. */
  dateCreated: string;
};

export const emptyPhotoMeta = (): PhotoMeta => ({
  creator: '',
  creditLine: '',
  copyright: '',
  source: '',
  usageTerms: '',
  altText: '',
  description: '',
  headline: '',
  city: '',
  country: '',
  keywords: [],
  dateCreated: '',
});

/** The keys of a photo's metadata, as it is stored and synced. */
export const photoMetaKeys = [...photoTextFields, 'keywords', 'dateCreated'] as const;

/** Just the metadata of a photo (or of a partial record), every key present. */
export const photoMetaOf = (value: Partial<PhotoMeta>): PhotoMeta =>
  Object.fromEntries(photoMetaKeys.map((key) => [key, value[key] ?? emptyPhotoMeta()[key]])) as PhotoMeta;

export const photoFormats = ['jpeg', 'png', 'webp', 'tiff'] as const;
export type PhotoFormat = (typeof photoFormats)[number];

export interface Photo extends PhotoMeta {
  /** SHA-256 of the original bytes, hex: the photo's identity. */
  id: string;
  originalName: string;
  format: PhotoFormat;
  width: number;
  height: number;
  bytes: number;
  importedAt: string;
  updatedAt: string;
  version: number;
  /** Articles that use this photo (figures). */
  usedIn: number[];
}

export type PhotoImportResult =
  | { name: string; status: 'imported'; photo: Photo }
  | { name: string; status: 'duplicate'; photo: Photo }
  | { name: string; status: 'rejected'; reason: string };

export const photoFilters = ['all', 'missing-credit', 'missing-alt', 'unused', 'in-article'] as const;
export type PhotoFilter = (typeof photoFilters)[number];

export interface PhotoPage {
  total: number;
  photos: Photo[];
}

/** Removes control characters, normalizes to NFC, trims and caps a value read from a file or typed. */
export function cleanText(value: string, limit: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed.
  const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
  const text = toNfc(value.replace(controls, '').replace(/\s+/g, ' ').trim());
  return [...text].slice(0, limit).join('');
}

/** A photo has its credit when it names a creator or carries a credit line. */
export const hasCredit = (photo: Pick<PhotoMeta, 'creator' | 'creditLine'>): boolean =>
  photo.creator.trim() !== '' || photo.creditLine.trim() !== '';
export const hasAltText = (photo: Pick<PhotoMeta, 'altText'>): boolean => photo.altText.trim() !== '';

export const photoId = z.string().regex(/^[a-f0-9]{64}$/);

const textChange = (field: PhotoTextField) => z.string().max(photoFieldLimits[field] * 2);

/** What a batch edit may set: each value may hold template variables ({creator}, {date}, {city}…). */
export const photoChangesSchema = z
  .strictObject(
    Object.fromEntries(photoTextFields.map((field) => [field, textChange(field).optional()])) as {
      [F in PhotoTextField]: z.ZodOptional<z.ZodString>;
    },
  )
  .extend({ keywords: z.array(z.string().max(maxKeywordLength)).max(maxKeywords).optional() });
export type PhotoChanges = z.output<typeof photoChangesSchema>;

/** The variables a template may use, from the photo it is applied to. */
export function templateVariables(photo: Photo): Record<string, string> {
  return {
    creator: photo.creator,
    credit: photo.creditLine,
    date: photo.dateCreated.slice(0, 10),
    year: photo.dateCreated.slice(0, 4),
    city: photo.city,
    country: photo.country,
    source: photo.source,
    headline: photo.headline,
    description: photo.description,
    file: photo.originalName,
  };
}

/** Fills {variable} from the photo; unknown names stay as typed, so a typo shows. */
export const applyTemplate = (template: string, photo: Photo): string =>
  template.replace(/\{([a-z]+)\}/g, (whole, name: string) => templateVariables(photo)[name] ?? whole);

/** A short code expanding to a long name in captions (e.g. "#nmh" → "Trung tướng Nguyễn Mạnh Hùng, Chính ủy Tổng cục"). */
export const captionCodeSchema = z.strictObject({
  code: z.string().regex(/^#[\p{L}\p{N}_-]{1,30}$/u),
  expansion: z.string().trim().min(1).max(300).transform(toNfc),
});
export type CaptionCode = z.output<typeof captionCodeSchema>;

/**
 * Expands every code in a caption (whole codes only: "#nmh" but not "#nmhx"). While typing,
 * a code at the very end waits for the next character, so a longer code can still be typed.
 */
export function expandCaptionCodes(
  text: string,
  codes: readonly CaptionCode[],
  options: { typing?: boolean } = {},
): string {
  if (codes.length === 0 || !text.includes('#')) return text;
  const byCode = new Map(codes.map((entry) => [entry.code, entry.expansion]));
  return text.replace(/#[\p{L}\p{N}_-]+/gu, (code, offset: number) => {
    if (options.typing && offset + code.length === text.length) return code;
    return byCode.get(code) ?? code;
  });
}
