import type { MethodName, Output } from '../../shared/api/contract';
import type { Article, ArticleSummary } from '../../shared/article/article';
import { bodyText, inlineText } from '../../shared/article/article';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { mapText } from '../../shared/article/mapText';
import type { ToneStyle } from '../../shared/text/toneStyle';
import { applyToneStyle, toneStyles, withToneStyle } from '../../shared/text/toneStyle';
import type { Comparable, FieldChange, RevisionSummary } from '../../shared/history/revisions';
import { compareContent } from '../../shared/history/revisions';
import { personKey } from '../../shared/people/person';
import { revealInvisible } from '../../shared/text/diff';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { VerifiedBackup } from '../core/archive/backups';
import { backupsDir, makeBackup } from '../core/archive/backups';
import { checkArchive } from '../core/archive/checkArchive';
import type { ArchiveReport } from '../core/archive/checkArchive';
import { openSqlite } from '../core/archive/sqlite';
import { forgetLedgerNote } from '../core/archive/changeLedger';
import {
  assessArchive,
  installArchiveCopy,
  liveSessions,
  setAside,
  setAsideArchive,
  setAsideRoot,
  verifiedBackups,
} from '../core/archive/recovery';
import { ArchiveOpenError } from '../core/CoreError';
import { exportStory, preflightArticle } from '../core/export/exportStory';
import { PhotoImporter } from '../core/photos/photoImporter';
import { importPhotoFiles } from '../core/photos/photoStore';
import { archivePath } from '../core/dataDir';
import { maxImportBytes } from '../core/import/importDocument';
import { dispatch } from '../core/dispatch';
import type { OpenCore } from '../core/openCore';
import { CliError } from './output';
import type { CliIo } from './output';

export interface CommandContext {
  core: OpenCore;
  io: CliIo;
  json: boolean;
}

/** Calls the contract exactly as a shell does: validated input, typed errors. */
async function call<M extends MethodName>(core: OpenCore, method: M, input: unknown): Promise<Output<M>> {
  const result = await dispatch(core.handlers, method, input);
  if (!result.ok) throw new CliError(result.error.message);
  return result.value as Output<M>;
}

const summaryJson = (article: ArticleSummary) => ({
  id: article.id,
  headline: article.headline,
  status: article.status,
  section: article.section,
  version: article.version,
  createdAt: article.createdAt,
  updatedAt: article.updatedAt,
});

export async function articleNew(context: CommandContext, headline: string | undefined): Promise<void> {
  if (headline === undefined) throw new CliError('article new needs --headline TEXT', 2);
  const article = await call(context.core, 'articles.create', { headline });
  if (context.json) context.io.out(JSON.stringify(summaryJson(article)));
  else context.io.out(`Created article ${article.id}: ${article.headline}`);
}

export async function articleList(context: CommandContext): Promise<void> {
  const articles = await call(context.core, 'articles.list', {});
  if (context.json) {
    context.io.out(JSON.stringify(articles.map(summaryJson)));
    return;
  }
  if (articles.length === 0) {
    context.io.out('No articles yet. Create one with: newsroom article new --headline TEXT');
    return;
  }
  for (const article of articles) {
    context.io.out(
      `${String(article.id).padStart(5)}  ${article.status.padEnd(9)}  v${article.version}  ${article.headline}`,
    );
  }
}

export async function articleShow(context: CommandContext, idText: string | undefined): Promise<void> {
  const article: Article = await call(context.core, 'articles.get', { id: parseId(idText, 'article show') });
  if (context.json) {
    context.io.out(JSON.stringify({ ...article, leadText: inlineText(article.lead), text: bodyText(article.body) }));
    return;
  }
  context.io.out(article.headline || '(no headline)');
  context.io.out(`id ${article.id} · ${article.status} · version ${article.version} · updated ${article.updatedAt}`);
  context.io.out('');
  context.io.out(inlineText(article.lead));
  context.io.out('');
  context.io.out(bodyText(article.body));
}

export interface ArticleUpdate {
  headline?: string;
  status?: string;
  section?: string;
  tags?: string;
}

const parseId = (idText: string | undefined, command: string): number => {
  const id = Number(idText);
  if (idText === undefined || !Number.isSafeInteger(id) || id <= 0)
    throw new CliError(`${command} needs an article id (a positive whole number)`, 2);
  return id;
};

/** Edits what the inspector edits, through the same core rules (versions, workflow, validation). */
export async function articleUpdate(
  context: CommandContext,
  idText: string | undefined,
  update: ArticleUpdate,
): Promise<void> {
  const id = parseId(idText, 'article update');
  if (Object.values(update).every((value) => value === undefined)) {
    throw new CliError('article update needs at least one of --headline, --status, --section, --tags', 2);
  }
  let { version } = await call(context.core, 'articles.get', { id });
  const changes = {
    ...(update.headline !== undefined ? { headline: update.headline } : {}),
    ...(update.section !== undefined ? { section: update.section } : {}),
    ...(update.tags !== undefined
      ? {
          tags: update.tags
            .split(',')
            .map((tag) => tag.trim())
            .filter((tag) => tag !== ''),
        }
      : {}),
  };
  if (Object.keys(changes).length > 0)
    version = (await call(context.core, 'articles.save', { id, baseVersion: version, ...changes })).version;
  if (update.status !== undefined)
    await call(context.core, 'articles.setStatus', { id, baseVersion: version, status: update.status });
  const article = await call(context.core, 'articles.get', { id });
  if (context.json) context.io.out(JSON.stringify({ ...summaryJson(article), tags: article.tags }));
  else
    context.io.out(
      `Updated article ${article.id} (version ${article.version}, ${article.status}): ${article.headline}`,
    );
}

export interface DataDirContext {
  dataDir: string;
  io: CliIo;
  json: boolean;
}

const backupLine = (backup: VerifiedBackup): string =>
  `  ${backup.name}  ${backup.ok ? `${backup.articles} article(s)` : `DAMAGED (${backup.problems.slice(0, 2).join('; ')})`}`;

/**
 * Checks the archive without changing anything: the quick checks made at every start, then a
 * full integrity_check; lists the backups (each checked) and any archives set aside.
 */
export function doctor(context: DataDirContext): boolean {
  const { dataDir, io } = context;
  const file = archivePath(dataDir);
  let problem: { kind: string; message: string } | undefined;
  try {
    problem = assessArchive(dataDir);
  } catch (error) {
    if (!(error instanceof ArchiveOpenError)) throw error;
    problem = { kind: error.reason, message: error.message };
  }
  let report: ArchiveReport | undefined;
  if (!problem && existsSync(file)) {
    const db = openSqlite(file, { readonly: true, fileMustExist: true });
    try {
      report = checkArchive(db);
    } finally {
      db.close();
    }
    if (!report.ok)
      problem = {
        kind: 'damaged',
        message: `The full integrity check found problems in ${file}: ${report.integrity.slice(0, 3).join('; ')}`,
      };
  }
  const backups = verifiedBackups(dataDir);
  const latestGood = backups.find((backup) => backup.ok);
  const setAsideDirs = existsSync(setAsideRoot(dataDir))
    ? readdirSync(setAsideRoot(dataDir))
        .sort()
        .map((name) => join(setAsideRoot(dataDir), name))
    : [];
  const ok = problem === undefined;
  if (context.json) {
    io.out(JSON.stringify({ file, ok, problem: problem ?? null, ...(report ?? {}), backups, setAside: setAsideDirs }));
    return ok;
  }
  io.out(`Archive: ${file}`);
  if (report) {
    io.out(`Schema: ${report.schemaVersion} (latest ${report.latestSchemaVersion}), journal ${report.journalMode}`);
    io.out(`Articles: ${report.articles}`);
    io.out(`Integrity: ${report.integrity.join('; ')}`);
    if (report.foreignKeyProblems > 0) io.out(`Foreign key problems: ${report.foreignKeyProblems}`);
  } else if (!problem) {
    io.out('There is no archive yet; one is made at first use.');
  }
  io.out(`Backups (${backupsDir(dataDir)}): ${backups.length === 0 ? 'none yet' : ''}`);
  for (const backup of backups) io.out(backupLine(backup));
  if (setAsideDirs.length > 0) {
    io.out('Set aside (damaged or replaced archives, kept untouched):');
    for (const dir of setAsideDirs) io.out(`  ${dir}`);
  }
  if (problem) {
    io.out('');
    io.out(`PROBLEM: ${problem.message}`);
    io.out('Nothing was changed. To recover:');
    if (latestGood)
      io.out(
        `  newsroom restore            puts back the latest good backup, ${latestGood.name} (${latestGood.articles} article(s))`,
      );
    io.out('  newsroom restore NAME       puts back the backup of that name');
    if (problem.kind === 'missing_wal' || problem.kind === 'stray_wal')
      io.out('  newsroom restore --as-is    keeps the archive file as it is, without the changes its log held');
    io.out(
      '  Either way the current archive is first moved into set-aside/, never deleted. Starting the editor does the same and offers the choice on screen.',
    );
  } else {
    io.out('The archive is healthy.');
  }
  return ok;
}

/** An online backup now, checked, into the backups folder. */
export async function backupNow(context: CommandContext): Promise<void> {
  const backup = await makeBackup(context.core.db, context.core.dataDir, 'manual');
  if (context.json)
    context.io.out(
      JSON.stringify({
        name: backup.name,
        file: backup.file,
        articles: backup.articles,
        bytes: backup.bytes,
        ok: backup.ok,
      }),
    );
  else context.io.out(`Backed up ${backup.articles} article(s) to ${backup.file} (integrity check: ok).`);
}

/**
 * Puts a backup in place of the archive (by name, or the latest good one). The archive there
 * now, healthy or not, is first moved into set-aside/; nothing is deleted.
 */
export function restoreBackup(context: DataDirContext, name: string | undefined): void {
  const { dataDir, io } = context;
  const running = liveSessions(dataDir);
  if (running.length > 0)
    throw new CliError(
      `Newsroom has this archive open (process ${running.map((session) => session.pid).join(', ')}); close it, then restore.`,
    );
  const backups = verifiedBackups(dataDir);
  const chosen =
    name === undefined ? backups.find((backup) => backup.ok) : backups.find((backup) => backup.name === name);
  if (!chosen)
    throw new CliError(
      name === undefined
        ? `There is no good backup in ${backupsDir(dataDir)}.`
        : `There is no backup called ${name}; newsroom doctor lists them.`,
    );
  if (!chosen.ok)
    throw new CliError(`${chosen.name} is damaged itself (${chosen.problems.slice(0, 2).join('; ')}); choose another.`);
  const file = archivePath(dataDir);
  const setAsideDir =
    existsSync(file) || existsSync(`${file}-wal`)
      ? setAside(dataDir, 'replaced', `Replaced by the backup ${chosen.name} (newsroom restore).`)
      : undefined;
  installArchiveCopy(dataDir, chosen.file);
  if (context.json) {
    io.out(JSON.stringify({ restored: chosen.name, articles: chosen.articles, setAside: setAsideDir ?? null }));
    return;
  }
  io.out(`Restored ${chosen.name} (${chosen.articles} article(s)).`);
  if (setAsideDir) io.out(`The archive it replaced is kept in ${setAsideDir}.`);
}

/**
 * Keeps the archive file as it is when its log went missing or does not belong to it: the
 * files are set aside first, then the archive file alone is put back and opens from now on.
 */
export function keepArchiveAsIs(context: DataDirContext): void {
  const { dataDir, io } = context;
  const running = liveSessions(dataDir);
  if (running.length > 0)
    throw new CliError(
      `Newsroom has this archive open (process ${running.map((session) => session.pid).join(', ')}); close it first.`,
    );
  const problem = assessArchive(dataDir);
  if (problem?.kind !== 'missing_wal' && problem?.kind !== 'stray_wal') {
    throw new CliError(
      problem
        ? `${problem.message} The archive file itself cannot be kept as it is: restore a backup.`
        : 'The archive is healthy: there is nothing to keep as it is.',
    );
  }
  const setAsideDir = setAside(dataDir, problem.kind, `${problem.message}\nKept as it is (newsroom restore --as-is).`);
  const kept = setAsideArchive(setAsideDir);
  if (!kept) throw new CliError(`There was no archive file to keep; the files are in ${setAsideDir}.`);
  installArchiveCopy(dataDir, kept);
  forgetLedgerNote(dataDir);
  if (context.json) {
    io.out(JSON.stringify({ keptAsIs: true, setAside: setAsideDir }));
    return;
  }
  io.out(`The archive opens as it is now; the changes that were only in its log are not in it.`);
  io.out(`The files as they were are kept in ${setAsideDir}.`);
}

/** Reads a .docx, .html or .txt file into a new article. */
export async function articleImport(context: CommandContext, file: string | undefined): Promise<void> {
  if (file === undefined) throw new CliError('import needs a file: newsroom import FILE', 2);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (bytes.length > maxImportBytes)
    throw new CliError(`${basename(file)} is larger than ${maxImportBytes / 1024 / 1024} MB.`);
  const article = await call(context.core, 'articles.import', {
    fileName: basename(file),
    dataBase64: bytes.toString('base64'),
  });
  if (context.json) {
    context.io.out(
      JSON.stringify({
        ...summaryJson(article),
        convertedFrom: article.convertedFrom,
        outletPrefix: article.outletPrefix,
        kind: article.kind,
        contributors: article.contributors,
        leadText: inlineText(article.lead),
        text: bodyText(article.body),
      }),
    );
    return;
  }
  context.io.out(
    `Imported ${basename(file)} as article ${article.id}: ${article.headline || inlineText(article.lead).slice(0, 60)}`,
  );
  if (article.convertedFrom)
    context.io.out(
      `The text was in the old ${article.convertedFrom === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI'} encoding and was converted to Unicode.`,
    );
  if (article.contributors.length > 0)
    context.io.out(
      `Contributors: ${article.contributors.map((contributor) => `${contributor.name} (${contributor.roles.join(', ')})`).join('; ')}`,
    );
}

/**
 * The copy desk's checks on one article, with the desk's settings, and the export preflight
 * (errors that would block an export); exit code 1 when anything is found.
 */
export function articleCheck(context: CommandContext, idText: string | undefined): boolean {
  const id = parseId(idText, 'check');
  // The preflight runs the copy desk with the desk's settings: its copy-desk items are the findings.
  const { checks } = preflightArticle(context.core.db, id);
  const findings = checks.flatMap((item) => (item.finding ? [item.finding] : []));
  const preflightItems = checks.filter((item) => item.code !== 'copy-desk');
  const clean = findings.length === 0 && !preflightItems.some((item) => item.severity === 'error');
  if (context.json) {
    context.io.out(JSON.stringify({ id, findings, preflight: preflightItems }));
    return clean;
  }
  if (findings.length === 0) context.io.out(`Article ${id}: no copy-desk findings.`);
  for (const finding of findings) {
    const where =
      finding.place.field === 'body'
        ? `body block ${(finding.place.block ?? 0) + 1}${finding.place.item === undefined ? '' : `, item ${finding.place.item + 1}`}`
        : finding.place.field;
    context.io.out(
      `${where}: ${finding.rule}: “${finding.excerpt}”${finding.fix === undefined ? '' : ` → fix: “${finding.fix}”`}`,
    );
  }
  for (const item of preflightItems)
    context.io.out(`preflight ${item.severity === 'error' ? 'ERROR' : 'warning'}: ${item.message}`);
  return clean;
}

export interface SearchOptions {
  status?: string;
  section?: string;
  page?: string;
  missingCredit?: boolean;
  contributor?: string;
  from?: string;
  to?: string;
}

/** Full-text search; matches are shown between » and «. */
export async function articleSearch(
  context: CommandContext,
  query: string | undefined,
  options: SearchOptions,
): Promise<void> {
  if (query === undefined) throw new CliError('search needs a query: newsroom search QUERY', 2);
  const page = options.page === undefined ? undefined : Number(options.page);
  const found = await call(context.core, 'articles.search', {
    query,
    status: options.status,
    section: options.section,
    page,
    missingPhotoCredit: options.missingCredit || undefined,
    contributor: options.contributor,
    from: options.from,
    to: options.to,
  });
  if (context.json) {
    context.io.out(JSON.stringify(found));
    return;
  }
  context.io.out(
    `${found.totalAtMost ? 'up to ' : ''}${found.total} found${found.total > found.pageSize ? ` (page ${found.page} of ${Math.ceil(found.total / found.pageSize)})` : ''}`,
  );
  for (const hit of found.results) {
    let snippet = hit.snippet.text;
    for (const [start, end] of [...hit.snippet.highlights].reverse())
      snippet = `${snippet.slice(0, start)}»${snippet.slice(start, end)}«${snippet.slice(end)}`;
    context.io.out(`${String(hit.id).padStart(5)}  ${hit.status.padEnd(9)}  ${hit.headline}`);
    context.io.out(`       ${snippet}`);
  }
}

/** Writes the article in one tone-mark style (the desk's, unless --style says otherwise). */
export async function articleToneStyle(
  context: CommandContext,
  idText: string | undefined,
  styleText: string | undefined,
): Promise<void> {
  const article = await call(context.core, 'articles.get', { id: parseId(idText, 'article tone-style') });
  const settings = await call(context.core, 'settings.get', {});
  const style = styleText ?? settings.copyDesk.toneStyle;
  if (!(toneStyles as readonly string[]).includes(style))
    throw new CliError(`--style takes ${toneStyles.join(' or ')} (as in hòa or hoà)`, 2);
  let changed = 0;
  const text = mapText(article, (value) => {
    const next = applyToneStyle(value, style as ToneStyle);
    if (next !== value)
      changed += [...value.matchAll(/\p{L}+/gu)].filter(
        (match) => withToneStyle(match[0], style as ToneStyle) !== match[0],
      ).length;
    return next;
  });
  const saved =
    changed > 0
      ? await call(context.core, 'articles.save', { id: article.id, baseVersion: article.version, ...text })
      : undefined;
  if (context.json)
    context.io.out(
      JSON.stringify({ id: article.id, style, changedWords: changed, version: saved?.version ?? article.version }),
    );
  else
    context.io.out(
      changed > 0
        ? `Article ${article.id}: ${changed} word(s) now in the ${style} style (version ${saved?.version}).`
        : `Article ${article.id} is already in the ${style} style.`,
    );
}

export interface HistoryOptions {
  compare?: string;
  to?: string;
  restore?: string;
  name?: string;
}

const revisionLine = (revision: RevisionSummary): string => {
  const what =
    revision.kind === 'named'
      ? `“${revision.name ?? ''}”`
      : revision.kind === 'status'
        ? `status → ${revision.status}`
        : revision.kind.replace('_', ' ');
  return `${String(revision.id).padStart(6)}  v${String(revision.version).padEnd(7)}${revision.savedAt.replace('T', ' ').slice(0, 19)}  ${what}${revision.by ? ` · ${revision.by}` : ''}`;
};

/** Shows a change as text: [-removed-]{+added+}, invisible characters revealed. */
const showParts = (change: FieldChange): string =>
  change.parts
    .map((part) =>
      part.op === 'equal'
        ? part.text
        : part.op === 'delete'
          ? `[-${revealInvisible(part.text)}-]`
          : `{+${revealInvisible(part.text)}+}`,
    )
    .join('');

/**
 * An article's kept versions; with --compare, what changed field by field from one to another
 * (or to the current text); --name keeps the current text as a named version; --restore
 * brings a kept version back as a new one.
 */
export async function articleHistory(
  context: CommandContext,
  idText: string | undefined,
  options: HistoryOptions,
): Promise<void> {
  const id = parseId(idText, 'history');
  const revisionId = (text: string, flag: string): number => {
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value <= 0)
      throw new CliError(`${flag} takes a history entry number, as listed by: newsroom history ${id}`, 2);
    return value;
  };
  if (options.name !== undefined) {
    const kept = await call(context.core, 'articles.saveVersion', { id, name: options.name });
    context.io.out(
      context.json
        ? JSON.stringify(kept)
        : `Kept version ${kept.version} of article ${id} as “${kept.name ?? ''}” (history entry ${kept.id}).`,
    );
    return;
  }
  if (options.restore !== undefined) {
    const article = await call(context.core, 'articles.get', { id });
    const saved = await call(context.core, 'articles.restore', {
      id,
      baseVersion: article.version,
      revisionId: revisionId(options.restore, '--restore'),
    });
    context.io.out(
      context.json
        ? JSON.stringify(saved)
        : `Restored history entry ${options.restore} as version ${saved.version} of article ${id}; the text it replaced is kept in the history.`,
    );
    return;
  }
  if (options.compare !== undefined) {
    const settings = await call(context.core, 'settings.get', {});
    const load = async (text: string | undefined, flag: string): Promise<{ label: string; content: Comparable }> => {
      if (text === undefined || text === 'current') {
        const article = await call(context.core, 'articles.get', { id });
        return { label: `current (v${article.version})`, content: article };
      }
      const revision = await call(context.core, 'articles.revision', { id, revisionId: revisionId(text, flag) });
      return {
        label: `${revision.id} (v${revision.version})`,
        content: { ...revision.content, status: revision.status },
      };
    };
    const before = await load(options.compare, '--compare');
    const after = await load(options.to, '--to');
    const changes = compareContent(before.content, after.content, settings.creditTemplate);
    if (context.json) {
      context.io.out(JSON.stringify({ id, from: before.label, to: after.label, changes }));
      return;
    }
    context.io.out(`Article ${id}: ${before.label} → ${after.label}`);
    if (changes.length === 0) context.io.out('No differences.');
    for (const change of changes) {
      context.io.out('');
      context.io.out(`${change.field}${change.invisibleOnly ? ' (only characters that do not show on screen)' : ''}:`);
      context.io.out(showParts(change));
    }
    return;
  }
  const revisions = await call(context.core, 'articles.history', { id });
  if (context.json) {
    context.io.out(JSON.stringify(revisions));
    return;
  }
  context.io.out(' ENTRY  VERSION  SAVED (UTC)          WHAT');
  for (const revision of revisions) context.io.out(revisionLine(revision));
}

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

/** The contributor registry; with a name, sets how credit lines write it (--display) and the unit. */
export async function people(
  context: CommandContext,
  name: string | undefined,
  options: { display?: string; unit?: string },
): Promise<void> {
  if (name !== undefined) {
    const current = (await call(context.core, 'people.list', {})).find(
      (person) => personKey(person.name) === personKey(name),
    );
    const saved = await call(context.core, 'people.save', {
      name: current?.name ?? name,
      display: options.display ?? current?.display ?? '',
      unit: options.unit ?? current?.unit ?? '',
    });
    context.io.out(
      context.json
        ? JSON.stringify(saved)
        : `${saved.name}: credit lines write ${saved.display || 'the name in upper case'}${saved.unit ? ` · ${saved.unit}` : ''}`,
    );
    return;
  }
  const list = await call(context.core, 'people.list', {});
  if (context.json) {
    context.io.out(JSON.stringify(list));
    return;
  }
  for (const person of list)
    context.io.out(
      `${person.name}${person.display ? ` → ${person.display}` : ''}${person.unit ? ` · ${person.unit}` : ''}`,
    );
}

/** The story package into a new folder; exit 1 listing the errors when the preflight blocks (unless --draft). */
export async function articleExport(
  context: CommandContext,
  idText: string | undefined,
  out: string | undefined,
  draft: boolean,
): Promise<boolean> {
  const id = parseId(idText, 'export');
  if (out === undefined) throw new CliError('export needs --out DIR (a new or empty folder)', 2);
  const result = await exportStory(context.core.db, context.core.dataDir, id, resolve(out), { draft });
  if (context.json) {
    context.io.out(JSON.stringify(result));
    return result.status === 'exported';
  }
  for (const item of result.preflight)
    context.io.out(`${item.severity === 'error' ? 'ERROR' : 'warning'}: ${item.message}`);
  if (result.status === 'blocked') {
    context.io.out(`Not exported: the preflight found errors. Fix them, or export with --draft.`);
    return false;
  }
  context.io.out(
    `Exported article ${id}${result.draft ? ' as a DRAFT' : ''} to ${result.dir} (${result.files.length} files).`,
  );
  return true;
}
