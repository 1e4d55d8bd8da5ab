import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageSlug } from '../../../shared/export/articleHtml';
import { getArticle } from '../archive/articleStore';
import { CoreError } from '../CoreError';
import { exportFolder, exportsDir, exportStory, preflightArticle } from '../export/exportStory';
import type { CoreContext, HandlersOf } from './context';

/** A new folder of that name, or name-2, name-3…: made here, so two exports never share one. */
function claimFolder(base: string): string {
  mkdirSync(dirname(base), { recursive: true });
  for (let n = 1; ; n += 1) {
    const dir = n === 1 ? base : `${base}-${n}`;
    try {
      mkdirSync(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

export function exportHandlers({ db, dataDir, openFolder }: CoreContext) {
  /** Running exports, by article: image files written of all. */
  const exporting = new Map<number, { done: number; total: number }>();
  return {
    'articles.preflight': ({ id }) => preflightArticle(db, id).checks,
    'articles.export': async ({ id, draft }) => {
      if (exporting.has(id))
        throw new CoreError('conflict', 'This article is being exported already; wait for that export to finish.');
      // Only the slug is needed here: the export reads the article and runs the preflight itself.
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
      const dir = claimFolder(join(exportsDir(dataDir()), `${packageSlug(getArticle(db, id), id)}-${stamp}`));
      exporting.set(id, { done: 0, total: 0 });
      try {
        const result = await exportStory(db, dataDir(), id, dir, {
          draft,
          onProgress: (progress) => exporting.set(id, progress),
        });
        return result.status === 'blocked'
          ? result
          : {
              status: 'exported',
              dir: result.dir,
              draft: result.draft,
              files: result.files.length,
              preflight: result.preflight,
            };
      } finally {
        exporting.delete(id);
      }
    },
    'articles.exportProgress': ({ id }) => {
      const progress = exporting.get(id);
      return progress ? { running: true, ...progress } : { running: false, done: 0, total: 0 };
    },
    'exports.openFolder': async ({ dir }) => {
      if (!openFolder) throw new CoreError('forbidden', 'This edition cannot open folders; the path is shown to copy.');
      await openFolder(exportFolder(dataDir(), dir));
      return { opened: true };
    },
  } satisfies HandlersOf<'articles.preflight' | 'articles.export' | 'articles.exportProgress' | 'exports.openFolder'>;
}
