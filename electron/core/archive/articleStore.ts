import type { Database } from 'better-sqlite3';
import type {
  Article,
  ArticleContent,
  ArticleStatus,
  ArticleSummary,
  SavedVersion,
} from '../../../shared/article/article';
import { emptyContent } from '../../../shared/article/article';
import { canTransition, transitions } from '../../../shared/article/workflow';
import type { StatusChange } from '../../../shared/article/workflow';
import { CoreError } from '../CoreError';
import { registerNames } from './peopleStore';
import { recordPhotoUses } from '../photos/photoStore';
import { cached } from './statements';
import { markForIndexing } from '../search/indexer';
import { defaultHistoryPolicy, keepAutoRevisionIfDue, keepRevision } from './revisionStore';
import type { HistoryPolicy } from './revisionStore';

interface ArticleRow {
  id: number;
  headline: string;
  body: string;
  content: string;
  status: ArticleStatus;
  section: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export type SummaryRow = Omit<ArticleRow, 'body' | 'content'>;

interface StatusChangeRow {
  from_status: ArticleStatus;
  to_status: ArticleStatus;
  changed_at: string;
  changed_by: string;
}

/** What lives in the JSON `content` column: everything but the columns of its own. */
type StoredContent = Omit<ArticleContent, 'headline' | 'body' | 'section'>;

const storedKeys = [
  'lead',
  'outletPrefix',
  'kind',
  'contributors',
  'tags',
  'slug',
  'targetWords',
  'notes',
] as const satisfies readonly (keyof StoredContent)[];

/** Picks the content keys by name: nothing else (ids, versions, dates) may reach the JSON column. */
const storedContent = (content: StoredContent): StoredContent =>
  Object.fromEntries(storedKeys.map((key) => [key, content[key]])) as StoredContent;

export const rowToSummary = (row: SummaryRow): ArticleSummary => ({
  id: row.id,
  headline: row.headline,
  status: row.status,
  section: row.section,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

function rowToArticle(row: ArticleRow, statusHistory: StatusChange[]): Article {
  const stored = { ...emptyContent(), ...(JSON.parse(row.content) as Partial<StoredContent>) };
  return {
    ...storedContent(stored),
    ...rowToSummary(row),
    body: JSON.parse(row.body) as ArticleContent['body'],
    statusHistory,
  };
}

function statusHistory(db: Database, id: number): StatusChange[] {
  return db
    .prepare<[number], StatusChangeRow>(
      'SELECT from_status, to_status, changed_at, changed_by FROM status_changes WHERE article_id = ? ORDER BY id',
    )
    .all(id)
    .map((row) => ({ from: row.from_status, to: row.to_status, at: row.changed_at, by: row.changed_by }));
}

export function getArticle(db: Database, id: number): Article {
  const row = db.prepare<[number], ArticleRow>('SELECT * FROM articles WHERE id = ?').get(id);
  if (!row) throw new CoreError('not_found', `There is no article ${id}.`);
  return rowToArticle(row, statusHistory(db, id));
}

/** Who acts and when, for the history (the user name in the settings; the policy's clock). */
export interface Actor {
  by: string;
  policy?: HistoryPolicy;
}

const system: Actor = { by: '' };

export function createArticle(db: Database, content: ArticleContent, actor: Actor = system): Article {
  const clock = (actor.policy ?? defaultHistoryPolicy).now();
  const at = clock.toISOString();
  const id = db
    .transaction(() => {
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO articles (headline, body, content, section, status, version, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'draft', 1, ?, ?)`,
        )
        .run(
          content.headline,
          JSON.stringify(content.body),
          JSON.stringify(storedContent(content)),
          content.section,
          at,
          at,
        );
      markForIndexing(db, Number(lastInsertRowid));
      recordPhotoUses(db, Number(lastInsertRowid), content.body);
      registerNames(
        db,
        content.contributors.map((contributor) => contributor.name),
      );
      keepRevision(db, Number(lastInsertRowid), 'first', actor.by, clock);
      return Number(lastInsertRowid);
    })
    .immediate();
  return getArticle(db, id);
}

function conflict(db: Database, id: number, baseVersion: number): CoreError {
  const current = db.prepare<[number], { version: number }>('SELECT version FROM articles WHERE id = ?').get(id);
  if (!current) return new CoreError('not_found', `There is no article ${id}.`);
  return new CoreError(
    'conflict',
    `Article ${id} was changed elsewhere (now version ${current.version}, this edit is based on version ${baseVersion}); nothing was written.`,
  );
}

/**
 * Writes the given fields as a new version, only if the stored version is still the one the
 * edit was based on: a stale save is refused with a conflict and writes nothing.
 */
export function saveArticle(
  db: Database,
  id: number,
  baseVersion: number,
  changes: Partial<ArticleContent>,
  actor: Actor = system,
): SavedVersion {
  const policy = actor.policy ?? defaultHistoryPolicy;
  return db
    .transaction((): SavedVersion => {
      // The body (the large part) is neither read nor parsed: it is written only when it changed.
      const row = cached(db, 'SELECT headline, section, content, version FROM articles WHERE id = ?').get(id) as
        Pick<ArticleRow, 'headline' | 'section' | 'content' | 'version'> | undefined;
      if (!row || row.version !== baseVersion) throw conflict(db, id, baseVersion);
      const stored = { ...emptyContent(), ...(JSON.parse(row.content) as Partial<StoredContent>) };
      const content = storedContent({ ...stored, ...changes });
      keepAutoRevisionIfDue(db, id, actor.by, policy);
      const at = policy.now().toISOString();
      cached(
        db,
        `UPDATE articles SET headline = ?, body = coalesce(?, body), content = ?, section = ?, version = version + 1, updated_at = ?
       WHERE id = ? AND version = ?`,
      ).run(
        changes.headline ?? row.headline,
        changes.body === undefined ? null : JSON.stringify(changes.body),
        JSON.stringify(content),
        changes.section ?? row.section,
        at,
        id,
        baseVersion,
      );
      if (changes.body !== undefined) recordPhotoUses(db, id, changes.body);
      // New names join the contributor registry in the same transaction (autosave resends the list: only a change counts).
      if (
        changes.contributors !== undefined &&
        JSON.stringify(changes.contributors) !== JSON.stringify(stored.contributors)
      ) {
        registerNames(
          db,
          changes.contributors.map((contributor) => contributor.name),
        );
      }
      // Marked in the same transaction, indexed just after: saving stays fast, searching exact.
      if (
        changes.headline !== undefined ||
        changes.lead !== undefined ||
        changes.body !== undefined ||
        changes.contributors !== undefined ||
        changes.tags !== undefined
      ) {
        markForIndexing(db, id);
      }
      return { id, version: baseVersion + 1, updatedAt: at };
    })
    .immediate();
}

/** Moves the article through the workflow and records who did it and when. */
export function setStatus(
  db: Database,
  id: number,
  baseVersion: number,
  to: ArticleStatus,
  actor: Actor,
): SavedVersion {
  const { by } = actor;
  const clock = (actor.policy ?? defaultHistoryPolicy).now();
  return db
    .transaction((): SavedVersion => {
      const row = db
        .prepare<[number], { status: ArticleStatus; version: number }>(
          'SELECT status, version FROM articles WHERE id = ?',
        )
        .get(id);
      if (!row || row.version !== baseVersion) throw conflict(db, id, baseVersion);
      if (!canTransition(row.status, to)) {
        const allowed = transitions[row.status].join(', ');
        throw new CoreError(
          'invalid_transition',
          `An article that is ${row.status} cannot become ${to}; from ${row.status} it can become: ${allowed}.`,
        );
      }
      const at = clock.toISOString();
      db.prepare('UPDATE articles SET status = ?, version = version + 1, updated_at = ? WHERE id = ?').run(to, at, id);
      db.prepare(
        'INSERT INTO status_changes (article_id, from_status, to_status, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)',
      ).run(id, row.status, to, at, by);
      keepRevision(db, id, 'status', by, clock, to);
      return { id, version: baseVersion + 1, updatedAt: at };
    })
    .immediate();
}
