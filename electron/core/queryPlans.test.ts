import type { Database, Statement } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { testCore } from '../testing/testCore';

/** Records every statement the core runs, with its arguments, so its plan can be asked for. */
function recordStatements(db: Database): { sql: string; args: unknown[] }[] {
  const seen: { sql: string; args: unknown[] }[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    for (const method of ['all', 'get', 'iterate'] as const) {
      const run = (statement[method] as (...args: unknown[]) => unknown).bind(statement);
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        seen.push({ sql, args });
        return run(...args);
      };
    }
    return statement;
  }) as Database['prepare'];
  return seen;
}

const planOf = (db: Database, sql: string, args: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`) as Statement<unknown[], { detail: string }>)
    .all(...args)
    .map((row) => row.detail)
    .join(' | ');

async function plansFor(
  method: 'articles.list' | 'articles.search',
  input: Record<string, unknown>,
): Promise<string[]> {
  const core = testCore();
  const seen = recordStatements(core.db);
  for (const headline of ['Đường phố Hà Nội', 'Hội nghị tổng kết', 'Bóng đá Việt Nam']) {
    const article = await core.call('articles.create', { headline });
    await core.call('articles.save', {
      id: article.id,
      baseVersion: 1,
      body: [{ type: 'paragraph', children: [{ text: `${headline}: nội dung bài.` }] }],
    });
  }
  // The indexes catch up on the first search; then the call itself is recorded.
  await core.call('articles.search', { query: 'chỉ để cập nhật chỉ mục' });
  const from = seen.length;
  await core.result(method, input);
  return seen
    .slice(from)
    .filter(({ sql }) => /\bFROM (articles|search_exact|search_folded)\b/.test(sql))
    .map(({ sql, args }) => planOf(core.db, sql, args));
}

describe('the queries that must stay on their index', () => {
  it('the article list walks articles_by_updated, with no sort of its own', async () => {
    const plans = await plansFor('articles.list', {});
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.join('\n')).toContain('USING INDEX articles_by_updated');
    // Only ties of the same second are sorted apart (by id); the list itself is never sorted whole.
    expect(plans.join('\n')).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  });

  it('a page deep in the list, or narrowed by status, starts on its index and sorts nothing', async () => {
    for (const [input, index] of [
      [{ after: { updatedAt: '2026-01-01T00:00:00.000Z', id: 2 } }, 'articles_by_updated'],
      [{ status: 'draft' }, 'articles_by_status'],
      [{ section: 'Thể thao', after: { updatedAt: '2026-01-01T00:00:00.000Z', id: 2 } }, 'articles_by_section'],
    ] as const) {
      const plans = (await plansFor('articles.list', input)).join('\n');
      expect(plans, index).toContain(`USING INDEX ${index}`);
      expect(plans, index).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    }
  });

  it('a search with marks asks the exact index, one without asks the folded one', async () => {
    for (const [query, table] of [
      ['đường', 'search_exact'],
      ['duong', 'search_folded'],
    ] as const) {
      const plans = (await plansFor('articles.search', { query })).join('\n');
      expect(plans, query).toContain(`SCAN ${table} VIRTUAL TABLE INDEX`);
      // Articles are looked up by id from the index's rows, never scanned.
      expect(plans, query).not.toMatch(/SCAN (a|articles)\b(?! USING)/);
    }
  });
});
