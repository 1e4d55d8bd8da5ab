// The archive list at scale: ARTICLES (default 100,000) articles in a real archive file. Times
// the editor's first page (articles.list through the contract, answered as the shells send it,
// JSON), a page deep in the list, the "assigned to me" and status views, against the peer: the
// whole list as the editor loaded it at start before paging (c8f214b's listArticles: every
// summary, newest first, as JSON).
// Run: npm run bench:list   (ARTICLES=20000 for a quicker run)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ArticleListPage, ListQuery } from '../shared/archive/list';
import { openArchive } from '../electron/core/archive/openArchive';
import type { SummaryRow } from '../electron/core/archive/articleStore';
import { rowToSummary } from '../electron/core/archive/articleStore';
import { createCore } from '../electron/core/createCore';
import { dispatch } from '../electron/core/dispatch';
import { seedArticles } from '../electron/testing/seedArticles';
import { ms, percentile } from './lib/stats';

const articleCount = Number(process.env.ARTICLES ?? 100_000);
const runs = 40;
const dir = mkdtempSync(join(tmpdir(), 'newsroom-bench-list-'));
try {
  const db = openArchive(join(dir, 'archive.sqlite3'));
  const seeded = performance.now();
  seedArticles(db, articleCount);
  console.log(`${articleCount} articles written in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

  const handlers = createCore(db, { dataDir: dir });
  await dispatch(handlers, 'settings.update', { userName: 'Minh Tuấn' });

  const time = async (label: string, once: () => Promise<number> | number): Promise<number> => {
    await once();
    const samples: number[] = [];
    let bytes = 0;
    for (let n = 0; n < runs; n += 1) {
      const began = performance.now();
      bytes = await once();
      samples.push(performance.now() - began);
    }
    const p95 = percentile(samples, 95);
    console.log(
      `${label.padEnd(44)} p50 ${ms(percentile(samples, 50)).padStart(10)}  p95 ${ms(p95).padStart(10)}  ${(bytes / 1024).toFixed(0)} KiB`,
    );
    return p95;
  };
  const page = (query: ListQuery) => async () => {
    const result = await dispatch(handlers, 'articles.list', query);
    if (!result.ok) throw new Error(result.error.message);
    return JSON.stringify(result).length;
  };

  const first = await time('first page (60)', page({}));
  const firstResult = (await dispatch(handlers, 'articles.list', { limit: 60 })) as { value: ArticleListPage };
  let deep = firstResult.value.next ?? undefined;
  for (let n = 0; n < 800 && deep; n += 1) {
    const next = (await dispatch(handlers, 'articles.list', { after: deep, limit: 60 })) as { value: ArticleListPage };
    deep = next.value.next ?? undefined;
  }
  await time('page 800 (after 48,000 articles)', page({ after: deep }));
  await time('first page, status "submitted"', page({ status: 'submitted' }));
  await time('first page, "assigned to me" (1 in 5)', page({ scope: 'assigned' }));

  const whole = db.prepare(
    `SELECT id, headline, status, section, version, created_at, updated_at FROM articles ORDER BY updated_at DESC, id DESC`,
  );
  const peer = await time('peer: the whole list, as loaded before', () => {
    const summaries = (whole.all() as SummaryRow[]).map(rowToSummary);
    return JSON.stringify({ ok: true, value: summaries }).length;
  });
  console.log(
    `first page p95 ${ms(first)} (target ≤ 100 ms); the whole list takes ${(peer / first).toFixed(0)}× as long`,
  );
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
