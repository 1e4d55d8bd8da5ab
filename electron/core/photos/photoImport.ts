import type { Database } from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PhotoImportResult } from '../../../shared/photos/photo';
import { cleanText } from '../../../shared/photos/photo';
import { registerNames } from '../archive/peopleStore';
import { CoreError } from '../CoreError';
import type { PhotoImporter } from './photoImporter';
import { findPhoto, getPhoto, insertPhoto, originalPath, photosDir, renditionKinds, renditionPath } from './photoStore';

export interface ImportFile {
  path: string;
  /** The name to show and keep (the upload's or the file's). */
  name: string;
}

export interface ImportOptions {
  onResult?: (result: PhotoImportResult, index: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Imports files one by one: each is decoded in the worker, then stored once under its SHA-256
 * (a second copy is a duplicate, one record), with its renditions beside it. One file's
 * failure is its own result; the rest of the batch goes on. Cancelling stops before the next file.
 */
export async function importPhotoFiles(
  db: Database,
  dataDir: string,
  importer: PhotoImporter,
  files: readonly ImportFile[],
  options: ImportOptions = {},
): Promise<PhotoImportResult[]> {
  const results: PhotoImportResult[] = [];
  const scratch = join(photosDir(dataDir), 'tmp');
  mkdirSync(scratch, { recursive: true });
  const outDir = mkdtempSync(join(scratch, 'batch-'));
  try {
    for (const [index, file] of files.entries()) {
      if (options.signal?.aborted) break;
      const result = await importOne(db, dataDir, importer, file, outDir);
      results.push(result);
      options.onResult?.(result, index, files.length);
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return results;
}

function placeRenditions(dataDir: string, id: string, made: { thumb: string; preview: string }): void {
  for (const kind of renditionKinds) {
    const target = renditionPath(dataDir, id, kind);
    mkdirSync(join(target, '..'), { recursive: true });
    renameSync(kind === 'thumb' ? made.thumb : made.preview, target);
  }
}

/** Makes a photo's renditions from its original: one whose record came from the desk has none until then. */
export async function makeRenditions(
  dataDir: string,
  importer: PhotoImporter,
  id: string,
  original: string,
): Promise<void> {
  if (renditionKinds.every((kind) => existsSync(renditionPath(dataDir, id, kind)))) return;
  const scratch = join(photosDir(dataDir), 'tmp');
  mkdirSync(scratch, { recursive: true });
  const outDir = mkdtempSync(join(scratch, 'renditions-'));
  try {
    const reply = await importer.process({ path: original, outDir });
    if (!reply.ok) throw new CoreError('validation', reply.reason);
    placeRenditions(dataDir, id, reply);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function importOne(
  db: Database,
  dataDir: string,
  importer: PhotoImporter,
  file: ImportFile,
  outDir: string,
): Promise<PhotoImportResult> {
  const name = cleanText(file.name, 255) || 'photo';
  if (!existsSync(file.path)) return { name, status: 'rejected', reason: 'The file does not exist.' };
  const reply = await importer.process({ path: file.path, outDir });
  if (!reply.ok) return { name, status: 'rejected', reason: reply.reason };
  const existing = findPhoto(db, reply.id);
  if (existing) return { name, status: 'duplicate', photo: existing };
  // The files first (temp name, then rename), the record last: a record never points at nothing.
  const original = originalPath(dataDir, reply.id, reply.format);
  mkdirSync(join(original, '..'), { recursive: true });
  copyFileSync(file.path, `${original}.partial`);
  // A copy keeps the source's mode (a card's 0644): the library is the user's alone.
  chmodSync(`${original}.partial`, 0o600);
  renameSync(`${original}.partial`, original);
  placeRenditions(dataDir, reply.id, reply);
  const at = new Date().toISOString();
  insertPhoto(db, { ...reply, originalName: name, importedAt: at, updatedAt: at }, reply.meta);
  // Whoever made the photo joins the contributor registry, whichever shell or command imported it.
  registerNames(db, [reply.meta.creator]);
  return { name, status: 'imported', photo: getPhoto(db, reply.id) };
}
