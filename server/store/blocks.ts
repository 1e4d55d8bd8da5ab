import { createHash } from 'node:crypto';
import type { DeskClient } from '../db/database';
import type { ArticleBody, Block } from '../../shared/article/article';
import { canonical } from '../../shared/desk/canonical';
import { statement } from './statement';

/**
 * A block's id: a digest of its article and its content, so the same block saved again (a
 * whole body sent, a merge, a revision) is the same row, and a row never changes.
 */
export function blockId(articleId: string, block: Block): string {
  const hex = createHash('sha256')
    .update(`${articleId}:${canonical(block)}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const insertBlocks = statement(
  'insert-blocks',
  `INSERT INTO article_blocks (id, article_id, content)
   SELECT ($1::uuid[])[e.n], $2, e.block FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY e(block, n)
   ON CONFLICT DO NOTHING`,
);

/** Stores the blocks the desk lacks, in one statement; their ids, in order (given when the caller has them). */
export async function storeBlocks(
  client: DeskClient,
  articleId: string,
  blocks: ArticleBody,
  ids: readonly string[] = blocks.map((block) => blockId(articleId, block)),
): Promise<string[]> {
  if (blocks.length > 0) await client.query(insertBlocks([ids, articleId, JSON.stringify(blocks)]));
  return [...ids];
}

/** A body from its block ids, in their order. */
export async function loadBody(client: DeskClient, ids: readonly string[]): Promise<ArticleBody> {
  if (ids.length === 0) return [];
  const rows = await client.query<{ id: string; content: Block }>(
    'SELECT id, content FROM article_blocks WHERE id = ANY($1::uuid[])',
    [ids],
  );
  const byId = new Map(rows.rows.map((row) => [row.id, row.content]));
  return ids.map((id) => {
    const block = byId.get(id);
    if (!block) throw new Error(`The desk lacks block ${id}.`);
    return block;
  });
}
