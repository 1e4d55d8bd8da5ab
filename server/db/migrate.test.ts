import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { ArticleBody, ArticleContent } from '../../shared/article/article';
import { emptyContent, paragraph } from '../../shared/article/article';
import { canonical } from '../../shared/desk/canonical';
import { push } from '../store/sync';
import { actorFor } from '../testing/actors';
import { clusterForTests } from '../testing/deskDatabase';
import { migrate, NewerSchemaError } from './migrate';
import { migrations } from './migrations';

const cluster = await clusterForTests();

async function emptyDatabase(): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: await cluster.database(), max: 4 });
  return pool;
}

const story = (headline: string, body: ArticleBody): ArticleContent => ({ ...emptyContent(headline), body });

describe('the desk schema', () => {
  it('is made from nothing, and migrating again changes nothing', async () => {
    const pool = await emptyDatabase();
    expect(await migrate(pool)).toBe(migrations.length);
    expect(await migrate(pool)).toBe(migrations.length);
    const desks = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM desks');
    expect(desks.rows[0]?.n).toBe(1);
    await pool.end();
  });

  it('refuses a database newer than this server, untouched', async () => {
    const pool = await emptyDatabase();
    await migrate(pool);
    await pool.query('UPDATE schema_version SET version = 99');
    await expect(migrate(pool)).rejects.toBeInstanceOf(NewerSchemaError);
    expect((await pool.query<{ version: number }>('SELECT version FROM schema_version')).rows[0]?.version).toBe(99);
    await pool.end();
  });

  it('moves the bodies of a first-schema desk into block rows, every revision with the same text', async () => {
    const pool = await emptyDatabase();
    await migrate(pool, 1);
    const editor = await actorFor(pool, 'bientap', 'editor');
    const id = randomUUID();
    // Two equal paragraphs, marks, a figure, and a conflict revision: as version 1 of the desk stored them.
    const first = story('Hội nghị', [paragraph('Đoạn một.'), paragraph(''), paragraph('')]);
    const second = story('Hội nghị tổng kết', [
      paragraph('Đoạn một, đã sửa.'),
      { type: 'paragraph', children: [{ text: 'Đậm', bold: true }, { text: ' và thường.' }] },
      {
        type: 'figure',
        photoId: 'a'.repeat(64),
        caption: 'Ảnh: Trung tướng Nguyễn Mạnh Hùng',
        children: [{ text: '' }],
      },
    ]);
    const kept = story('Tít của phóng viên', second.body);
    await pool.query(
      `INSERT INTO articles (id, desk_id, version, status, author_id, updated_by, content)
       VALUES ($1, $2, 2, 'draft', $3, $3, $4)`,
      [id, editor.deskId, editor.userId, JSON.stringify(second)],
    );
    for (const [version, kind, content] of [
      [1, 'save', first],
      [2, 'save', second],
      [2, 'conflict', kept],
    ] as const)
      await pool.query(
        'INSERT INTO article_revisions (article_id, version, kind, content, author_id) VALUES ($1, $2, $3, $4, $5)',
        [id, version, kind, JSON.stringify(content), editor.userId],
      );

    expect(await migrate(pool)).toBe(migrations.length);
    const article = await pool.query<{ content: ArticleContent }>(
      'SELECT content FROM article_documents WHERE id = $1',
      [id],
    );
    expect(canonical(article.rows[0]?.content)).toBe(canonical(second));
    const revisions = await pool.query<{ version: number; kind: string; content: ArticleContent }>(
      'SELECT version, kind, content FROM revision_documents WHERE article_id = $1 ORDER BY version, kind',
      [id],
    );
    expect(revisions.rows.map((row) => [row.version, row.kind, canonical(row.content)])).toEqual([
      [1, 'save', canonical(first)],
      [2, 'conflict', canonical(kept)],
      [2, 'save', canonical(second)],
    ]);

    // The migrated article takes a splice on its version and a merge against its first one.
    const outcomes = await push(pool, editor, [
      {
        kind: 'article.save',
        mutationId: randomUUID(),
        articleId: id,
        baseVersion: 2,
        fields: {},
        bodyEdits: [{ from: 1, to: 2, blocks: [paragraph('Đoạn hai, mới.')] }],
      },
      {
        kind: 'article.save',
        mutationId: randomUUID(),
        articleId: id,
        baseVersion: 1,
        fields: { lead: [{ text: 'Sapo viết từ bản đầu.' }] },
      },
    ]);
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['applied', 'merged']);
    const now = await pool.query<{ content: ArticleContent }>('SELECT content FROM article_documents WHERE id = $1', [
      id,
    ]);
    expect(canonical(now.rows[0]?.content)).toBe(
      canonical({
        ...second,
        lead: [{ text: 'Sapo viết từ bản đầu.' }],
        body: [second.body[0], paragraph('Đoạn hai, mới.'), second.body[2]],
      }),
    );
    await pool.end();
  });
});
