// The desk server on a real PostgreSQL cluster of its own, over loopback HTTP:
// - push latency at 40 pushes/s (200 reporters, each saving every 5 s), each a one-paragraph
//   edit of a 10,000-word article: p50/p95; peer: the same pushes sending the whole body;
// - bytes on the wire for one such save, ours and the whole body's;
// - flat out: pushes/s with 16 in flight;
// - a save on laptop A seen on laptop B (B listens to the event stream, then pulls): p95;
// - a new laptop's first sync of a desk with 10,000 articles and 2,000 photo records (no
//   originals: a laptop fetches those when it needs one), against COPY of the same rows.
// The desk server runs in a process of its own; the pushing laptops share this one.
// Run: npm run bench:desk   (SECONDS_PER_ARM=10, ARTICLES=200, DESK_ARTICLES=10000, DESK_PHOTOS=2000)
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { emptyContent } from '../shared/article/article';
import { emptyPhotoMeta } from '../shared/photos/photo';
import type { PushOutcome } from '../shared/desk/protocol';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { migrate } from '../server/db/migrate';
import { actorFor } from '../server/testing/actors';
import { startCluster } from '../server/testing/postgres';
import { syncRound } from '../electron/core/sync/syncRound';
import { deskClient } from '../electron/core/sync/deskClient';
import { openArchive } from '../electron/core/archive/openArchive';
import { archivePath } from '../electron/core/dataDir';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Story } from './lib/deskSaves';
import { nextMutation, nextSave } from './lib/deskSaves';
import { ms, percentile } from './lib/stats';
import { vietnameseBody } from './lib/vietnameseText';

const secondsPerArm = Number(process.env.SECONDS_PER_ARM ?? 10);
const articleCount = Number(process.env.ARTICLES ?? 200);
const deskArticles = Number(process.env.DESK_ARTICLES ?? 10_000);
const deskPhotos = Number(process.env.DESK_PHOTOS ?? 2_000);

// fsync on, as a newsroom's server runs.
const cluster = await startCluster({ durable: true });
const database = await cluster.database();
// The desk server in a process of its own, as it runs in a newsroom; the bench's laptops in this one.
const pool = new pg.Pool({ connectionString: database, max: 4 });
await migrate(pool);
const child = spawn(
  process.execPath,
  ['--import', 'tsx', join(import.meta.dirname, '../server/testing/deskProcess.ts'), database],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
const desk = {
  pool,
  url,
  close: async () => {
    agent.destroy();
    child.kill('SIGTERM');
    await pool.end();
  },
};
const reporter = await actorFor(desk.pool, 'minhtuan', 'editor');

// The laptops' side of a push kept light (node:http with kept-alive connections, not fetch):
// the laptops are other machines, and the bench shares the desk's two cores with them.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function post(body: string): Promise<PushOutcome[]> {
  const target = new URL('/api/push', desk.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      target,
      {
        method: 'POST',
        agent,
        headers: {
          Authorization: `Bearer ${reporter.token}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const envelope = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            value?: { outcomes: PushOutcome[] };
          };
          if (envelope.value) resolve(envelope.value.outcomes);
          else reject(new Error(`push failed: ${JSON.stringify(envelope)}`));
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function createStories(): Promise<Story[]> {
  const stories: Story[] = [];
  for (let n = 0; n < articleCount; n += 1) {
    const story: Story = { id: randomUUID(), version: 0, body: vietnameseBody(10_000), edits: 0 };
    const [outcome] = await post(
      JSON.stringify({
        mutations: [
          {
            kind: 'article.save',
            mutationId: randomUUID(),
            articleId: story.id,
            baseVersion: 0,
            fields: { headline: `Bài ${n}`, body: story.body },
          },
        ],
      }),
    );
    story.version = outcome && 'version' in outcome ? outcome.version : 1;
    stories.push(story);
  }
  return stories;
}

/** Pushes at `rate` per second for the arm's seconds, round-robin over the stories; latencies. */
async function paced(stories: Story[], whole: boolean, rate: number): Promise<number[]> {
  const latencies: number[] = [];
  const total = rate * secondsPerArm;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  const busy = new Set<Story>();
  for (let n = 0; n < total; n += 1) {
    const due = start + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const story = stories[n % stories.length]!;
    if (busy.has(story)) continue;
    busy.add(story);
    const body = nextSave(story, whole);
    const sent = performance.now();
    inFlight.push(
      post(body).then(([outcome]) => {
        latencies.push(performance.now() - sent);
        if (outcome && 'version' in outcome) story.version = outcome.version;
        busy.delete(story);
      }),
    );
  }
  await Promise.all(inFlight);
  return latencies;
}

/**
 * Pushes/s with `wanted` in flight for the arm's seconds. The desk's throughput, not the
 * laptops': each worker's saves are made (diffed) before the clock starts, as each would be
 * on a laptop of its own, and only sent in the arm; their making is timed apart.
 */
async function flatOut(stories: Story[], wanted: number): Promise<{ rate: number; makeMs: number }> {
  // No more workers than stories: each worker pushes to stories of its own, so no two pushes race for one article.
  const concurrency = Math.min(wanted, stories.length);
  const perWorker = Math.ceil((400 * secondsPerArm) / concurrency);
  const making = performance.now();
  const queues = Array.from({ length: concurrency }, (_, index) => {
    const mine = stories.filter((_, n) => n % concurrency === index);
    return Array.from({ length: perWorker }, (_, turn) => {
      const story = mine[turn % mine.length]!;
      return { story, mutation: nextMutation(story, false) };
    });
  });
  const makeMs = (performance.now() - making) / (concurrency * perWorker);
  let done = 0;
  const end = performance.now() + secondsPerArm * 1000;
  const started = performance.now();
  await Promise.all(
    queues.map(async (queue) => {
      for (const { story, mutation } of queue) {
        if (performance.now() >= end) return;
        const [outcome] = await post(JSON.stringify({ mutations: [{ ...mutation, baseVersion: story.version }] }));
        if (outcome && 'version' in outcome) story.version = outcome.version;
        done += 1;
      }
    }),
  );
  return { rate: done / ((performance.now() - started) / 1000), makeMs };
}

/** Laptop A pushes; laptop B, on the event stream, pulls as soon as it is told: push start to B having it. */
async function visibleOnB(trials: number): Promise<number[]> {
  const b = await actorFor(desk.pool, 'bientap', 'editor');
  const events = await fetch(`${desk.url}/api/events`, { headers: { Authorization: `Bearer ${b.token}` } });
  const reader = events.body!.getReader();
  const decoder = new TextDecoder();
  let cursor = 0;
  const pullAll = async () => {
    const ids: string[] = [];
    for (;;) {
      const response = await fetch(`${desk.url}/api/pull?after=${cursor}&limit=500`, {
        headers: { Authorization: `Bearer ${b.token}` },
      });
      const page = (await response.json()) as {
        value: { cursor: number; more: boolean; changes: { article: { id: string } }[] };
      };
      cursor = page.value.cursor;
      ids.push(...page.value.changes.map((change) => change.article.id));
      if (!page.value.more) return ids;
    }
  };
  await pullAll();
  const samples: number[] = [];
  for (let n = 0; n < trials; n += 1) {
    const id = randomUUID();
    const started = performance.now();
    void post(
      JSON.stringify({
        mutations: [
          {
            kind: 'article.save',
            mutationId: randomUUID(),
            articleId: id,
            baseVersion: 0,
            fields: { headline: `Tin ${n}` },
          },
        ],
      }),
    );
    for (;;) {
      const chunk = (await reader.read()) as { value?: Uint8Array };
      if (!decoder.decode(chunk.value).includes('event: change')) continue;
      if ((await pullAll()).includes(id)) break;
    }
    samples.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await reader.cancel();
  return samples;
}

/** 2,000 photo records as a photo desk leaves them: credit, caption, keywords; each numbered in the change log. */
async function seedPhotos(count: number): Promise<void> {
  const meta = {
    ...emptyPhotoMeta(),
    creator: 'Minh Tuấn',
    creditLine: 'Ảnh: Minh Tuấn/QĐND',
    description: 'Trung tướng Nguyễn Mạnh Hùng phát biểu tại hội nghị tổng kết công tác Đảng năm 2026',
    altText: 'Người đàn ông mặc quân phục phát biểu trước hội trường',
    city: 'Hà Nội',
    country: 'Việt Nam',
    keywords: ['hội nghị', 'quân đội', 'Hà Nội'],
    dateCreated: '2026-11-30',
  };
  await desk.pool.query(
    `WITH made AS (
       INSERT INTO photos (id, desk_id, sha256, version, file, meta, created_by, updated_by)
       SELECT gen_random_uuid(), $1, encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), 1,
              jsonb_build_object('originalName', 'anh-' || n || '.jpg', 'format', 'jpeg', 'width', 4000,
                                 'height', 2667, 'bytes', 6500000, 'importedAt', '2026-11-30T08:00:00.000Z'),
              $3::jsonb, $2, $2
         FROM generate_series(1, $4) n RETURNING id)
     INSERT INTO changes (desk_id, seq, entity, entity_id)
     SELECT $1, (SELECT last_change FROM desks WHERE id = $1) + row_number() OVER (), 'photo', id FROM made`,
    [reporter.deskId, reporter.userId, JSON.stringify(meta), count],
  );
  await desk.pool.query(
    `UPDATE desks SET last_change = (SELECT max(seq) FROM changes WHERE desk_id = $1) WHERE id = $1`,
    [reporter.deskId],
  );
}

/** A desk of `count` articles (a few hundred words each) and `photos` records, then a new laptop's first sync, against COPY. */
async function firstSync(
  count: number,
  photos: number,
): Promise<{ sync: number; copy: number; pulled: number; photos: number }> {
  const { body, ...fields } = { ...emptyContent('Bài'), body: vietnameseBody(300) };
  // Each article with its body as block rows, as the desk stores them.
  await desk.pool.query(
    `WITH made AS (
       INSERT INTO articles (id, desk_id, version, status, author_id, updated_by, fields, body)
       SELECT gen_random_uuid(), $1, 1, 'draft', $2, $2, $3::jsonb, '{}' FROM generate_series(1, $4) RETURNING id),
     blocks AS (
       INSERT INTO article_blocks (id, article_id, content)
       SELECT gen_random_uuid(), made.id, e.block FROM made, jsonb_array_elements($5::jsonb) WITH ORDINALITY e(block, n)
       RETURNING id, article_id)
     INSERT INTO changes (desk_id, seq, entity, entity_id)
     SELECT $1, (SELECT last_change FROM desks WHERE id = $1) + row_number() OVER (), 'article', id FROM made`,
    [reporter.deskId, reporter.userId, JSON.stringify(fields), count, JSON.stringify(body)],
  );
  // Block ids are random here: the order is the order they were made in.
  await desk.pool.query(
    `UPDATE articles SET body = (SELECT array_agg(b.id ORDER BY b.ctid) FROM article_blocks b WHERE b.article_id = articles.id)
      WHERE cardinality(body) = 0`,
  );
  await desk.pool.query(
    `UPDATE desks SET last_change = (SELECT max(seq) FROM changes WHERE desk_id = $1) WHERE id = $1`,
    [reporter.deskId],
  );
  await seedPhotos(photos);
  const started = performance.now();
  for (const rows of [
    'SELECT a.*, u.name FROM article_documents a JOIN users u ON u.id = a.author_id',
    'SELECT p.*, u.name FROM photos p JOIN users u ON u.id = p.updated_by',
  ])
    execFileSync('psql', [database, '-q', '-c', `\\copy (${rows}) TO '/dev/null'`], { stdio: 'ignore' });
  const copy = performance.now() - started;
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-bench-desk-'));
  const db = openArchive(archivePath(dir));
  const laptop = await actorFor(desk.pool, 'laptopmoi', 'editor');
  const syncStarted = performance.now();
  const report = await syncRound(db, dir, deskClient(desk.url, laptop.token));
  const sync = performance.now() - syncStarted;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { sync, copy, pulled: report.pulled.created, photos: report.photos.pulled };
}

try {
  const stories = await createStories();
  const sample = stories[0]!;
  const splice = nextSave(sample, false);
  const whole = nextSave(sample, true);
  console.log(
    `One-paragraph save of a 10,000-word article on the wire: ${splice.length} bytes (whole body: ${whole.length} bytes, ×${(whole.length / splice.length).toFixed(0)})`,
  );
  for (const [name, wholeBody] of [
    ['splice', false],
    ['whole body (peer)', true],
    ['splice', false],
    ['whole body (peer)', true],
  ] as const) {
    const latencies = await paced(stories, wholeBody, 40);
    console.log(
      `40 pushes/s, ${name}: ${latencies.length} pushes, p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}`,
    );
  }
  const flat = await flatOut(stories, 16);
  console.log(
    `Flat out, 16 in flight: ${flat.rate.toFixed(0)} pushes/s (each save made beforehand, ${flat.makeMs.toFixed(2)} ms a save on the laptop)`,
  );
  const seen = await visibleOnB(100);
  console.log(
    `A save on laptop A visible on laptop B: p50 ${ms(percentile(seen, 50))}, p95 ${ms(percentile(seen, 95))}`,
  );
  const first = await firstSync(deskArticles, deskPhotos);
  console.log(
    `First sync of ${deskArticles} articles and ${deskPhotos} photo records: ${(first.sync / 1000).toFixed(2)} s (${first.pulled} articles and ${first.photos} photos pulled); COPY of the same rows: ${(first.copy / 1000).toFixed(2)} s; ratio ×${(first.sync / first.copy).toFixed(1)}`,
  );
} finally {
  await desk.close();
  cluster.stop();
}
