/*
 * A Newsroom process for crash tests, run with tsx: it opens the archive of the data folder
 * given as its argument as the shells do (refusing it as the CLI would), then takes lines on
 * standard input: `save HEADLINE` saves article 1's headline (creating the article first) and
 * answers `ack VERSION` once the save is acknowledged; `close` closes the archive cleanly and
 * exits. The test kills it with SIGKILL whenever it likes.
 */
import { createInterface } from 'node:readline';
import type { Article } from '../../shared/article/article';
import { startArchive } from '../core/archiveService';
import { dispatch } from '../core/dispatch';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: archiveProcess.ts DATA_DIR');

const service = await startArchive(dataDir).catch((error: unknown) => {
  process.stdout.write(`refused ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(3);
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await dispatch(service.handlers, method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

let article = (await call<{ articles: { id: number; version: number }[] }>('articles.list', {})).articles[0];
process.stdout.write('ready\n');

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'close') {
    service.close();
    process.stdout.write('closed\n');
    process.exit(0);
  }
  if (line.startsWith('save ')) {
    const headline = line.slice('save '.length);
    if (!article) article = await call<Article>('articles.create', { headline: '' });
    const saved = await call<{ version: number }>('articles.save', {
      id: article.id,
      baseVersion: article.version,
      headline,
    });
    article = { ...article, version: saved.version };
    process.stdout.write(`ack ${saved.version}\n`);
  }
}
