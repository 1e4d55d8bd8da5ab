import type pg from 'pg';
import type { ArticleContent, ArticleStatus } from '../../shared/article/article';
import { emptyContent } from '../../shared/article/article';
import { applyBodyEdits } from '../../shared/desk/bodyEdits';
import { canonical } from '../../shared/desk/canonical';
import { mergeArticle } from '../../shared/desk/mergeArticle';
import type { DeskArticle, Mutation, PushOutcome } from '../../shared/desk/protocol';
import { refusalFor, refusalMessage } from '../../shared/desk/roles';
import { recordChange } from './changeLog';
import type { Actor } from './users';

interface ArticleRow {
  id: string;
  version: number;
  status: ArticleStatus;
  author_id: string;
  updated_by: string;
  content: ArticleContent;
  conflict: DeskArticle['conflict'];
}

const withoutCaptions = (content: Partial<ArticleContent>) =>
  canonical((content.body ?? []).map((block) => (block.type === 'figure' ? { ...block, caption: '' } : block)));

/** Whether a save changes nothing but figure captions (what a photo editor may do). */
const captionsOnly = (current: ArticleContent | undefined, fields: Partial<ArticleContent>): boolean =>
  current !== undefined &&
  Object.keys(fields).every((key) => key === 'body') &&
  withoutCaptions(current) === withoutCaptions(fields);

async function saveRevision(
  client: pg.PoolClient,
  id: string,
  version: number,
  kind: 'save' | 'conflict',
  content: ArticleContent | string,
  actor: Actor,
): Promise<void> {
  await client.query(
    'INSERT INTO article_revisions (article_id, version, kind, content, author_id) VALUES ($1, $2, $3, $4, $5)',
    [id, version, kind, typeof content === 'string' ? content : JSON.stringify(content), actor.userId],
  );
}

async function userName(client: pg.PoolClient, id: string): Promise<string> {
  return (await client.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [id])).rows[0]?.name ?? '';
}

/**
 * Applies one mutation inside the caller's transaction and answers it: applied, merged (three
 * ways, against the version it was based on), conflict (the desk's text stays; the laptop's is
 * kept as a conflict revision) or refused with the rule.
 */
export async function applyMutation(client: pg.PoolClient, actor: Actor, mutation: Mutation): Promise<PushOutcome> {
  const { mutationId } = mutation;
  const found = await client.query<ArticleRow>(
    'SELECT id, version, status, author_id, updated_by, content, conflict FROM articles WHERE id = $1 AND desk_id = $2 FOR UPDATE',
    [mutation.articleId, actor.deskId],
  );
  const row = found.rows[0];
  const refuse = (rule: Parameters<typeof refusalMessage>[0]): PushOutcome => ({
    mutationId,
    outcome: 'refused',
    rule,
    message: refusalMessage(rule),
  });
  const refusalOf = (captions: boolean) =>
    refusalFor({
      role: actor.role,
      author: row?.author_id === actor.userId,
      status: row?.status,
      act:
        mutation.kind === 'article.save'
          ? { kind: 'save', captionsOnly: captions }
          : { kind: 'status', to: mutation.status },
    });

  if (mutation.kind === 'article.status') {
    const refusal = refusalOf(false);
    if (refusal) return refuse(refusal);
    if (!row) return refuse('unknown-article');
    const version = row.version + 1;
    await client.query(
      'UPDATE articles SET status = $2, version = $3, updated_by = $4, updated_at = now() WHERE id = $1',
      [row.id, mutation.status, version, actor.userId],
    );
    await saveRevision(client, row.id, version, 'save', row.content, actor);
    await recordChange(client, actor.deskId, 'article', row.id);
    return { mutationId, outcome: 'applied', version };
  }

  if (!row && mutation.baseVersion !== 0) return refuse(refusalOf(false) ?? 'unknown-article');
  if (row && mutation.baseVersion > row.version) return refuse('stale-base');
  const base =
    !row || mutation.baseVersion === 0
      ? emptyContent()
      : mutation.baseVersion === row.version
        ? row.content
        : ((
            await client.query<{ content: ArticleContent }>(
              `SELECT content FROM article_revisions WHERE article_id = $1 AND version = $2 AND kind = 'save'`,
              [row.id, mutation.baseVersion],
            )
          ).rows[0]?.content ?? emptyContent());
  const body = mutation.bodyEdits ? applyBodyEdits(base.body, mutation.bodyEdits) : undefined;
  if (mutation.bodyEdits && !body) return refuse('stale-base');
  const fields = body ? { ...mutation.fields, body } : mutation.fields;
  const refusal = refusalOf(captionsOnly(row?.content, fields));
  if (refusal) return refuse(refusal);

  if (!row) {
    const content = { ...emptyContent(), ...fields };
    await client.query(
      `INSERT INTO articles (id, desk_id, version, status, author_id, updated_by, content)
       VALUES ($1, $2, 1, 'draft', $3, $3, $4)`,
      [mutation.articleId, actor.deskId, actor.userId, JSON.stringify(content)],
    );
    await saveRevision(client, mutation.articleId, 1, 'save', content, actor);
    await recordChange(client, actor.deskId, 'article', mutation.articleId);
    return { mutationId, outcome: 'applied', version: 1 };
  }
  const version = row.version + 1;
  let content: ArticleContent;
  let outcome: PushOutcome;
  let conflict = row.conflict;
  if (mutation.baseVersion === row.version) {
    content = { ...row.content, ...fields };
    outcome = { mutationId, outcome: 'applied', version };
  } else {
    const theirs = { ...base, ...fields };
    const merged = mergeArticle(base, row.content, theirs);
    content = merged.content;
    if (merged.conflicts.length === 0) outcome = { mutationId, outcome: 'merged', version };
    else {
      await saveRevision(client, row.id, version, 'conflict', theirs, actor);
      const authors = [...new Set([await userName(client, row.updated_by), actor.name])];
      conflict = { authors, version, fields: merged.conflicts };
      outcome = { mutationId, outcome: 'conflict', version, fields: merged.conflicts };
    }
  }
  // Serialized once: the article and its revision hold the same text.
  const json = JSON.stringify(content);
  await client.query(
    'UPDATE articles SET content = $2, version = $3, updated_by = $4, updated_at = now(), conflict = $5 WHERE id = $1',
    [row.id, json, version, actor.userId, conflict === null ? null : JSON.stringify(conflict)],
  );
  await saveRevision(client, row.id, version, 'save', json, actor);
  await recordChange(client, actor.deskId, 'article', row.id);
  return outcome;
}
