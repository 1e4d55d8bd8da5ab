import type { ChildNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { PhotoMeta, PhotoTextField } from '../../../shared/photos/photo';
import {
  cleanText,
  emptyPhotoMeta,
  maxKeywordLength,
  maxKeywords,
  photoFieldLimits,
  photoTextFields,
} from '../../../shared/photos/photo';

type Partial = { [F in PhotoTextField]?: string } & { keywords?: string[]; dateCreated?: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** UTF-8 when the bytes are valid UTF-8 (what most tools write), otherwise Latin-1. */
function decode(bytes: Uint8Array, forceUtf8 = false): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return forceUtf8 ? new TextDecoder('utf-8').decode(bytes) : latin1.decode(bytes);
  }
}

// ---------------------------------------------------------------- IPTC IIM

/** The IIM block inside a Photoshop image resource block (resource 0x0404), or the block itself. */
function iimBlock(buffer: Buffer): Buffer | undefined {
  if (buffer[0] === 0x1c) return buffer;
  for (let at = buffer.indexOf('8BIM'); at >= 0 && at + 12 <= buffer.length; at = buffer.indexOf('8BIM', at + 4)) {
    const resource = buffer.readUInt16BE(at + 4);
    const nameLength = buffer[at + 6] ?? 0;
    const nameEnd = at + 6 + 1 + nameLength + ((1 + nameLength) % 2);
    if (nameEnd + 4 > buffer.length) return undefined;
    const size = buffer.readUInt32BE(nameEnd);
    if (resource === 0x0404) return buffer.subarray(nameEnd + 4, Math.min(buffer.length, nameEnd + 4 + size));
  }
  return undefined;
}

const iimFields: Record<number, PhotoTextField | 'keywords' | 'dateCreated'> = {
  80: 'creator',
  110: 'creditLine',
  115: 'source',
  116: 'copyright',
  120: 'description',
  105: 'headline',
  25: 'keywords',
  55: 'dateCreated',
  90: 'city',
  101: 'country',
};

/** Reads the IPTC IIM datasets we use; the 1:90 character-set flag (ESC % G) means UTF-8. */
export function readIptc(buffer: Buffer | undefined): Partial {
  const block = buffer && iimBlock(buffer);
  if (!block) return {};
  const datasets: { record: number; dataset: number; data: Buffer }[] = [];
  let at = 0;
  while (at + 5 <= block.length && block[at] === 0x1c) {
    const record = block[at + 1] ?? 0;
    const dataset = block[at + 2] ?? 0;
    let length = block.readUInt16BE(at + 3);
    let start = at + 5;
    if (length & 0x8000) {
      // Extended dataset: the next (length & 0x7fff) bytes hold the real length.
      const count = length & 0x7fff;
      if (count > 4 || start + count > block.length) break;
      length = 0;
      for (let i = 0; i < count; i += 1) length = length * 256 + (block[start + i] ?? 0);
      start += count;
    }
    if (start + length > block.length) break;
    datasets.push({ record, dataset, data: block.subarray(start, start + length) });
    at = start + length;
  }
  const charset = datasets.find((entry) => entry.record === 1 && entry.dataset === 90)?.data;
  const isUtf8 = charset !== undefined && charset.equals(Buffer.from([0x1b, 0x25, 0x47]));
  const out: Partial = {};
  for (const { record, dataset, data } of datasets) {
    if (record !== 2) continue;
    const field = iimFields[dataset];
    if (!field) continue;
    const value = decode(data, isUtf8);
    if (field === 'keywords') out.keywords = [...(out.keywords ?? []), value];
    else if (field === 'creator') out.creator = out.creator ? `${out.creator}, ${value}` : value;
    else if (field === 'dateCreated')
      out.dateCreated = /^\d{8}$/.test(value)
        ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`
        : value;
    else out[field] = value;
  }
  return out;
}

// ---------------------------------------------------------------- XMP

const xmpProperties: Record<string, PhotoTextField | 'keywords' | 'dateCreated'> = {
  'dc:creator': 'creator',
  'photoshop:Credit': 'creditLine',
  'dc:rights': 'copyright',
  'photoshop:Source': 'source',
  'xmpRights:UsageTerms': 'usageTerms',
  'dc:description': 'description',
  'photoshop:Headline': 'headline',
  'dc:subject': 'keywords',
  'photoshop:DateCreated': 'dateCreated',
  'photoshop:City': 'city',
  'photoshop:Country': 'country',
  'Iptc4xmpCore:CountryName': 'country',
  'Iptc4xmpCore:AltTextAccessibility': 'altText',
};

const isElement = (node: ChildNode): node is Element => isTag(node);
const elements = (node: { children: ChildNode[] }): Element[] => node.children.filter(isElement);
const textOf = (node: { children: ChildNode[] }): string =>
  node.children.map((child) => (isText(child) ? child.data : isElement(child) ? textOf(child) : '')).join('');

/** The values of a property: an rdf:Alt (x-default first), rdf:Seq or rdf:Bag, or plain text. */
function propertyValues(element: Element): string[] {
  const container = elements(element).find((child) => ['rdf:Alt', 'rdf:Seq', 'rdf:Bag'].includes(child.name));
  if (!container) return [textOf(element)];
  const items = elements(container).filter((child) => child.name === 'rdf:li');
  if (container.name === 'rdf:Alt') {
    const preferred = items.find((item) => item.attribs['xml:lang'] === 'x-default') ?? items[0];
    return preferred ? [textOf(preferred)] : [];
  }
  return items.map(textOf);
}

export function readXmp(buffer: Buffer | undefined): Partial {
  if (!buffer || buffer.length === 0) return {};
  const xml = decode(buffer, true);
  const document = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const out: Partial = {};
  const set = (field: PhotoTextField | 'keywords' | 'dateCreated', values: string[]) => {
    if (values.length === 0 || values.every((value) => value.trim() === '')) return;
    if (field === 'keywords') out.keywords = values;
    else if (field === 'creator') out.creator = values.join(', ');
    else out[field] ??= values[0] ?? '';
  };
  const visit = (node: Element) => {
    if (node.name === 'rdf:Description') {
      for (const [name, value] of Object.entries(node.attribs)) {
        const field = xmpProperties[name];
        if (field) set(field, [value]);
      }
    }
    const field = xmpProperties[node.name];
    if (field) set(field, propertyValues(node));
    for (const child of elements(node)) visit(child);
  };
  for (const child of elements(document)) visit(child);
  return out;
}

// ---------------------------------------------------------------- EXIF (TIFF)

/** ImageDescription, Artist, Copyright from IFD0, and DateTimeOriginal from the Exif IFD. */
export function readExif(buffer: Buffer | undefined): Partial {
  if (!buffer) return {};
  const base = buffer.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0;
  const tiff = buffer.subarray(base);
  if (tiff.length < 8) return {};
  const little = tiff.toString('latin1', 0, 2) === 'II';
  if (!little && tiff.toString('latin1', 0, 2) !== 'MM') return {};
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const readIfd = (offset: number): Map<number, string | number> => {
    const tags = new Map<number, string | number>();
    if (offset + 2 > tiff.length) return tags;
    const count = u16(offset);
    for (let i = 0; i < count && offset + 2 + i * 12 + 12 <= tiff.length; i += 1) {
      const entry = offset + 2 + i * 12;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const length = u32(entry + 4);
      if (type === 2 && length <= 65536) {
        const at = length <= 4 ? entry + 8 : u32(entry + 8);
        if (at + length <= tiff.length) tags.set(tag, decode(tiff.subarray(at, at + length)).replace(/\0+$/, ''));
      } else if (type === 4) {
        tags.set(tag, u32(entry + 8));
      }
    }
    return tags;
  };
  try {
    const ifd0 = readIfd(u32(4));
    const exifOffset = ifd0.get(0x8769);
    const exif = typeof exifOffset === 'number' ? readIfd(exifOffset) : new Map<number, string | number>();
    const text = (value: string | number | undefined) => (typeof value === 'string' ? value : undefined);
    const original = text(exif.get(0x9003));
    const out: Partial = {};
    const description = text(ifd0.get(0x010e));
    const artist = text(ifd0.get(0x013b));
    const copyright = text(ifd0.get(0x8298));
    if (description) out.description = description;
    if (artist) out.creator = artist;
    if (copyright) out.copyright = copyright;
    const date = original && /^(\d{4}):(\d{2}):(\d{2}) (\d{2}:\d{2}:\d{2})/.exec(original);
    if (date) out.dateCreated = `${date[1]}-${date[2]}-${date[3]}T${date[4]}`;
    return out;
  } catch {
    return {};
  }
}

/**
 * A photo's credits and description from all three sources: XMP first (the current standard),
 * then IPTC IIM, then EXIF. Every value is cleaned, NFC and capped.
 */
export function readPhotoMeta(sources: { exif?: Buffer; iptc?: Buffer; xmp?: Buffer }): PhotoMeta {
  const layers = [readXmp(sources.xmp), readIptc(sources.iptc), readExif(sources.exif)];
  const meta = emptyPhotoMeta();
  for (const field of photoTextFields) {
    const value = layers
      .map((layer) => layer[field])
      .find((candidate) => candidate !== undefined && candidate.trim() !== '');
    if (value !== undefined) meta[field] = cleanText(value, photoFieldLimits[field]);
  }
  const keywords = layers.map((layer) => layer.keywords).find((list) => list !== undefined && list.length > 0) ?? [];
  meta.keywords = [
    ...new Set(keywords.map((keyword) => cleanText(keyword, maxKeywordLength)).filter((keyword) => keyword !== '')),
  ].slice(0, maxKeywords);
  const date = layers
    .map((layer) => layer.dateCreated)
    .find((candidate) => candidate !== undefined && candidate !== '');
  meta.dateCreated = date ? cleanText(date, 40) : '';
  return meta;
}
