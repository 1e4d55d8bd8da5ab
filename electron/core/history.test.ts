import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bodyText, paragraph } from '../../shared/article/article';
import { compareContent } from '../../shared/history/revisions';
import { defaultCreditTemplates } from '../../shared/article/credits';
import { archiveAtVersion, testCore } from '../testing/testCore';
import { openArchive } from './archive/openArchive';

const minute = 60_000;

/** A real archive and a core whose clock the test moves. */
function setup(dataDir?: string) {
  let clock = Date.parse('2026-11-24T08:00:00Z');
  const core = testCore({ dataDir, core: { history: { autoIntervalMs: 5 * minute, now: () => new Date(clock) } } });
  const advance = (ms: number) => (clock += ms);
  return { ...core, advance };
}

async function typeFor(
  context: ReturnType<typeof setup>,
  id: number,
  minutes: number,
  words: string[],
): Promise<number> {
  let { version } = await context.call('articles.get', { id });
  for (let i = 0; i < minutes * 6; i += 1) {
    context.advance(10_000);
    words.push(`từ${words.length}`);
    version = (
      await context.call('articles.save', {
        id,
        baseVersion: version,
        body: [paragraph(words.join(' '))],
      })
    ).version;
  }
  return version;
}

describe('revision history', () => {
  it('keeps the first version, then at most one per five minutes of editing', async () => {
    const context = setup();
    const { id } = await context.call('articles.create', { headline: 'Hội nghị' });
    const words: string[] = [];
    await typeFor(context, id, 30, words); // 180 saves over 30 minutes
    const history = await context.call('articles.history', { id });
    expect(history.at(-1)).toMatchObject({ kind: 'first', version: 1 });
    const autos = history.filter((revision) => revision.kind === 'auto');
    expect(autos.length).toBeGreaterThanOrEqual(5);
    expect(autos.length).toBeLessThanOrEqual(6);
    const taken = history.map((revision) => Date.parse(revision.savedAt)).sort((a, b) => a - b);
    for (let i = 1; i < taken.length; i += 1)
      expect((taken[i] ?? 0) - (taken[i - 1] ?? 0)).toBeGreaterThanOrEqual(4 * minute);
  });

  it('keeps the text as it was at the end of a stretch of editing, before the next one changes it', async () => {
    const context = setup();
    const { id } = await context.call('articles.create', { headline: 'Tin' });
    const saved = await context.call('articles.save', {
      id,
      baseVersion: 1,
      body: [paragraph('Bản cuối buổi sáng.')],
    });
    context.advance(3 * 60 * minute);
    await context.call('articles.save', { id, baseVersion: saved.version, body: [paragraph('Viết lại hoàn toàn.')] });
    const history = await context.call('articles.history', { id });
    const kept = await Promise.all(
      history.map((revision) => context.call('articles.revision', { id, revisionId: revision.id })),
    );
    expect(kept.map((revision) => bodyText(revision.content.body))).toContain('Bản cuối buổi sáng.');
  });

  it('keeps a version on every status change and under a name the user gives', async () => {
    const context = setup();
    await context.call('settings.update', { userName: 'Minh Tuấn' });
    const { id } = await context.call('articles.create', { headline: 'Tin' });
    const { version } = await context.call('articles.save', {
      id,
      baseVersion: 1,
      lead: [{ text: 'Sáng nay…' }],
    });
    await context.call('articles.setStatus', { id, baseVersion: version, status: 'submitted' });
    const named = await context.call('articles.saveVersion', { id, name: 'gửi ban biên tập' });
    expect(named).toMatchObject({ kind: 'named', name: 'gửi ban biên tập', by: 'Minh Tuấn', status: 'submitted' });
    const history = await context.call('articles.history', { id });
    expect(history.map((revision) => revision.kind)).toEqual(['named', 'status', 'first']);
    expect(history[1]).toMatchObject({ status: 'submitted', by: 'Minh Tuấn' });
  });

  it('thins old automatic versions: all of the last day, one an hour for a week, one a day after; named ones stay', async () => {
    const context = setup();
    const { id } = await context.call('articles.create', { headline: 'Dài kỳ' });
    let { version } = await context.call('articles.get', { id });
    const words: string[] = [];
    // Ten days of editing: a save every six minutes, so each one keeps an automatic version.
    for (let step = 0; step < 10 * 24 * 10; step += 1) {
      context.advance(6 * minute);
      words.push('x');
      version = (
        await context.call('articles.save', {
          id,
          baseVersion: version,
          headline: `Dài kỳ ${words.length}`,
        })
      ).version;
      if (step === 5) await context.call('articles.saveVersion', { id, name: 'bản đầu' });
    }
    const history = await context.call('articles.history', { id });
    const now = Date.parse(history[0]?.savedAt ?? '');
    const autos = history
      .filter((revision) => revision.kind === 'auto')
      .map((revision) => now - Date.parse(revision.savedAt));
    const lastDay = autos.filter((age) => age < 24 * 60 * minute).length;
    const week = autos.filter((age) => age >= 24 * 60 * minute && age < 7 * 24 * 60 * minute).length;
    const older = autos.filter((age) => age >= 7 * 24 * 60 * minute).length;
    expect(lastDay).toBeGreaterThanOrEqual(239);
    expect(week).toBeGreaterThanOrEqual(6 * 24 - 1);
    expect(week).toBeLessThanOrEqual(6 * 24 + 1);
    expect(older).toBeLessThanOrEqual(4);
    expect(history.filter((revision) => revision.kind === 'named').map((revision) => revision.name)).toEqual([
      'bản đầu',
    ]);
    expect(history.at(-1)?.kind).toBe('first');
  });

  it('restores a version as a new one, keeping the text it replaces, and the comparison shows both', async () => {
    const context = setup();
    const { id } = await context.call('articles.create', { headline: 'Hội nghị tổng kết' });
    const first = await context.call('articles.save', {
      id,
      baseVersion: 1,
      body: [paragraph('Đoạn gốc.')],
      contributors: [{ name: 'Nguyên Khôi', roles: ['text'] }],
    });
    const named = await context.call('articles.saveVersion', { id, name: 'bản gốc' });
    context.advance(10 * minute);
    const second = await context.call('articles.save', {
      id,
      baseVersion: first.version,
      headline: 'Hội nghị sơ kết',
      body: [paragraph('Đoạn\u00a0mới.')],
    });
    const restored = await context.call('articles.restore', {
      id,
      baseVersion: second.version,
      revisionId: named.id,
    });
    expect(restored.version).toBe(second.version + 1);
    const article = await context.call('articles.get', { id });
    expect(article.headline).toBe('Hội nghị tổng kết');
    expect(bodyText(article.body)).toBe('Đoạn gốc.');
    const history = await context.call('articles.history', { id });
    expect(history[0]).toMatchObject({ kind: 'before_restore', version: second.version, headline: 'Hội nghị sơ kết' });
    const before = await context.call('articles.revision', { id, revisionId: history[0]?.id ?? 0 });
    const changes = compareContent(
      { ...before.content, status: before.status },
      { ...article, status: article.status },
      defaultCreditTemplates.vi,
    );
    expect(changes.map((change) => change.field)).toEqual(['headline', 'body']);
    expect(changes[1]?.before).toBe('Đoạn\u00a0mới.');
  });

  it('refuses a restore based on an old version, and a version of another article', async () => {
    const context = setup();
    const a = await context.call('articles.create', { headline: 'A' });
    const b = await context.call('articles.create', { headline: 'B' });
    const [aFirst] = await context.call('articles.history', { id: a.id });
    await context.call('articles.save', { id: b.id, baseVersion: 1, headline: 'B2' });
    expect(
      await context.result('articles.restore', { id: b.id, baseVersion: 1, revisionId: aFirst?.id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(
      await context.result('articles.restore', { id: b.id, baseVersion: 2, revisionId: aFirst?.id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await context.result('articles.revision', { id: b.id, revisionId: aFirst?.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await context.result('articles.saveVersion', { id: b.id, name: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('starts the history of articles written before it existed with their current state', () => {
    const { db: old, file } = archiveAtVersion(3);
    old
      .prepare(
        `INSERT INTO articles (headline, body, content, section, status, version, created_at, updated_at) VALUES ('Cũ', '[]', '{}', '', 'edited', 7, '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z')`,
      )
      .run();
    old.close();
    const db = openArchive(file);
    expect(db.prepare('SELECT kind, version, status, headline FROM revisions').all()).toEqual([
      { kind: 'baseline', version: 7, status: 'edited', headline: 'Cũ' },
    ]);
    db.close();
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });
});
