import type { Database } from 'better-sqlite3';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** SQLite's own ceiling for max_page_count: "no limit". */
const unlimitedPages = 4294967294;

/**
 * Only with NEWSROOM_TEST_HOOKS=1: the process that started `newsroom serve` can simulate a
 * full disk by writing lines to its standard input (`max-page-count N`, `max-page-count
 * reset`, `page-count`), or ask for the one-time address a browser would be opened with
 * (`one-time-url`); each gets one reply line on standard output. Nothing is reachable
 * over the network.
 */
export function listenForTestHooks(
  db: () => Database | undefined,
  input: Readable,
  out: (line: string) => void,
  oneTimeUrl: () => string,
): () => void {
  const lines = createInterface({ input });
  lines.on('line', (line) => {
    const database = db();
    const [command, argument] = line.trim().split(/\s+/);
    if (command === 'one-time-url') {
      out(`one-time-url ${oneTimeUrl()}`);
      return;
    }
    if (!database) {
      out('hook error: the archive is not open');
      return;
    }
    if (command === 'page-count') {
      out(`page-count ${String(database.pragma('page_count', { simple: true }))}`);
    } else if (command === 'max-page-count') {
      const pages = argument === 'reset' ? unlimitedPages : Number(argument);
      if (!Number.isInteger(pages) || pages <= 0) {
        out('hook error: max-page-count takes a number or reset');
        return;
      }
      out(`max-page-count ${String(database.pragma(`max_page_count = ${pages}`, { simple: true }))}`);
    } else {
      out(`hook error: unknown command ${command ?? ''}`);
    }
  });
  return () => {
    lines.close();
    input.destroy();
  };
}
