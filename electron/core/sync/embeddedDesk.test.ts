import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { paragraph } from '../../../shared/article/article';
import { joinedLaptop, localId, globalId } from '../../testing/deskForTests';
import { tempDir } from '../../testing/tempDir';
import { originalPath } from '../photos/photoStore';
import { startDesk } from '../../../server/startDesk';
import { addUser } from '../../../server/store/users';
import { openEmbedded } from '../../../server/db/embedded';
import { EmbeddedInUseError } from '../../../server/db/embeddedLock';
import { deskTables, moveDesk, MoveDeskError } from '../../../server/db/moveDesk';
import { clusterForTests } from '../../../server/testing/deskDatabase';
import { migrate } from '../../../server/db/migrate';
import pg from 'pg';

// The smoke set on the embedded PostgreSQL (PGlite), the desk a small office runs without a
// database server: the same journeys as on the real server, and its folder kept across restarts.

const folder = join(tempDir(), 'bàn biên tập', 'desk-database');
const reporterLogin = { user: 'minhtuan', password: 'mật khẩu phóng viên' };
const editorLogin = { user: 'bientap', password: 'mật khẩu biên tập' };

describe('the desk on the embedded PostgreSQL', () => {
  it('carries a story and a photo between two laptops, merges their edits, and keeps everything across a restart', async () => {
    let desk = await startDesk({ database: { embedded: folder }, port: 0 });
    await addUser(desk.pool, reporterLogin.user, 'reporter', reporterLogin.password);
    await addUser(desk.pool, editorLogin.user, 'editor', editorLogin.password);
    // One process at a time: a second opener is told who holds the folder.
    await expect(openEmbedded(folder)).rejects.toBeInstanceOf(EmbeddedInUseError);

    const reporter = await joinedLaptop(desk.url, reporterLogin);
    const editor = await joinedLaptop(desk.url, editorLogin);
    const bytes = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#557' } })
      .jpeg()
      .toBuffer();
    const imported = await reporter.call('photos.import', {
      fileName: 'anh.jpg',
      dataBase64: bytes.toString('base64'),
    });
    if (imported.status === 'rejected') throw new Error(imported.reason);
    const created = await reporter.call('articles.create', {});
    await reporter.call('articles.save', {
      id: created.id,
      baseVersion: created.version,
      headline: 'Khai mạc hội nghị',
      body: [
        paragraph('Đoạn một.'),
        paragraph('Đoạn hai.'),
        { type: 'figure', photoId: imported.photo.id, caption: 'Toàn cảnh', children: [{ text: '' }] },
      ],
    });
    expect(await reporter.call('desk.sync', {})).toMatchObject({ applied: 2, photos: { originalsSent: 1 } });
    expect(await editor.call('desk.sync', {})).toMatchObject({ pulled: { created: 1 }, photos: { pulled: 1 } });
    const onEditor = localId(editor, globalId(reporter, created.id));
    const copy = await editor.call('articles.get', { id: onEditor });
    await editor.call('articles.save', {
      id: onEditor,
      baseVersion: copy.version,
      body: [paragraph('Đoạn một, biên tập sửa.'), ...copy.body.slice(1)],
    });
    const saved = await reporter.call('articles.get', { id: created.id });
    await reporter.call('articles.save', {
      id: created.id,
      baseVersion: saved.version,
      body: [...saved.body.slice(0, 1), paragraph('Đoạn hai, thêm ý.'), ...saved.body.slice(2)],
    });
    await editor.call('desk.sync', {});
    expect(await reporter.call('desk.sync', {})).toMatchObject({ merged: 1 });

    // Restarted on the same folder: the desk has it all, and the editor gets the merge and the original.
    // Its commits are heard in-process: the event stream tells laptops to pull.
    const token = (JSON.parse(readFileSync(join(editor.dataDir, 'desk.json'), 'utf8')) as { token: string }).token;
    const events = await fetch(`${desk.url}/api/events`, { headers: { Authorization: `Bearer ${token}` } });
    const reader = events.body!.getReader();
    await reader.read();
    await reporter.call('articles.save', {
      id: created.id,
      baseVersion: (await reporter.call('articles.get', { id: created.id })).version,
      section: 'Thời sự',
    });
    await reporter.call('desk.sync', {});
    const heard = (await reader.read()).value as Uint8Array | undefined;
    expect(new TextDecoder().decode(heard)).toMatch(/^event: change\ndata: \d+/);
    await reader.cancel();
    const port = Number(new URL(desk.url).port);
    await desk.close();
    desk = await startDesk({ database: { embedded: folder }, port });
    await editor.call('desk.sync', {});
    await reporter.call('desk.sync', {});
    const texts = async (core: typeof reporter, id: number) =>
      (await core.call('articles.get', { id })).body.map((block) => ('children' in block ? block.children : []));
    expect(await texts(editor, onEditor)).toEqual(await texts(reporter, created.id));
    expect(JSON.stringify(await texts(editor, onEditor))).toContain('Đoạn một, biên tập sửa.');
    expect(JSON.stringify(await texts(editor, onEditor))).toContain('Đoạn hai, thêm ý.');
    await desk.close();

    // The office outgrows it: the desk moves to a PostgreSQL server, and the laptops carry on there.
    const embedded = await openEmbedded(folder);
    const target = await (await clusterForTests()).database();
    const server = new pg.Pool({ connectionString: target });
    const counts = await moveDesk(embedded.pool, server);
    await embedded.close();
    await server.end();
    expect(counts).toMatchObject({ users: 2, devices: 2, articles: 1, photos: 1, photo_original_parts: 1 });
    desk = await startDesk({ database: target, port });
    await reporter.call('articles.save', {
      id: created.id,
      baseVersion: (await reporter.call('articles.get', { id: created.id })).version,
      headline: 'Khai mạc hội nghị tổng kết',
    });
    expect(await reporter.call('desk.sync', {})).toMatchObject({ applied: 1 });
    expect(await editor.call('desk.sync', {})).toMatchObject({ pulled: { updated: 1 } });
    expect((await editor.call('articles.get', { id: onEditor })).headline).toBe('Khai mạc hội nghị tổng kết');
    await editor.call('photos.fetchOriginal', { id: imported.photo.id });
    const fetched = readFileSync(originalPath(editor.dataDir, imported.photo.id, 'jpeg'));
    expect(createHash('sha256').update(fetched).digest('hex')).toBe(imported.photo.id);
    await desk.close();
  });

  it('moves only into a database with no desk, and knows every table of the schema', async () => {
    const target = await (await clusterForTests()).database();
    const server = new pg.Pool({ connectionString: target });
    const source = await openEmbedded(join(tempDir(), 'desk-database'));
    try {
      await migrate(server);
      await addUser(server, 'dacoroi', 'admin', 'mật khẩu quản trị');
      await expect(moveDesk(source.pool, server)).rejects.toBeInstanceOf(MoveDeskError);
      const tables = await server.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_version'`,
      );
      expect(tables.rows.map((row) => row.table_name).sort()).toEqual([...deskTables].sort());
    } finally {
      await source.close();
      await server.end();
    }
  });
});
