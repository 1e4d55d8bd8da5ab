import type { CliCommand } from '../command';
import { resolve } from 'node:path';
import { exportStory } from '../../core/export/exportStory';
import { CliError } from '../output';

import { parseId } from './context';
import type { CommandContext } from './context';

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

export const exportCommands: readonly CliCommand[] = [
  {
    name: ['export'],
    usage: 'export ID --out DIR [--draft]',
    summary:
      'the story package (index.html, fragment.html, images/, article.json,\nmanifest.json); exit 1 listing the errors when the preflight blocks',
    options: ['out', 'draft'],
    archive: 'open',
    maintenance: "writes the package into a folder of the user's choosing, which the contract (exports/ only) does not",
    run: (context, { values, args }) => articleExport(context, args[0], values.out, values.draft),
  },
];
