import { z } from 'zod';
import { articleContentShape, articleStatuses, bodySchema, limits } from '../article/article';
import {
  photoFieldLimits,
  photoFormats,
  photoId,
  photoTextFields,
  maxKeywordLength,
  maxKeywords,
} from '../photos/photo';
import type { PhotoMeta } from '../photos/photo';
import { personSchema } from '../people/person';
import { settingsSchema } from '../settings/settings';

/** What the desk's HTTP API takes and answers; the server and the laptop's sync both parse with these. */

export const deskRoles = ['reporter', 'photo', 'editor', 'admin'] as const;
export type DeskRole = (typeof deskRoles)[number];

export const userName = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'A user name is letters, digits, dots, dashes and underscores.')
  .transform((name) => name.normalize('NFC').toLowerCase());

const uuid = z.uuid();

export const joinRequest = z.strictObject({
  user: userName,
  password: z.string().min(1).max(1024),
  device: z.string().trim().min(1).max(100),
});
export type JoinRequest = z.input<typeof joinRequest>;
export interface JoinResponse {
  token: string;
  deviceId: string;
  user: string;
  role: DeskRole;
}

const content = z.strictObject(
  Object.fromEntries(Object.entries(articleContentShape).map(([key, schema]) => [key, schema.optional()])) as {
    [K in keyof typeof articleContentShape]: z.ZodOptional<(typeof articleContentShape)[K]>;
  },
);

/** The largest original the desk takes (as a laptop's import does). */
export const maxOriginalBytes = 200 * 1024 * 1024;
/** An upload arrives in parts of at most this size, so a cut connection costs one part at most. */
export const originalPartBytes = 1024 * 1024;

/** What the file of a photo is: fixed when it is first sent. */
export const photoFile = z.strictObject({
  originalName: z.string().min(1).max(255),
  format: z.enum(photoFormats),
  width: z.number().int().min(1).max(1_000_000),
  height: z.number().int().min(1).max(1_000_000),
  bytes: z.number().int().min(1).max(maxOriginalBytes),
  importedAt: z.string().max(40),
});
export type PhotoFile = z.output<typeof photoFile>;

/** A photo's credit and description fields, each with its whole new value (cleaned as an import cleans them). */
export const photoMetaChanges = z
  .strictObject(
    Object.fromEntries(photoTextFields.map((field) => [field, z.string().max(photoFieldLimits[field]).optional()])) as {
      [F in (typeof photoTextFields)[number]]: z.ZodOptional<z.ZodString>;
    },
  )
  .extend({
    keywords: z.array(z.string().max(maxKeywordLength)).max(maxKeywords).optional(),
    dateCreated: z.string().max(40).optional(),
  });

/** One change a laptop made: resent with the same id after any failure, applied once. */
export const mutation = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('article.save'),
    mutationId: uuid,
    articleId: uuid,
    /** 0 for an article the desk does not have yet. */
    baseVersion: z.number().int().min(0),
    /** The fields changed, each with its whole new value. */
    fields: content,
    /**
     * The body as splices of the base version's body (instead of fields.body): a one-paragraph
     * edit of a long article sends that paragraph, not the article. Ordered, not overlapping.
     */
    bodyEdits: z
      .array(z.strictObject({ from: z.number().int().min(0), to: z.number().int().min(0), blocks: bodySchema }))
      .max(limits.blocks)
      .optional(),
    /** Set when this save settles the article's conflict of that version (a person chose, passage by passage). */
    resolves: z.number().int().min(1).optional(),
  }),
  z.strictObject({
    kind: z.literal('article.status'),
    mutationId: uuid,
    articleId: uuid,
    baseVersion: z.number().int().min(1),
    status: z.enum(articleStatuses),
  }),
  z.strictObject({
    kind: z.literal('photo.save'),
    mutationId: uuid,
    /** The SHA-256 of the original, hex: sent (and complete on the desk) before the record. */
    photoId,
    /** 0 for a photo this laptop has not had from the desk (another may have sent the same one). */
    baseVersion: z.number().int().min(0),
    /** Sent with the first save, and taken only when the desk has no record yet. */
    file: photoFile.optional(),
    fields: photoMetaChanges,
  }),
]);
export type Mutation = z.output<typeof mutation>;
export type ArticleMutation = Exclude<Mutation, { kind: 'photo.save' }>;
export type PhotoMutation = Extract<Mutation, { kind: 'photo.save' }>;

export const pushRequest = z.strictObject({ mutations: z.array(mutation).min(1).max(200) });

/** Why the desk refused a mutation: the rule, named. */
export const refusals = [
  'role',
  'not-author',
  'submitted',
  'workflow',
  'unknown-article',
  'stale-base',
  'disabled',
  'missing-original',
] as const;
export type Refusal = (typeof refusals)[number];

export type PushOutcome =
  | { mutationId: string; outcome: 'applied' | 'merged'; version: number }
  /** `version` is also the number of the conflict revision that keeps the other text. */
  | { mutationId: string; outcome: 'conflict'; version: number; fields: string[] }
  | { mutationId: string; outcome: 'refused'; rule: Refusal; message: string };

export interface DeskArticle {
  id: string;
  version: number;
  status: (typeof articleStatuses)[number];
  author: string;
  updatedBy: string;
  updatedAt: string;
  content: Record<string, unknown>;
  /** Set while a conflict waits for a person: who changed the same words, and the kept version. */
  conflict: { authors: string[]; version: number; fields: string[] } | null;
  /** With a conflict: the other text, as the conflict revision keeps it. */
  kept?: Record<string, unknown>;
}

/** The most people a desk's registry holds. */
export const maxPeople = 20_000;

/**
 * The desk-wide settings (outlet prefix, credit line, copy desk, caption codes, export, the people registry): kept on
 * the desk, set by its admin, synced down to every laptop. Who works on a laptop stays its own.
 */
export const deskSettingsSchema = settingsSchema.omit({ userName: true }).extend({
  /** The people registry: names with how the credit line writes them and their unit, as the desk keeps them. */
  people: z.array(personSchema).max(maxPeople),
});
export type DeskSettings = z.output<typeof deskSettingsSchema>;
export const deskSettingKeys = Object.keys(deskSettingsSchema.shape) as (keyof DeskSettings)[];

/** An admin's change of the desk's settings: the keys changed, each with its whole new value. */
export const settingsPush = z.strictObject({
  mutationId: uuid,
  baseVersion: z.number().int().min(0),
  settings: deskSettingsSchema.partial().strict(),
});
export type SettingsPush = z.output<typeof settingsPush>;

export interface DeskPhoto {
  /** The SHA-256 of the original, hex. */
  id: string;
  version: number;
  file: PhotoFile;
  meta: PhotoMeta;
  createdBy: string;
  updatedBy: string;
  updatedAt: string;
  /** Set when two people changed the same words of a field: who, the kept version, and the fields. */
  conflict: { authors: string[]; version: number; fields: string[] } | null;
}

export interface PullResponse {
  changes: { seq: number; article: DeskArticle }[];
  /** Photo records changed within this page (originals are fetched apart, when a laptop needs one). */
  photos: { seq: number; photo: DeskPhoto }[];
  /** The desk's settings as they are now, when they changed within this page. */
  settings?: { version: number; values: Partial<DeskSettings> };
  /** Pass it back as `after` for the next page. */
  cursor: number;
  more: boolean;
}

export const pullQuery = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

/**
 * "Being edited by": a laptop says it has an article open for editing, again every minute
 * while it does; the mark lapses two minutes after the last word. Advisory: it blocks nobody,
 * and what two people type still merges.
 */
export const checkoutRequest = z.strictObject({ articleId: uuid, editing: z.boolean() });
export const checkoutSeconds = 120;
export interface DeskCheckout {
  articleId: string;
  user: string;
  /** When the mark lapses unless it is said again. */
  until: string;
}

/** "Which of these originals do you lack?": the hashes of photos a laptop is about to send. */
export const missingOriginalsRequest = z.strictObject({ hashes: z.array(photoId).min(1).max(500) });
/** An original the desk lacks, and how many of its bytes an interrupted upload already left there. */
export interface MissingOriginal {
  sha256: string;
  received: number;
}

/** One part of an original: the bytes from `offset`, of an original of `size` bytes. */
export const originalPartQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).max(maxOriginalBytes),
  size: z.coerce.number().int().min(1).max(maxOriginalBytes),
});
export interface OriginalProgress {
  received: number;
  complete: boolean;
}
