import type { DeskConflict, DeskEditor, DeskNews, DeskStatus, DeskSyncReport } from '../desk/status';
import { z } from 'zod';
import type { Article, SavedVersion } from '../article/article';
import { articleContentShape, articleStatuses, headlineSchema } from '../article/article';
import type { LegacyEncoding } from '../text/legacyEncodings';
import { toNfc } from '../text/nfc';
import type { ArticleListPage } from '../archive/list';
import { listQuerySchema, listScopes } from '../archive/list';
import type { ArchiveStatus } from '../archive/status';
import { recoveryActions } from '../archive/status';
import type { Revision, RevisionSummary } from '../history/revisions';
import type { Photo, PhotoImportResult, PhotoPage } from '../photos/photo';
import { photoChangesSchema, photoFilters, photoId } from '../photos/photo';
import type { Person } from '../people/person';
import { personSchema } from '../people/person';
import type { PreflightItem } from '../export/preflight';
import type { SearchPage } from '../search/results';
import type { Settings } from '../settings/settings';
import { settingsSchema } from '../settings/settings';
import type { MethodNameFromList } from './methodNames';
import { methodNames } from './methodNames';
import type { Result } from './result';

/**
 * A method of the contract: the zod schema of its input and, as a phantom type, its result.
 * Both shells parse every input with the schema before the core sees it.
 */
interface MethodSpec<I extends z.ZodType, R> {
  input: I;
  result?: R;
}

const method =
  <R>() =>
  <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input });

const articleId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const version = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const partial = <S extends Record<string, z.ZodType>>(shape: S): { [K in keyof S]: z.ZodOptional<S[K]> } =>
  Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.optional()])) as {
    [K in keyof S]: z.ZodOptional<S[K]>;
  };

export const contract = {
  /** The archive list a page at a time, newest change first (a page of 60 unless told). */
  'articles.list': method<ArticleListPage>()(listQuerySchema),
  'articles.create': method<Article>()(z.strictObject({ headline: headlineSchema.optional() })),
  'articles.get': method<Article>()(z.strictObject({ id: articleId })),
  /** Writes the fields given (any part of the article); the rest stay as they are. */
  'articles.save': method<SavedVersion>()(
    z.strictObject({ id: articleId, baseVersion: version, ...partial(articleContentShape) }),
  ),
  /** Moves the article through the workflow; a transition the desk does not allow is refused. */
  'articles.setStatus': method<SavedVersion>()(
    z.strictObject({ id: articleId, baseVersion: version, status: z.enum(articleStatuses) }),
  ),
  /** A .docx, .html or .txt file becomes a new article (the bytes as base64, at most 20 MB). */
  'articles.import': method<Article & { convertedFrom: LegacyEncoding | null }>()(
    z.strictObject({ fileName: z.string().min(1).max(255), dataBase64: z.base64().max(28_000_000) }),
  ),
  /** Full-text search of the archive (Vietnamese with and without marks), 20 results a page. */
  'articles.search': method<SearchPage>()(
    z.strictObject({
      query: z.string().trim().min(1).max(200),
      status: z.enum(articleStatuses).optional(),
      section: z.string().max(80).optional(),
      contributor: z.string().max(120).optional(),
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
      missingPhotoCredit: z.boolean().optional(),
      scope: z.enum(listScopes).optional(),
      page: z.number().int().min(1).max(10_000).optional(),
    }),
  ),
  /** What a desk checks before publishing: errors block an export, warnings do not. */
  'articles.preflight': method<PreflightItem[]>()(z.strictObject({ id: articleId })),
  /** The story package, into a new folder under the data folder's exports/; refused on preflight errors unless draft. */
  'articles.export': method<{
    status: 'blocked' | 'exported';
    dir?: string;
    draft?: boolean;
    files?: number;
    preflight: PreflightItem[];
  }>()(z.strictObject({ id: articleId, draft: z.boolean().optional() })),
  /** How far the article's running export is: image files written of all (running false when none runs). */
  'articles.exportProgress': method<{ running: boolean; done: number; total: number }>()(
    z.strictObject({ id: articleId }),
  ),
  /** Shows an exported package's folder in the system's file manager (only folders under exports/). */
  'exports.openFolder': method<{ opened: true }>()(z.strictObject({ dir: z.string().min(1).max(4096) })),
  /** The article's kept versions, newest first. */
  'articles.history': method<RevisionSummary[]>()(z.strictObject({ id: articleId })),
  /** One kept version, whole. */
  'articles.revision': method<Revision>()(z.strictObject({ id: articleId, revisionId: articleId })),
  /** Keeps the article as it is now under a name ("sent to desk"); named versions are never thinned. */
  'articles.saveVersion': method<RevisionSummary>()(
    z.strictObject({ id: articleId, name: z.string().trim().min(1).max(80).transform(toNfc) }),
  ),
  /** Makes a kept version the article's next version; the text it replaces is kept first. */
  'articles.restore': method<SavedVersion>()(
    z.strictObject({ id: articleId, baseVersion: version, revisionId: articleId }),
  ),
  /** Whether the archive is open, or damaged and waiting for a recovery choice. */
  'archive.status': method<ArchiveStatus>()(z.strictObject({})),
  /** After a damaged archive was moved aside: restore a backup, use the archive file without its log, or start empty. */
  'archive.recover': method<ArchiveStatus>()(
    z.strictObject({
      action: z.enum(recoveryActions),
      backup: z
        .string()
        .regex(/^archive-\d{8}T\d{9}Z-[a-z-]+\.sqlite3$/)
        .optional(),
    }),
  ),
  /** One photo uploaded (the browser edition sends a batch file by file, so it shows progress and can stop). */
  'photos.import': method<PhotoImportResult>()(
    z.strictObject({ fileName: z.string().min(1).max(255), dataBase64: z.base64().max(96_000_000) }),
  ),
  /** Desktop only: a photo file by its path on this computer (chosen in the file dialog or dropped); no bytes cross the page. */
  'photos.importPath': method<PhotoImportResult>()(z.strictObject({ path: z.string().min(1).max(4096) })),
  /** Desktop only: the system's file dialog, for photos; the paths chosen. */
  'photos.pickFiles': method<string[]>()(z.strictObject({})),
  /** The photo library: a filter, a search (with or without marks), a sort, a page. */
  'photos.list': method<PhotoPage>()(
    z.strictObject({
      filter: z.enum(photoFilters).optional(),
      articleId: articleId.optional(),
      query: z.string().max(200).optional(),
      sort: z.enum(['newest', 'oldest', 'taken']).optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
  ),
  'photos.get': method<Photo>()(z.strictObject({ id: photoId })),
  /** A photo whose record came from the desk: its original fetched from the desk, its renditions made here. */
  'photos.fetchOriginal': method<Photo>()(z.strictObject({ id: photoId })),
  /** Edits one or many photos; values may use {creator}, {date}, {city}… filled per photo. */
  'photos.update': method<Photo[]>()(
    z.strictObject({ ids: z.array(photoId).min(1).max(5000), changes: photoChangesSchema }),
  ),
  /** The contributor registry: everyone named as a contributor or a photo's creator. */
  'people.list': method<Person[]>()(z.strictObject({})),
  /** How a person's name is written in credit lines ('' for upper case), and their unit. */
  'people.save': method<Person>()(personSchema),
  /** Whether this laptop has joined a desk, as whom, and what waits to be sent. */
  'desk.status': method<DeskStatus>()(z.strictObject({})),
  /** Joins a desk: the password is sent to the desk once; the device token stays in the core. */
  'desk.join': method<DeskStatus>()(
    z.strictObject({
      url: z.url({ protocol: /^https?$/ }).max(500),
      user: z.string().trim().min(1).max(60),
      password: z.string().min(1).max(1024),
    }),
  ),
  /** One sync round: what waits is pushed, what the desk has is pulled. */
  'desk.sync': method<DeskSyncReport>()(z.strictObject({})),
  /**
   * "Being edited by": this laptop opened an article for editing (say it again every minute
   * while it is open) or closed it; answers who else on the desk has it open. Advisory.
   */
  'desk.editing': method<DeskEditor[]>()(z.strictObject({ id: z.number().int().positive(), editing: z.boolean() })),
  /** Every article of this archive that others on the desk have open for editing. */
  'desk.editors': method<DeskEditor[]>()(z.strictObject({})),
  /** The conflict the desk marked on an article: who, and each passage in both texts; null when none waits. */
  'desk.conflict': method<{ conflict: DeskConflict | null }>()(z.strictObject({ id: z.number().int().positive() })),
  /** A person's choice for each passage of a conflict (true: the other text): saved as a new version, settled on the desk at the next push. */
  'desk.resolve': method<SavedVersion>()(
    z.strictObject({
      id: z.number().int().positive(),
      version: z.number().int().positive(),
      useKept: z.array(z.boolean()).max(20_000),
    }),
  ),
  /** "While you were away": what others did to this user's articles, newest first, and how many are new. */
  'desk.news': method<{ items: DeskNews[]; unseen: number }>()(z.strictObject({})),
  /** The user has read the news. */
  'desk.newsSeen': method<{ items: DeskNews[]; unseen: number }>()(z.strictObject({})),
  /** Signs this laptop out of the desk (its archive stays as it is). */
  'desk.leave': method<DeskStatus>()(z.strictObject({})),
  'settings.get': method<Settings>()(z.strictObject({})),
  'settings.update': method<Settings>()(settingsSchema.partial().strict()),
} satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (before parsing). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What the core receives (after parsing: trimmed to the schema, NFC). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = NonNullable<Contract[M]['result']>;

/** The same names as the contract's keys, no more and no fewer (checked by the compiler). */
const sameNames: [MethodName] extends [MethodNameFromList]
  ? [MethodNameFromList] extends [MethodName]
    ? true
    : never
  : never = true;
void sameNames;
export { methodNames };

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);

/** The renderer's view of the contract: one async function per method. */
export type Api = { [M in MethodName]: (input: Input<M>) => Promise<Result<Output<M>>> };
