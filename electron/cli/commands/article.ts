import type { Article, ArticleSummary } from '../../../shared/article/article';
import type { ListCursor } from '../../../shared/archive/list';
import { bodyText, inlineText } from '../../../shared/article/article';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { mapText } from '../../../shared/article/mapText';
import type { ToneStyle } from '../../../shared/text/toneStyle';
import { applyToneStyle, toneStyles, withToneStyle } from '../../../shared/text/toneStyle';
import { maxImportBytes } from '../../core/import/importDocument';
import type { CliCommand } from '../command';
import { CliError } from '../output';
import { call, parseId, summaryJson } from './context';
import type { CommandContext } from './context';

export async function articleNew(context: CommandContext, headline: string | undefined): Promise<void> {
  if (headline === undefined) throw new CliError('article new needs --headline TEXT', 2);
  const article = await call(context.core, 'articles.create', { headline });
  if (context.json) context.io.out(JSON.stringify(summaryJson(article)));
  else context.io.out(`Created article ${article.id}: ${article.headline}`);
}

/** Every article, newest change first, read a page at a time as the editor's list does. */
async function allArticles(context: CommandContext): Promise<ArticleSummary[]> {
  const articles: ArticleSummary[] = [];
  let after: ListCursor | undefined;
  do {
    const page = await call(context.core, 'articles.list', { after, limit: 500 });
    articles.push(...page.articles);
    after = page.next ?? undefined;
  } while (after);
  return articles;
}

export async function articleList(context: CommandContext): Promise<void> {
  const articles = await allArticles(context);
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
export async function articleCheck(context: CommandContext, idText: string | undefined): Promise<boolean> {
  const id = parseId(idText, 'check');
  // The preflight runs the copy desk with the desk's settings: its copy-desk items are the findings.
  const checks = await call(context.core, 'articles.preflight', { id });
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

export const articleCommands: readonly CliCommand[] = [
  {
    name: ['article', 'new'],
    usage: 'article new --headline TEXT',
    summary: 'create an article',
    options: ['headline'],
    archive: 'open',
    run: (context, { values }) => articleNew(context, values.headline),
  },
  {
    name: ['article', 'list'],
    usage: 'article list',
    summary: 'list the archive, last changed first',
    archive: 'open',
    run: (context) => articleList(context),
  },
  {
    name: ['article', 'show'],
    usage: 'article show ID',
    summary: 'print one article',
    archive: 'open',
    run: (context, { args }) => articleShow(context, args[0]),
  },
  {
    name: ['article', 'update'],
    usage: 'article update ID [--headline T] [--status S] [--section S] [--tags a,b]',
    summary: 'edit an article (statuses: draft, submitted, edited, approved, exported, spiked)',
    options: ['headline', 'status', 'section', 'tags'],
    archive: 'open',
    run: (context, { values, args }) =>
      articleUpdate(context, args[0], {
        headline: values.headline,
        status: values.status,
        section: values.section,
        tags: values.tags,
      }),
  },
  {
    name: ['article', 'tone-style'],
    usage: 'article tone-style ID [--style òa|oà]',
    summary: "write the article in one tone-mark style (default: the desk's)",
    options: ['style'],
    archive: 'open',
    run: (context, { values, args }) => articleToneStyle(context, args[0], values.style),
  },
  {
    name: ['import'],
    usage: 'import FILE',
    summary: 'a .docx, .html or .txt file becomes a new article',
    archive: 'open',
    run: (context, { args }) => articleImport(context, args[0]),
  },
  {
    name: ['check'],
    usage: 'check ID',
    summary: "the copy desk's checks and the export preflight (exit 1 when something is found)",
    archive: 'open',
    run: (context, { args }) => articleCheck(context, args[0]),
  },
];
