import { z } from 'zod';
import { articleContentShape, articleStatuses, bodySchema, limits } from '../article/article';
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
  }),
  z.strictObject({
    kind: z.literal('article.status'),
    mutationId: uuid,
    articleId: uuid,
    baseVersion: z.number().int().min(1),
    status: z.enum(articleStatuses),
  }),
]);
export type Mutation = z.output<typeof mutation>;

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
}

/**
 * The desk-wide settings (outlet prefix, credit line, copy desk, caption codes, export): kept on
 * the desk, set by its admin, synced down to every laptop. Who works on a laptop stays its own.
 */
export const deskSettingsSchema = settingsSchema.omit({ userName: true });
export type DeskSettings = z.output<typeof deskSettingsSchema>;
export const deskSettingKeys = Object.keys(deskSettingsSchema.shape) as (keyof DeskSettings)[];

/** An admin's change of the desk's settings: the keys changed, each with its whole new value. */
export const settingsPush = z.strictObject({
  mutationId: uuid,
  baseVersion: z.number().int().min(0),
  settings: deskSettingsSchema.partial().strict(),
});
export type SettingsPush = z.output<typeof settingsPush>;

export interface PullResponse {
  changes: { seq: number; article: DeskArticle }[];
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
