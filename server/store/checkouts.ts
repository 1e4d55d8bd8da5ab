import type { DeskPool } from '../db/database';
import type { DeskCheckout } from '../../shared/desk/protocol';
import { checkoutSeconds } from '../../shared/desk/protocol';
import type { Actor } from './users';

interface CheckoutRow {
  article_id: string;
  name: string;
  until: Date;
}

const asCheckout = (row: CheckoutRow): DeskCheckout => ({
  articleId: row.article_id,
  user: row.name,
  until: row.until.toISOString(),
});

/** What others on the desk have open for editing now (never the asking device's own), of one article or all. */
async function othersEditing(pool: DeskPool, actor: Actor, articleId?: string): Promise<DeskCheckout[]> {
  const rows = await pool.query<CheckoutRow>(
    `SELECT checkouts.article_id, users.name, checkouts.until
       FROM checkouts JOIN users ON users.id = checkouts.user_id
      WHERE checkouts.desk_id = $1 AND checkouts.device_id <> $2 AND checkouts.until > now()
        AND ($3::uuid IS NULL OR checkouts.article_id = $3)
      ORDER BY checkouts.article_id, users.name`,
    [actor.deskId, actor.deviceId, articleId ?? null],
  );
  return rows.rows.map(asCheckout);
}

/**
 * Marks (or renews, or with `editing` false clears) this device's "editing" of an article;
 * answers who else edits it, or undefined when the desk has no such article.
 */
export async function checkOut(
  pool: DeskPool,
  actor: Actor,
  articleId: string,
  editing: boolean,
): Promise<DeskCheckout[] | undefined> {
  const known = await pool.query('SELECT 1 FROM articles WHERE id = $1 AND desk_id = $2', [articleId, actor.deskId]);
  if (known.rows.length === 0) return undefined;
  if (editing)
    await pool.query(
      `INSERT INTO checkouts (article_id, device_id, desk_id, user_id, until)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
       ON CONFLICT (article_id, device_id) DO UPDATE SET until = EXCLUDED.until`,
      [articleId, actor.deviceId, actor.deskId, actor.userId, checkoutSeconds],
    );
  else await pool.query('DELETE FROM checkouts WHERE article_id = $1 AND device_id = $2', [articleId, actor.deviceId]);
  // Lapsed marks are cleared as they are met.
  await pool.query('DELETE FROM checkouts WHERE desk_id = $1 AND until < now()', [actor.deskId]);
  return othersEditing(pool, actor, articleId);
}

/** Every article someone else on the desk has open for editing now. */
export const checkouts = (pool: DeskPool, actor: Actor): Promise<DeskCheckout[]> => othersEditing(pool, actor);
