import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { bodyText, paragraph } from '../../../shared/article/article';
import { startDesk } from '../../../server/startDesk';
import { addUser } from '../../../server/store/users';
import { clusterForTests } from '../../../server/testing/deskDatabase';
import { testCore } from '../../testing/testCore';
import type { TestCore } from '../../testing/testCore';

const cluster = await clusterForTests();
const desk = await startDesk({ database: await cluster.database(), port: 0 });
afterAll(() => desk.close());
for (const name of ['anh', 'binh', 'chi']) await addUser(desk.pool, name, 'editor', `mật khẩu ${name}`);

const step = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), laptop: fc.nat(2), block: fc.nat(3), word: fc.nat(2) }),
  fc.record({ kind: fc.constant('sync' as const), laptop: fc.nat(2) }),
);

it('property: three laptops editing one article (often the same paragraph), syncing in any order, converge and lose no typed word', async () => {
  let round = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 24 }), async (steps) => {
      round += 1;
      const laptops: TestCore[] = [];
      for (const name of ['anh', 'binh', 'chi']) {
        const core = testCore();
        await core.call('desk.join', { url: desk.url, user: name, password: `mật khẩu ${name}` });
        laptops.push(core);
      }
      const [first] = laptops as [TestCore];
      const created = await first.call('articles.create', {});
      await first.call('articles.save', {
        id: created.id,
        baseVersion: created.version,
        headline: `Vòng ${round}`,
        body: ['Đoạn một.', 'Đoạn hai.', 'Đoạn ba.', 'Đoạn bốn.'].map(paragraph),
      });
      await first.call('desk.sync', {});
      const globalId = first.db
        .prepare<[number], { global_id: string }>('SELECT global_id FROM desk_articles WHERE article_id = ?')
        .get(created.id)!.global_id;
      const local = (core: TestCore) =>
        core.db
          .prepare<[string], { article_id: number }>('SELECT article_id FROM desk_articles WHERE global_id = ?')
          .get(globalId)?.article_id;
      for (const core of laptops.slice(1)) await core.call('desk.sync', {});
      // The words each laptop had when it synced: what it sent, which must reach the desk.
      const sent = new Set<string>();
      const remember = async (core: TestCore) => {
        const body = bodyText((await core.call('articles.get', { id: local(core)! })).body);
        for (const match of body.matchAll(/từ\d+x\d+/gu)) sent.add(match[0]);
      };
      for (const [index, action] of steps.entries()) {
        const core = laptops[action.laptop]!;
        if (action.kind === 'sync') {
          await remember(core);
          await core.call('desk.sync', {});
          continue;
        }
        const id = local(core)!;
        const article = await core.call('articles.get', { id });
        const token = `từ${round}x${index}`;
        const body = article.body.map((block, at) =>
          at === action.block % article.body.length
            ? paragraph(
                `${bodyText([block])
                  .split(' ')
                  .slice(0, 2 + action.word)
                  .join(' ')} ${token}`,
              )
            : block,
        );
        await core.call('articles.save', { id, baseVersion: article.version, body });
      }
      // Everyone syncs until nothing moves: a round each, then another.
      for (let pass = 0; pass < 3; pass += 1)
        for (const core of laptops) {
          await remember(core);
          await core.call('desk.sync', {});
        }
      const onDesk = await desk.pool.query<{ content: { body: unknown } }>(
        'SELECT content FROM article_documents WHERE id = $1',
        [globalId],
      );
      const deskBody = JSON.stringify(onDesk.rows[0]?.content.body);
      for (const core of laptops) {
        expect(JSON.stringify((await core.call('articles.get', { id: local(core)! })).body)).toBe(deskBody);
        expect(await core.call('desk.status', {})).toMatchObject({
          waiting: 0,
        });
      }
      // Every word a laptop sent reached the desk: in the article, or in a revision (a conflict's or a save's).
      const revisions = await desk.pool.query<{ content: unknown }>(
        'SELECT content FROM revision_documents WHERE article_id = $1',
        [globalId],
      );
      const everything = deskBody + JSON.stringify(revisions.rows);
      for (const token of sent) expect(everything).toContain(token);
      if (steps.some((action) => action.kind === 'edit')) expect(sent.size).toBeGreaterThan(0);
    }),
    { numRuns: Number(process.env.NEWSROOM_SYNC_RUNS ?? 20) },
  );
}, 300_000);
