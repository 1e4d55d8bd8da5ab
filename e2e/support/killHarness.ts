import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { callApi, startServer } from './server';

export interface KillHarnessOptions {
  dataDir: string;
  kills: number;
  /** Articles saved to at once, each by its own stream of saves. */
  articles?: number;
  seed?: number;
  /**
   * Every Nth kill, the sqlite3 shell opens the archive before the restart, folding the log
   * into it and deleting it, as any SQLite program does: the restart must open it all the same.
   */
  foldEvery?: number;
  /** Called after each kill and check. */
  onKill?: (report: KillReport) => void;
}

export interface KillReport {
  kill: number;
  /** Saves acknowledged (HTTP 200 with ok) before this kill. */
  acknowledged: number;
  /** Saves sent but cut off by the kill; they may or may not have committed. */
  cutOff: number;
  /** Of those, how many turned out committed after the restart. */
  committedUnacknowledged: number;
  restartMs: number;
}

export interface KillHarnessResult {
  kills: number;
  acknowledged: number;
  lost: string[];
  integrity: string[];
  restartMs: number[];
  /** How many times the sqlite3 shell folded the log in between a kill and the restart. */
  folded: number;
}

/** A small deterministic generator, so a failing run can be replayed with its seed. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const words =
  'Hội nghị tổng kết công tác Đảng năm quân đội Trung tướng Nguyễn Mạnh Hùng chủ trì đường phố Hà Nội bàn giao'.split(
    ' ',
  );

interface Stored {
  version: number;
  body: { children: { text: string }[] }[];
}

/**
 * The crash-safety harness on the real save path (HTTP → core → SQLite in a `newsroom serve`
 * process): streams of saves to several articles, the process killed with SIGKILL at a random
 * moment, restarted, and checked: every acknowledged save is there (the stored version is at
 * least the last acknowledged one, and its text is exactly what was sent for that version),
 * and integrity_check is ok.
 */
export async function runKillHarness(options: KillHarnessOptions): Promise<KillHarnessResult> {
  const random = generator(options.seed ?? 20261124);
  const token = 'kill-harness-token-0123456789abcdef';
  const count = options.articles ?? 4;
  let server = await startServer(options.dataDir, { token });
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1)
    ids.push((await callApi<{ id: number }>(server, 'articles.create', { headline: `Bài ${i}` })).id);
  // What each article's next save is based on, and the text sent for each version it could reach.
  const acknowledgedVersion = new Map(ids.map((id) => [id, 1]));
  const sent = new Map(ids.map((id) => [id, new Map<number, string>()]));
  const lost: string[] = [];
  const integrity: string[] = [];
  const restartMs: number[] = [];
  let acknowledgedTotal = 0;
  let folded = 0;

  for (let kill = 1; kill <= options.kills; kill += 1) {
    let acknowledged = 0;
    let cutOff = 0;
    let stopping = false;
    const stream = async (id: number) => {
      let n = 0;
      while (!stopping) {
        const base = acknowledgedVersion.get(id) ?? 1;
        const length = 5 + Math.floor(random() * 400);
        const text = `${id}/${kill}/${n++} ${Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ')}`;
        sent.get(id)?.set(base + 1, text);
        try {
          const saved = await callApi<{ version: number }>(server, 'articles.save', {
            id,
            baseVersion: base,
            body: [{ type: 'paragraph', children: [{ text }] }],
          });
          acknowledgedVersion.set(id, saved.version);
          acknowledged += 1;
        } catch {
          cutOff += 1;
          return;
        }
      }
    };
    const streams = ids.map(stream);
    await new Promise((resolve) => setTimeout(resolve, 10 + random() * 150));
    stopping = true;
    await server.kill();
    await Promise.all(streams);
    acknowledgedTotal += acknowledged;
    if (options.foldEvery && kill % options.foldEvery === 0) {
      const shell = spawnSync('sqlite3', [join(options.dataDir, 'archive.sqlite3'), 'pragma integrity_check;'], {
        encoding: 'utf8',
      });
      if (shell.error || shell.stdout.trim() !== 'ok')
        integrity.push(`kill ${kill}: the sqlite3 shell said ${shell.stdout.trim() || String(shell.error)}`);
      if (!existsSync(join(options.dataDir, 'archive.sqlite3-wal'))) folded += 1;
    }

    const started = performance.now();
    server = await startServer(options.dataDir, { token });
    restartMs.push(performance.now() - started);
    let committedUnacknowledged = 0;
    for (const id of ids) {
      const stored = await callApi<Stored>(server, 'articles.get', { id });
      const expected = acknowledgedVersion.get(id) ?? 1;
      const text = stored.body[0]?.children[0]?.text ?? '';
      if (stored.version < expected)
        lost.push(
          `kill ${kill}: article ${id} is at version ${stored.version}, but version ${expected} was acknowledged`,
        );
      else if (stored.version > 1 && sent.get(id)?.get(stored.version) !== text)
        lost.push(`kill ${kill}: article ${id} version ${stored.version} does not hold the text sent for it`);
      if (stored.version > expected) committedUnacknowledged += stored.version - expected;
      acknowledgedVersion.set(id, stored.version);
    }
    const check = new BetterSqlite3(join(options.dataDir, 'archive.sqlite3'), { readonly: true });
    const result = check.pragma('integrity_check', { simple: true }) as string;
    check.close();
    if (result !== 'ok') integrity.push(`kill ${kill}: ${result}`);
    options.onKill?.({ kill, acknowledged, cutOff, committedUnacknowledged, restartMs: restartMs.at(-1) ?? 0 });
  }
  await server.stop();
  return { kills: options.kills, acknowledged: acknowledgedTotal, lost, integrity, restartMs, folded };
}
