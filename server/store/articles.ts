import type { DeskClient } from '../db/database';
import type { ArticleBody, ArticleContent, ArticleStatus } from '../../shared/article/article';
import { emptyContent } from '../../shared/article/article';
import { applyBodyEdits } from '../../shared/desk/bodyEdits';
import { canonical } from '../../shared/desk/canonical';
import { mergeArticle } from '../../shared/desk/mergeArticle';
import type { ArticleMutation, DeskArticle, Mutation, PushOutcome, Refusal } from '../../shared/desk/protocol';
import { refusalFor, refusalMessage } from '../../shared/desk/roles';
import { blockId, loadBody, storeBlocks } from './blocks';
import { statement } from './statement';
import type { Actor } from './users';

/** An article's content but its body, which is stored as block rows. */
type Fields = Omit<ArticleContent, 'body'>;

interface ArticleRow {
  id: string;
  version: number;
  status: ArticleStatus;
  author_id: string;
  updated_by: string;
  fields: Fields;
  /** The ids of its body's blocks, in order. */
  body: string[];
  conflict: DeskArticle['conflict'];
}

type SaveMutation = Extract<Mutation, { kind: 'article.save' }>;

const withoutCaptions = (body: ArticleBody) =>
  canonical(body.map((block) => (block.type === 'figure' ? { ...block, caption: '' } : block)));

/** Whether a save changes nothing but figure captions (what a photo editor may do). */
const captionsOnly = (fields: Partial<Fields>, current: ArticleBody, next: ArticleBody | undefined): boolean =>
  Object.keys(fields).length === 0 && (next === undefined || withoutCaptions(current) === withoutCaptions(next));

const splitContent = ({ body, ...fields }: ArticleContent): { fields: Fields; body: ArticleBody } => ({ fields, body });

const insertRevision = statement(
  'insert-revision',
  'INSERT INTO article_revisions (article_id, version, kind, fields, body, author_id) VALUES ($1, $2, $3, $4, $5, $6)',
);
const updateArticle = statement(
  'update-article',
  'UPDATE articles SET fields = $2, body = $3, version = $4, updated_by = $5, updated_at = now(), conflict = $6 WHERE id = $1',
);
const articleForUpdate = statement(
  'article-for-update',
  'SELECT id, version, status, author_id, updated_by, fields, body, conflict FROM articles WHERE id = $1 AND desk_id = $2 FOR UPDATE',
);

async function saveRevision(
  client: DeskClient,
  article: { id: string; version: number; fields: Fields | string; body: readonly string[] },
  kind: 'save' | 'conflict',
  actor: Actor,
): Promise<void> {
  await client.query(
    insertRevision([
      article.id,
      article.version,
      kind,
      typeof article.fields === 'string' ? article.fields : JSON.stringify(article.fields),
      article.body,
      actor.userId,
    ]),
  );
}

async function userName(client: DeskClient, id: string): Promise<string> {
  return (await client.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [id])).rows[0]?.name ?? '';
}

async function contentOf(client: DeskClient, stored: { fields: Fields; body: string[] }): Promise<ArticleContent> {
  return { ...stored.fields, body: await loadBody(client, stored.body) };
}

/** The article as it was at `version` (the merge base); empty when the desk has no such revision. */
async function revisionAt(client: DeskClient, id: string, version: number): Promise<ArticleContent> {
  const found = await client.query<{ fields: Fields; body: string[] }>(
    `SELECT fields, body FROM article_revisions WHERE article_id = $1 AND version = $2 AND kind = 'save'`,
    [id, version],
  );
  const row = found.rows[0];
  return row ? contentOf(client, row) : emptyContent();
}

interface Write {
  fields: Fields;
  body: string[];
  conflict: DeskArticle['conflict'];
}

async function writeArticle(client: DeskClient, row: ArticleRow, write: Write, actor: Actor): Promise<number> {
  const version = row.version + 1;
  // Serialized once: the article and its revision hold the same fields.
  const fields = JSON.stringify(write.fields);
  await client.query(
    updateArticle([
      row.id,
      fields,
      write.body,
      version,
      actor.userId,
      write.conflict === null ? null : JSON.stringify(write.conflict),
    ]),
  );
  await saveRevision(client, { id: row.id, version, fields, body: write.body }, 'save', actor);
  return version;
}

/** The article's conflict marker after a save: gone when the save says it settles that conflict. */
const settled = (row: ArticleRow, mutation: SaveMutation): DeskArticle['conflict'] =>
  mutation.resolves !== undefined && mutation.resolves === row.conflict?.version ? null : row.conflict;

/**
 * A save based on the desk's current version: the body's splices are applied to its list of
 * block ids, so only the new blocks are written and nothing of the old text is read.
 */
async function saveOnCurrent(
  client: DeskClient,
  row: ArticleRow,
  mutation: SaveMutation,
  actor: Actor,
): Promise<PushOutcome | Refusal> {
  const { body: wholeBody, ...fields } = mutation.fields;
  const edits = (mutation.bodyEdits ?? []).map((edit) => ({
    ...edit,
    ids: edit.blocks.map((block) => blockId(row.id, block)),
  }));
  const afterWhole = wholeBody ? wholeBody.map((block) => blockId(row.id, block)) : row.body;
  const ids = applyBodyEdits(
    afterWhole,
    edits.map((edit) => ({ from: edit.from, to: edit.to, blocks: edit.ids })),
  );
  if (!ids) return 'stale-base';
  if (actor.role === 'photo') {
    const current = await loadBody(client, row.body);
    const next = applyBodyEdits(wholeBody ?? current, mutation.bodyEdits ?? []);
    const refusal = refusalOf(actor, row, mutation, captionsOnly(fields, current, next));
    if (refusal) return refusal;
  }
  // Every new block in one statement, with the ids made above.
  await storeBlocks(
    client,
    row.id,
    [...(wholeBody ?? []), ...edits.flatMap((edit) => edit.blocks)],
    [...(wholeBody ? afterWhole : []), ...edits.flatMap((edit) => edit.ids)],
  );
  const version = await writeArticle(
    client,
    row,
    { fields: { ...row.fields, ...fields }, body: ids, conflict: settled(row, mutation) },
    actor,
  );
  return { mutationId: mutation.mutationId, outcome: 'applied', version };
}

/**
 * A save based on an older version: merged three ways against that version. Where the same
 * words changed differently, the desk's text stays and the laptop's is kept as a conflict revision.
 */
async function saveOnOlder(
  client: DeskClient,
  row: ArticleRow,
  mutation: SaveMutation,
  actor: Actor,
): Promise<PushOutcome | Refusal> {
  const base = await revisionAt(client, row.id, mutation.baseVersion);
  const current = await contentOf(client, row);
  const body = mutation.bodyEdits ? applyBodyEdits(base.body, mutation.bodyEdits) : undefined;
  if (mutation.bodyEdits && !body) return 'stale-base';
  const { body: wholeBody, ...fields } = mutation.fields;
  const theirs: ArticleContent = { ...base, ...fields, body: body ?? wholeBody ?? base.body };
  // A photo editor's change is what it changed from the version it was made on.
  const refusal = refusalOf(actor, row, mutation, captionsOnly(fields, base.body, theirs.body));
  if (refusal) return refusal;

  const merged = mergeArticle(base, current, theirs);
  const version = row.version + 1;
  let conflict = settled(row, mutation);
  let outcome: PushOutcome = { mutationId: mutation.mutationId, outcome: 'merged', version };
  if (merged.conflicts.length > 0) {
    const kept = splitContent(theirs);
    await saveRevision(
      client,
      { id: row.id, version, fields: kept.fields, body: await storeBlocks(client, row.id, kept.body) },
      'conflict',
      actor,
    );
    const authors = [...new Set([await userName(client, row.updated_by), actor.name])];
    conflict = { authors, version, fields: merged.conflicts };
    outcome = { mutationId: mutation.mutationId, outcome: 'conflict', version, fields: merged.conflicts };
  }
  const next = splitContent(merged.content);
  const ids = await storeBlocks(client, row.id, next.body);
  await writeArticle(client, row, { fields: next.fields, body: ids, conflict }, actor);
  return outcome;
}

const refusalOf = (actor: Actor, row: ArticleRow | undefined, mutation: ArticleMutation, captions: boolean) =>
  refusalFor({
    role: actor.role,
    author: row?.author_id === actor.userId,
    status: row?.status,
    act:
      mutation.kind === 'article.save'
        ? { kind: 'save', captionsOnly: captions }
        : { kind: 'status', to: mutation.status },
  });

async function createArticle(client: DeskClient, mutation: SaveMutation, actor: Actor): Promise<PushOutcome> {
  const { body: wholeBody, ...fields } = mutation.fields;
  const { body: emptyBody, ...defaults } = emptyContent();
  const body = applyBodyEdits(wholeBody ?? emptyBody, mutation.bodyEdits ?? []) ?? wholeBody ?? emptyBody;
  const article = {
    id: mutation.articleId,
    version: 1,
    fields: JSON.stringify({ ...defaults, ...fields }),
    body: body.map((block) => blockId(mutation.articleId, block)),
  };
  await client.query(
    `INSERT INTO articles (id, desk_id, version, status, author_id, updated_by, fields, body)
     VALUES ($1, $2, 1, 'draft', $3, $3, $4, $5)`,
    [article.id, actor.deskId, actor.userId, article.fields, article.body],
  );
  await storeBlocks(client, article.id, body, article.body);
  await saveRevision(client, article, 'save', actor);
  return { mutationId: mutation.mutationId, outcome: 'applied', version: 1 };
}

/**
 * Applies one mutation inside the caller's transaction and answers it: applied, merged (three
 * ways, against the version it was based on), conflict (the desk's text stays; the laptop's is
 * kept as a conflict revision) or refused with the rule. All but a refusal change the article;
 * the caller numbers that change last, just before COMMIT (see changeLog.ts).
 */
export async function applyMutation(client: DeskClient, actor: Actor, mutation: ArticleMutation): Promise<PushOutcome> {
  const found = await client.query<ArticleRow>(articleForUpdate([mutation.articleId, actor.deskId]));
  const row = found.rows[0];
  const refuse = (rule: Refusal): PushOutcome => ({
    mutationId: mutation.mutationId,
    outcome: 'refused',
    rule,
    message: refusalMessage(rule),
  });
  // Every rule but the photo editor's (captions only) is known before the text is read.
  const captionsLater = actor.role === 'photo' && row !== undefined && mutation.kind === 'article.save';
  const refusal = captionsLater ? undefined : refusalOf(actor, row, mutation, false);
  if (refusal) return refuse(refusal);

  if (mutation.kind === 'article.status') {
    if (!row) return refuse('unknown-article');
    const version = row.version + 1;
    await client.query(
      'UPDATE articles SET status = $2, version = $3, updated_by = $4, updated_at = now() WHERE id = $1',
      [row.id, mutation.status, version, actor.userId],
    );
    await saveRevision(client, { id: row.id, version, fields: row.fields, body: row.body }, 'save', actor);
    return { mutationId: mutation.mutationId, outcome: 'applied', version };
  }
  if (!row) return mutation.baseVersion === 0 ? createArticle(client, mutation, actor) : refuse('unknown-article');
  if (mutation.baseVersion > row.version) return refuse('stale-base');
  const answer =
    mutation.baseVersion === row.version
      ? await saveOnCurrent(client, row, mutation, actor)
      : await saveOnOlder(client, row, mutation, actor);
  return typeof answer === 'string' ? refuse(answer) : answer;
}
