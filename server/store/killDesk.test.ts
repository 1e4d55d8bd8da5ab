import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';
import type { Mutation, PushOutcome } from '../../shared/desk/protocol';
import { actorFor, clusterForTests, deskDatabase } from '../testing/deskDatabase';

const kills = Number(process.env.NEWSROOM_DESK_KILLS ?? 50);
const cluster = await clusterForTests();
const { pool, url: database } = await deskDatabase(cluster);
const reporter = await actorFor(pool, 'minhtuan', 'reporter');

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '../testing/deskProcess.ts'), database],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', () => reject(new Error('the desk process exited before it listened')));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  return { child, url };
}

it(
  `the desk server killed ${kills} times mid-push: every acknowledged push is there once, and every resent one lands`,
  async () => {
    // One article per mutation, so "exactly once" is a count of rows.
    const queue: Mutation[] = Array.from({ length: kills * 4 }, (_, n) => ({
      kind: 'article.save',
      mutationId: randomUUID(),
      articleId: randomUUID(),
      baseVersion: 0,
      fields: { headline: `Bài ${n}` },
    }));
    const acknowledged = new Set<string>();
    let interrupted = 0;
    let typical = 20;
    let server = await startServer();
    for (let kill = 0; kill < kills; kill += 1) {
      // A batch of what is not yet acknowledged, in order, as a laptop's outbox resends it.
      const batch = queue.filter((mutation) => !acknowledged.has(mutation.mutationId)).slice(0, 8);
      const sent = fetch(`${server.url}/api/push`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${reporter.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ mutations: batch }),
      })
        .then(async (response) => (await response.json()) as { ok: boolean; value?: { outcomes: PushOutcome[] } })
        .then((envelope) => envelope.value?.outcomes ?? [])
        .catch(() => [] as PushOutcome[]);
      // Every fourth push is let finish (its time tells how long a push takes on this machine);
      // the others are killed at a random moment within one and a half times that.
      const started = performance.now();
      if (kill % 4 === 0) {
        await sent;
        typical = performance.now() - started;
      } else await new Promise((resolve) => setTimeout(resolve, Math.random() * typical * 1.5));
      server.child.kill('SIGKILL');
      const outcomes = await sent;
      if (outcomes.length === 0) interrupted += 1;
      for (const outcome of outcomes) acknowledged.add(outcome.mutationId);
      // It may have exited already while the push was being answered: then there is no exit event to wait for.
      if (server.child.exitCode === null && server.child.signalCode === null)
        await new Promise((resolve) => server.child.once('exit', resolve));
      server = await startServer();
    }
    // Then the laptop sends everything left, to a server that stays up.
    for (let round = 0; acknowledged.size < queue.length && round < 100; round += 1) {
      const batch = queue.filter((mutation) => !acknowledged.has(mutation.mutationId)).slice(0, 100);
      const response = await fetch(`${server.url}/api/push`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${reporter.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ mutations: batch }),
      });
      const envelope = (await response.json()) as { value: { outcomes: PushOutcome[] } };
      for (const outcome of envelope.value.outcomes) acknowledged.add(outcome.mutationId);
    }
    server.child.kill('SIGKILL');
    // The kills did land mid-push (no answer), and the pushes let finish were answered.
    expect(interrupted).toBeGreaterThan(kills / 10);
    expect(interrupted).toBeLessThanOrEqual(kills - Math.ceil(kills / 4));
    expect(acknowledged.size).toBe(queue.length);
    const rows = await pool.query<{ headline: string; n: number }>(
      `SELECT content->>'headline' AS headline, count(*)::int AS n FROM article_documents GROUP BY 1`,
    );
    expect(rows.rows.length).toBe(queue.length);
    expect(rows.rows.every((row) => row.n === 1)).toBe(true);
    const answered = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM mutations');
    expect(answered.rows[0]?.n).toBe(queue.length);
    console.warn(
      `Desk kills: ${kills} SIGKILLs, ${interrupted} mid-push (no answer); ${queue.length} mutations, each on the desk once.`,
    );
  },
  kills * 3_000 + 60_000,
);
