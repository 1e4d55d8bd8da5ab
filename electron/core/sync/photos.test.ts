import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { paragraph } from '../../../shared/article/article';
import { addUser } from '../../../server/store/users';
import { startTcpProxy } from '../../../server/testing/tcpProxy';
import { deskForTests, editorLogin, globalId, joinedLaptop, localId, reporterLogin } from '../../testing/deskForTests';
import type { TestCore } from '../../testing/testCore';
import { originalPath, renditionPath } from '../photos/photoStore';

// Photos across the desk: the original first (missing check, resumable upload, hashed), the
// record after, merged by field; a laptop fetches an original only when it needs one.

const desk = await deskForTests();
const photoLogin = { user: 'anhbao', password: 'mật khẩu ban ảnh' };
await addUser(desk.pool, photoLogin.user, 'photo', photoLogin.password);
await addUser(desk.pool, 'phongvien2', 'reporter', 'mật khẩu phóng viên 2');
const proxy = await startTcpProxy(new URL(desk.url));
afterAll(() => proxy.close());
afterEach(() => proxy.heal());

const corpus = join(__dirname, '../../../../shared/corpora/real-world/photos');
const wirePhoto = readFileSync(join(corpus, 'exiftool-IPTC.jpg'));
/** A photo of a few megabytes (noise does not compress), so its upload takes several parts. */
const largePhoto = await sharp(randomBytes(1400 * 1000 * 3), { raw: { width: 1400, height: 1000, channels: 3 } })
  .jpeg({ quality: 100 })
  .toBuffer();
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function imported(core: TestCore, bytes: Buffer, name: string) {
  const result = await core.call('photos.import', { fileName: name, dataBase64: bytes.toString('base64') });
  if (result.status === 'rejected') throw new Error(result.reason);
  return result.photo;
}

const originalOnDesk = async (hash: string) =>
  (
    await desk.pool.query<{ size: string; complete: boolean; stored: string; parts: string; digest: string }>(
      `SELECT o.size, o.complete, sum(length(p.data)) AS stored, count(p.*) AS parts,
              encode(sha256(string_agg(p.data, ''::bytea ORDER BY p.start_at)), 'hex') AS digest
         FROM photo_originals o LEFT JOIN photo_original_parts p USING (desk_id, sha256)
        WHERE o.sha256 = $1 GROUP BY o.size, o.complete`,
      [hash],
    )
  ).rows[0];

describe('photos across the desk', () => {
  it('a reporter’s photo reaches the photo desk as a record; its credit comes back; the editor’s export fetches the original', async () => {
    const reporter = await joinedLaptop(desk.url, reporterLogin);
    const photoDesk = await joinedLaptop(desk.url, photoLogin);
    const editor = await joinedLaptop(desk.url, editorLogin);
    const photo = await imported(reporter, wirePhoto, 'anh-hoi-nghi.jpg');
    const created = await reporter.call('articles.create', {});
    await reporter.call('articles.save', {
      id: created.id,
      baseVersion: created.version,
      headline: 'Hội nghị tổng kết',
      body: [
        paragraph('Đoạn mở đầu.'),
        { type: 'figure', photoId: photo.id, caption: 'Quang cảnh hội nghị', children: [{ text: '' }] },
      ],
    });
    expect(await reporter.call('desk.status', {})).toMatchObject({ waiting: 2 });
    expect(await reporter.call('desk.sync', {})).toMatchObject({ photos: { originalsSent: 1 }, waiting: 0 });
    // On the desk: the original whole, its bytes giving its hash; the record with what the file said.
    expect(await originalOnDesk(photo.id)).toMatchObject({ complete: true, digest: photo.id });
    expect(Number((await originalOnDesk(photo.id))?.stored)).toBe(wirePhoto.length);

    expect(await photoDesk.call('desk.sync', {})).toMatchObject({ photos: { pulled: 1 } });
    const there = await photoDesk.call('photos.get', { id: photo.id });
    expect(there).toMatchObject({ creator: photo.creator, width: photo.width, originalName: 'anh-hoi-nghi.jpg' });
    // A record only: no original and no renditions until someone needs them.
    expect(existsSync(originalPath(photoDesk.dataDir, photo.id, photo.format))).toBe(false);
    await photoDesk.call('photos.update', {
      ids: [photo.id],
      changes: { creditLine: 'Ảnh: Minh Tuấn/QĐND', altText: 'Đại biểu biểu quyết tại hội nghị' },
    });
    expect(await photoDesk.call('desk.sync', {})).toMatchObject({ applied: 1, photos: { originalsSent: 0 } });
    expect(await reporter.call('desk.sync', {})).toMatchObject({ photos: { pulled: 1 } });
    expect(await reporter.call('photos.get', { id: photo.id })).toMatchObject({
      creditLine: 'Ảnh: Minh Tuấn/QĐND',
      altText: 'Đại biểu biểu quyết tại hội nghị',
    });
    // The pulled credit is the desk's: nothing goes back.
    expect(await reporter.call('desk.status', {})).toMatchObject({ waiting: 0 });

    await editor.call('desk.sync', {});
    const onEditor = localId(editor, globalId(reporter, created.id));
    const exported = await editor.call('articles.export', { id: onEditor, draft: true });
    expect(exported).toMatchObject({ status: 'exported' });
    const fetched = readFileSync(originalPath(editor.dataDir, photo.id, photo.format));
    expect(sha(fetched)).toBe(photo.id);
    // The photo desk opens it: fetched, renditions made here.
    await photoDesk.call('photos.fetchOriginal', { id: photo.id });
    expect(existsSync(renditionPath(photoDesk.dataDir, photo.id, 'thumb'))).toBe(true);
  });

  it('an upload cut after a part goes on from where the desk stands, and the desk keeps each byte once', async () => {
    const reporter = await joinedLaptop(proxy.url, reporterLogin);
    const photo = await imported(reporter, largePhoto, 'lon.jpg');
    expect(largePhoto.length).toBeGreaterThan(1024 * 1024);
    // The missing check is answered; the first part is taken, and its answer cut.
    proxy.cutAnswers(1);
    expect(await reporter.result('desk.sync', {})).toMatchObject({ ok: false, error: { code: 'desk_unreachable' } });
    // The first part arrived (its answer was cut); nothing counts yet.
    expect(await originalOnDesk(photo.id)).toMatchObject({ complete: false, stored: String(1024 * 1024) });
    proxy.heal();
    expect(await reporter.call('desk.sync', {})).toMatchObject({ photos: { originalsSent: 1 }, applied: 1 });
    const stored = await originalOnDesk(photo.id);
    expect(stored).toMatchObject({ complete: true, digest: photo.id, size: String(largePhoto.length) });
    expect(Number(stored?.stored)).toBe(largePhoto.length);
    expect(Number(stored?.parts)).toBe(Math.ceil(largePhoto.length / (1024 * 1024)));

    // Fetched back through the same line, range by range, cut once on the way: the same bytes.
    const editor = await joinedLaptop(proxy.url, editorLogin);
    await editor.call('desk.sync', {});
    proxy.cutAnswers(1);
    expect(await editor.result('photos.fetchOriginal', { id: photo.id })).toMatchObject({
      ok: false,
      error: { code: 'photo_original_offline' },
    });
    // The first range arrived and stays; the next attempt asks for the rest only.
    const partial = `${originalPath(editor.dataDir, photo.id, photo.format)}.download`;
    expect(statSync(partial).size).toBe(1024 * 1024);
    proxy.heal();
    await editor.call('photos.fetchOriginal', { id: photo.id });
    expect(sha(readFileSync(originalPath(editor.dataDir, photo.id, photo.format)))).toBe(photo.id);
  });

  it('the same photo from two laptops is one record; their edits merge field by field, and clashing words conflict', async () => {
    const reporter = await joinedLaptop(desk.url, reporterLogin);
    const photoDesk = await joinedLaptop(desk.url, photoLogin);
    const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
      .jpeg()
      .toBuffer();
    const photo = await imported(reporter, bytes, 'mot.jpg');
    await imported(photoDesk, bytes, 'mot-ban-sao.jpg');
    await reporter.call('photos.update', { ids: [photo.id], changes: { description: 'Toàn cảnh buổi lễ' } });
    await reporter.call('desk.sync', {});
    // The photo desk sent the same file with another name and a city: one record, both kept.
    await photoDesk.call('photos.update', { ids: [photo.id], changes: { city: 'Hà Nội' } });
    expect(await photoDesk.call('desk.sync', {})).toMatchObject({ photos: { originalsSent: 0 } });
    const records = await desk.pool.query<{ meta: { description: string; city: string } }>(
      'SELECT meta FROM photos WHERE sha256 = $1',
      [photo.id],
    );
    expect(records.rows).toMatchObject([{ meta: { description: 'Toàn cảnh buổi lễ', city: 'Hà Nội' } }]);
    await reporter.call('desk.sync', {});
    expect(await reporter.call('photos.get', { id: photo.id })).toMatchObject({ city: 'Hà Nội' });

    // Offline, both change the description: different words merge; the same words conflict.
    await reporter.call('photos.update', { ids: [photo.id], changes: { description: 'Toàn cảnh buổi lễ sáng nay' } });
    await photoDesk.call('photos.update', { ids: [photo.id], changes: { description: 'Toàn cảnh buổi lễ' } });
    await photoDesk.call('photos.update', {
      ids: [photo.id],
      changes: { description: 'Quang cảnh buổi lễ', headline: 'Lễ khai mạc' },
    });
    await photoDesk.call('desk.sync', {});
    expect(await reporter.call('desk.sync', {})).toMatchObject({ merged: 1 });
    await photoDesk.call('desk.sync', {});
    for (const core of [reporter, photoDesk])
      expect(await core.call('photos.get', { id: photo.id })).toMatchObject({
        description: 'Quang cảnh buổi lễ sáng nay',
        headline: 'Lễ khai mạc',
      });

    await reporter.call('photos.update', { ids: [photo.id], changes: { description: 'Lễ mừng chiến thắng' } });
    await photoDesk.call('photos.update', { ids: [photo.id], changes: { description: 'Lễ kỷ niệm ngày thành lập' } });
    await photoDesk.call('desk.sync', {});
    expect(await reporter.call('desk.sync', {})).toMatchObject({ conflicts: 1 });
    const kept = await desk.pool.query<{ kind: string; meta: { description: string } }>(
      `SELECT r.kind, r.meta FROM photo_revisions r JOIN photos p ON p.id = r.photo_id
        WHERE p.sha256 = $1 AND r.version = p.version ORDER BY r.kind`,
      [photo.id],
    );
    // The desk's text stays current; the reporter's is kept whole as the conflict revision.
    expect(kept.rows).toMatchObject([
      { kind: 'conflict', meta: { description: 'Lễ mừng chiến thắng' } },
      { kind: 'save', meta: { description: 'Lễ kỷ niệm ngày thành lập' } },
    ]);
  });

  it('refuses a reporter editing another’s photo, a record before its original, and bytes that are not the photo', async () => {
    const reporter = await joinedLaptop(desk.url, reporterLogin);
    const other = await joinedLaptop(desk.url, { user: 'phongvien2', password: 'mật khẩu phóng viên 2' });
    const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a37' } })
      .png()
      .toBuffer();
    const photo = await imported(reporter, bytes, 'hai.png');
    await reporter.call('desk.sync', {});
    await other.call('desk.sync', {});
    await other.call('photos.update', { ids: [photo.id], changes: { creator: 'Người khác' } });
    expect(await other.call('desk.sync', {})).toMatchObject({
      refusedPhotos: [{ photoId: photo.id, rule: 'role' }],
    });
    // What they typed stays on their laptop, and the refusal is kept with its reason.
    expect(await other.call('photos.get', { id: photo.id })).toMatchObject({ creator: 'Người khác' });

    const token = JSON.parse(readFileSync(join(reporter.dataDir, 'desk.json'), 'utf8')) as { token: string };
    const headers = { Authorization: `Bearer ${token.token}` };
    const fake = sha(Buffer.from('không phải ảnh'));
    const push = await fetch(`${desk.url}/api/push`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        mutations: [
          {
            kind: 'photo.save',
            mutationId: '0190f1c2-7d2a-7b3c-8d4e-5f6a7b8c9d0e',
            photoId: fake,
            baseVersion: 0,
            file: { originalName: 'x.jpg', format: 'jpeg', width: 1, height: 1, bytes: 14, importedAt: '' },
            fields: {},
          },
        ],
      }),
    });
    expect(await push.json()).toMatchObject({
      value: { outcomes: [{ outcome: 'refused', rule: 'missing-original' }] },
    });
    const wrong = await fetch(`${desk.url}/api/originals/${fake}?offset=0&size=5`, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/octet-stream' },
      body: Buffer.from('12345'),
    });
    expect(wrong.status).toBe(422);
    expect(await originalOnDesk(fake)).toBeUndefined();
    const gap = await fetch(`${desk.url}/api/originals/${fake}?offset=3&size=20`, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/octet-stream' },
      body: Buffer.from('12345'),
    });
    expect(gap.status).toBe(409);
    // A range of a complete original, as HTTP says.
    const range = await fetch(`${desk.url}/api/originals/${photo.id}`, {
      headers: { ...headers, Range: 'bytes=10-19' },
    });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 10-19/${bytes.length}`);
    expect(Buffer.from(await range.arrayBuffer())).toEqual(bytes.subarray(10, 20));
    const unsigned = await fetch(`${desk.url}/api/originals/${photo.id}`);
    expect(unsigned.status).toBe(401);
  });
});
