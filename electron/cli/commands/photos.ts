import type { CliCommand } from '../command';
import { basename, resolve } from 'node:path';
import { PhotoImporter } from '../../core/photos/photoImporter';
import { importPhotoFiles } from '../../core/photos/photoImport';
import { CliError } from '../output';

import { call } from './context';
import type { CommandContext } from './context';

/** Imports photo files one by one, a line per file as it is done; exit 1 when any was rejected. */
export async function photosImport(context: CommandContext, files: readonly string[]): Promise<boolean> {
  if (files.length === 0) throw new CliError('photos import needs files: newsroom photos import FILE…', 2);
  const importer = new PhotoImporter();
  try {
    const results = await importPhotoFiles(
      context.core.db,
      context.core.dataDir,
      importer,
      files.map((file) => ({ path: resolve(file), name: basename(file) })),
      {
        onResult: (result, index, total) => {
          context.core.noteChanges();
          if (context.json) return;
          const what =
            result.status === 'rejected'
              ? `rejected: ${result.reason}`
              : result.status === 'duplicate'
                ? `duplicate of ${result.photo.id.slice(0, 12)} (${result.photo.originalName})`
                : `imported ${result.photo.id.slice(0, 12)}${result.photo.creator ? ` · ${result.photo.creator}` : ' · no credit yet'}`;
          context.io.out(`[${index + 1}/${total}] ${result.name}: ${what}`);
        },
      },
    );
    if (context.json) context.io.out(JSON.stringify(results));
    else {
      const count = (status: string) => results.filter((result) => result.status === status).length;
      context.io.out(
        `${count('imported')} imported, ${count('duplicate')} duplicate(s), ${count('rejected')} rejected.`,
      );
    }
    return results.every((result) => result.status !== 'rejected');
  } finally {
    importer.close();
  }
}

/** The photo library from the command line. */
export async function photosList(
  context: CommandContext,
  filter: string | undefined,
  query: string | undefined,
): Promise<void> {
  const page = await call(context.core, 'photos.list', { filter, query, limit: 1000 });
  if (context.json) {
    context.io.out(JSON.stringify(page));
    return;
  }
  context.io.out(`${page.total} photo(s)`);
  for (const photo of page.photos) {
    context.io.out(
      `${photo.id.slice(0, 12)}  ${photo.width}×${photo.height}  ${photo.creator || '(no creator)'}  ${photo.description.slice(0, 60)}`,
    );
  }
}

export const photosCommands: readonly CliCommand[] = [
  {
    name: ['photos', 'import'],
    usage: 'photos import FILE…',
    summary: 'import photos (JPEG, PNG, WebP, TIFF); a line per file; exit 1 if any was rejected',
    archive: 'open',
    maintenance:
      'reads the files by path and reports each as it is done, which the contract (one upload a call) does not',
    run: (context, { args }) => photosImport(context, args),
  },
  {
    name: ['photos', 'list'],
    usage: 'photos list [--filter F] [QUERY]',
    summary: 'the photo library (filters: missing-credit, missing-alt, unused)',
    options: ['filter'],
    archive: 'open',
    run: (context, { values, args }) => photosList(context, values.filter, args.join(' ') || undefined),
  },
];
