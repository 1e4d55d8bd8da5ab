import type { Database } from 'better-sqlite3';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { migrations } from '../core/archive/migrate';
import { openArchive } from '../core/archive/openArchive';
import type { OpenArchiveOptions } from '../core/archive/openArchive';
import { createCore } from '../core/createCore';
import type { CoreOptions, Handlers } from '../core/createCore';
import { archivePath } from '../core/dataDir';
import { dispatch } from '../core/dispatch';
import { tempDir } from './tempDir';

/** Calls a contract method through dispatch (validation included); a refusal throws its code and message. */
export async function callCore<M extends MethodName>(
  handlers: Handlers,
  method: M,
  input: Input<M>,
): Promise<Output<M>> {
  const result = await dispatch(handlers, method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as Output<M>;
}

/** The same, on an archive service (startArchive): what the shells call. */
export const callService = <M extends MethodName>(service: { handlers: Handlers }, method: M, input: Input<M>) =>
  callCore(service.handlers, method, input);

export interface TestCore {
  db: Database;
  handlers: Handlers;
  dataDir: string;
  file: string;
  /** A typed call that must succeed. */
  call: <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>;
  /** Any input, the envelope as it comes: for refusals and hostile input. */
  result: (method: string, input: unknown) => Promise<Result<unknown>>;
}

/** A core on a real archive in a temp data folder (removed after the test). */
export function testCore(
  options: { dataDir?: string; core?: CoreOptions; archive?: OpenArchiveOptions } = {},
): TestCore {
  const dataDir = options.dataDir ?? tempDir();
  const file = archivePath(dataDir);
  const db = openArchive(file, options.archive);
  const handlers = createCore(db, { dataDir, ...options.core });
  return {
    db,
    handlers,
    dataDir,
    file,
    call: (method, input) => callCore(handlers, method, input),
    result: (method, input) => dispatch(handlers, method, input),
  };
}

/**
 * The archive of a new data folder as schema `version` made it, for upgrade tests: write the
 * old rows into `db`, close it, then open the folder (testCore, startArchive) to upgrade it.
 */
export function archiveAtVersion(version: number): { db: Database; dataDir: string; file: string } {
  const dataDir = tempDir();
  const file = archivePath(dataDir);
  return {
    db: openArchive(file, { migrations: migrations.filter((migration) => migration.version <= version) }),
    dataDir,
    file,
  };
}
