import { describe, expect, it } from 'vitest';
import { paragraph } from '../../../shared/article/article';
import { deskForTests, editorLogin, globalId, joinedLaptop, localId, reporterLogin } from '../../testing/deskForTests';

const desk = await deskForTests();

describe('while you were away', () => {
  it('lists what others did to my articles, newest first, until I have read it', async () => {
    const reporter = await joinedLaptop(desk.url, reporterLogin);
    const editor = await joinedLaptop(desk.url, editorLogin);
    const created = await reporter.call('articles.create', {});
    const saved = await reporter.call('articles.save', {
      id: created.id,
      baseVersion: created.version,
      headline: 'Bài chờ duyệt',
      body: [paragraph('Một đoạn.')],
    });
    await reporter.call('articles.setStatus', { id: created.id, baseVersion: saved.version, status: 'submitted' });
    await reporter.call('desk.sync', {});
    await editor.call('desk.sync', {});
    const onEditor = localId(editor, globalId(reporter, created.id));
    const copy = await editor.call('articles.get', { id: onEditor });
    const edited = await editor.call('articles.save', {
      id: onEditor,
      baseVersion: copy.version,
      body: [paragraph('Một đoạn, đã biên tập.')],
    });
    await editor.call('desk.sync', {});
    expect(await reporter.call('desk.sync', {})).toMatchObject({ pulled: { updated: 1 } });
    const taken = await editor.call('articles.setStatus', {
      id: onEditor,
      baseVersion: edited.version,
      status: 'edited',
    });
    await editor.call('articles.setStatus', { id: onEditor, baseVersion: taken.version, status: 'approved' });
    await editor.call('desk.sync', {});
    await reporter.call('desk.sync', {});

    const news = await reporter.call('desk.news', {});
    expect(news).toMatchObject({
      unseen: 2,
      items: [
        { articleId: created.id, headline: 'Bài chờ duyệt', kind: 'approved', by: 'bientap', seen: false },
        { articleId: created.id, kind: 'edited', by: 'bientap', seen: false },
      ],
    });
    // Nothing for the editor: their own changes, and not their article.
    expect(await editor.call('desk.news', {})).toMatchObject({ unseen: 0, items: [] });
    expect(await reporter.call('desk.newsSeen', {})).toMatchObject({ unseen: 0 });
  });
});
