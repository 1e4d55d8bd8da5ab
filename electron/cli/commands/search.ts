import type { CliCommand } from '../command';
import { CliError } from '../output';
import { call } from './context';
import type { CommandContext } from './context';

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

export const searchCommands: readonly CliCommand[] = [
  {
    name: ['search'],
    usage:
      'search QUERY [--status S] [--section S] [--contributor NAME] [--from DATE] [--to DATE]\n       [--missing-credit] [--page N]',
    summary: 'full-text search, with or without Vietnamese marks',
    options: ['status', 'section', 'contributor', 'from', 'to', 'missing-credit', 'page'],
    archive: 'open',
    run: (context, { values, args }) =>
      articleSearch(context, args.join(' ') || undefined, {
        status: values.status,
        section: values.section,
        page: values.page,
        missingCredit: values['missing-credit'],
        contributor: values.contributor,
        from: values.from,
        to: values.to,
      }),
  },
];
