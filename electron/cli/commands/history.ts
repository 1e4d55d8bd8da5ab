import type { Comparable, FieldChange, RevisionSummary } from '../../../shared/history/revisions';
import { compareContent } from '../../../shared/history/revisions';
import { revealInvisible } from '../../../shared/text/diff';
import { CliError } from '../output';

import type { CliCommand } from '../command';
import { call, parseId } from './context';
import type { CommandContext } from './context';

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

export const historyCommands: readonly CliCommand[] = [
  {
    name: ['history'],
    usage: 'history ID [--compare E [--to F] | --name TEXT | --restore E]',
    summary:
      "the article's kept versions (history entries), newest first; --compare: what changed from\nentry E to entry F (default: the current text); --name: keep the current text as a named\nversion; --restore: bring entry E back as a new version (the current text is kept)",
    options: ['compare', 'to', 'name', 'restore'],
    archive: 'open',
    run: (context, { values, args }) =>
      articleHistory(context, args[0], {
        compare: values.compare,
        to: values.to,
        restore: values.restore,
        name: values.name,
      }),
  },
];
