import type { Database } from 'better-sqlite3';
import type { MethodName, Output, ParsedInput } from '../../../shared/api/contract';
import type { HistoryPolicy } from '../archive/revisionStore';
import type { PhotoImportResult } from '../../../shared/photos/photo';
import type { PhotoImporter } from '../photos/photoImporter';
import type { DeskLink } from '../sync/deskLink';
import type { SyncRunner } from '../sync/syncRunner';

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

/** The handlers of some methods (a domain's file). */
export type HandlersOf<M extends MethodName> = Pick<Handlers, M>;

/** What every domain's handlers share, made once by createCore. */
export interface CoreContext {
  db: Database;
  policy: HistoryPolicy;
  /** Who acts, for the history (the settings' user name, read once and after each change). */
  actor: () => { by: string; policy: HistoryPolicy };
  /** After the settings change: read the user name again. */
  forgetActor: () => void;
  /** Passes a value through and has the search indexes catch up a second later. */
  indexSoon: <T>(value: T) => T;
  /** The data folder, or a refusal when the core was opened without one. */
  dataDir: () => string;
  /** One photo file through the importer (made on first use). */
  importPhotoFile: (path: string, name: string) => Promise<PhotoImportResult>;
  /** The photo decoder (made on first use). */
  photoImporter: () => PhotoImporter;
  allowPathImport: boolean;
  openFolder: ((dir: string) => Promise<void>) | undefined;
  /** Every sync round on this archive, one at a time (and the background's, in the shells). */
  sync: () => SyncRunner;
  /** The desk this laptop has joined; none without a data folder. */
  deskLink: () => DeskLink | undefined;
  /** The names the user goes by: the settings' user name, and the desk's when joined ("mine", "assigned to me"). */
  me: () => string[];
}
