import type { Output } from '../../shared/api/contract';
import type { Article, ArticleSummary } from '../../shared/article/article';
import { bodyText, inlineText } from '../../shared/article/article';
import { checkArchive } from '../core/archive/checkArchive';
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
function call<M extends 'articles.list' | 'articles.create' | 'articles.get'>(
  core: OpenCore,
  method: M,
  input: unknown,
): Output<M> {
  const result = dispatch(core.handlers, method, input);
  if (!result.ok) throw new CliError(result.error.message);
  return result.value as Output<M>;
}

const summaryJson = (article: ArticleSummary) => ({
  id: article.id,
  headline: article.headline,
  status: article.status,
  version: article.version,
  createdAt: article.createdAt,
  updatedAt: article.updatedAt,
});

export function articleNew(context: CommandContext, headline: string | undefined): void {
  if (headline === undefined) throw new CliError('article new needs --headline TEXT', 2);
  const article = call(context.core, 'articles.create', { headline });
  if (context.json) context.io.out(JSON.stringify(summaryJson(article)));
  else context.io.out(`Created article ${article.id}: ${article.headline}`);
}

export function articleList(context: CommandContext): void {
  const articles = call(context.core, 'articles.list', {});
  if (context.json) {
    context.io.out(JSON.stringify(articles.map(summaryJson)));
    return;
  }
  if (articles.length === 0) {
    context.io.out('No articles yet. Create one with: newsroom article new --headline TEXT');
    return;
  }
  for (const article of articles) {
    context.io.out(`${String(article.id).padStart(5)}  ${article.status.padEnd(9)}  v${article.version}  ${article.headline}`);
  }
}

export function articleShow(context: CommandContext, idText: string | undefined): void {
  const id = Number(idText);
  if (idText === undefined || !Number.isSafeInteger(id) || id <= 0) {
    throw new CliError('article show needs an article id (a positive whole number)', 2);
  }
  const article: Article = call(context.core, 'articles.get', { id });
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

export function doctor(context: CommandContext): boolean {
  const report = checkArchive(context.core.db);
  if (context.json) {
    context.io.out(JSON.stringify(report));
    return report.ok;
  }
  context.io.out(`Archive: ${report.file}`);
  context.io.out(`Schema: ${report.schemaVersion} (latest ${report.latestSchemaVersion}), journal ${report.journalMode}`);
  context.io.out(`Articles: ${report.articles}`);
  context.io.out(`Integrity: ${report.integrity.join('; ')}`);
  if (report.foreignKeyProblems > 0) context.io.out(`Foreign key problems: ${report.foreignKeyProblems}`);
  context.io.out(report.ok ? 'The archive is healthy.' : 'The archive has problems: make a copy before changing anything.');
  return report.ok;
}
