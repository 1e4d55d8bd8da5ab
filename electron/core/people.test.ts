import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/result';
import type { Article } from '../../shared/article/article';
import { creditLine, defaultCreditTemplates } from '../../shared/article/credits';
import type { Person } from '../../shared/people/person';
import { tempDir } from '../testing/tempDir';
import { migrations } from './archive/migrations';
import { openArchive } from './archive/openArchive';
import { createCore } from './createCore';
import { dispatch } from './dispatch';

function setup(file = join(tempDir(), 'archive.sqlite3')) {
  const db = openArchive(file);
  const handlers = createCore(db);
  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const result = (await dispatch(handlers, method, input)) as Result<T>;
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  return { db, value };
}

describe('the contributor registry', () => {
  it('learns every contributor named in an article, once whatever the case or normalization', async () => {
    const { value } = setup();
    const article = await value<Article>('articles.create', { headline: 'Tin' });
    await value('articles.save', {
      id: article.id,
      baseVersion: 1,
      contributors: [
        { name: 'Nguyên Khôi', roles: ['text'] },
        { name: 'Minh Tuấn', roles: ['photo'] },
      ],
    });
    await value('articles.save', {
      id: article.id,
      baseVersion: 2,
      contributors: [{ name: '  minh  TUẤN'.normalize('NFD'), roles: ['photo'] }],
    });
    expect((await value<Person[]>('people.list', {})).map((person) => person.name)).toEqual([
      'Minh Tuấn',
      'Nguyên Khôi',
    ]);
  });

  it('learns the contributors of an imported document', async () => {
    const { value } = setup();
    const text = 'CNQP&KT - Chiều 24/12, Tổng cục tổ chức Hội nghị.\n\nTin, ảnh: NGUYÊN KHÔI - MINH TUẤN';
    await value('articles.import', { fileName: 'tin.txt', dataBase64: Buffer.from(text).toString('base64') });
    expect((await value<Person[]>('people.list', {})).map((person) => person.name)).toEqual([
      'MINH TUẤN',
      'NGUYÊN KHÔI',
    ]);
  });

  it('keeps a display form and a unit, which the credit line uses', async () => {
    const { value } = setup();
    await value('people.save', { name: 'Lê Văn A', display: 'LÊ VĂN A (TTXVN)', unit: 'TTXVN' });
    const people = await value<Person[]>('people.list', {});
    expect(people).toEqual([{ name: 'Lê Văn A', display: 'LÊ VĂN A (TTXVN)', unit: 'TTXVN' }]);
    const display = (name: string) => people.find((person) => person.name === name)?.display || undefined;
    expect(
      creditLine([{ name: 'Lê Văn A', roles: ['text', 'photo'] }], 'news', defaultCreditTemplates.vi, display),
    ).toBe('Tin, ảnh: LÊ VĂN A (TTXVN)');
    expect(creditLine([{ name: 'Minh Tuấn', roles: ['photo'] }], 'news', defaultCreditTemplates.vi, display)).toBe(
      'Ảnh: MINH TUẤN',
    );
  });

  it('starts with the names already in the archive', () => {
    const file = join(tempDir(), 'archive.sqlite3');
    const old = openArchive(file, { migrations: migrations.filter((migration) => migration.version <= 5) });
    old
      .prepare(
        `INSERT INTO articles (headline, body, content, section, status, version, created_at, updated_at) VALUES ('Cũ', '[]', ?, '', 'draft', 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
      )
      .run(JSON.stringify({ contributors: [{ name: 'Nguyên Khôi', roles: ['text'] }] }));
    old.close();
    const { db } = setup(file);
    expect(db.prepare('SELECT name FROM people').all()).toEqual([{ name: 'Nguyên Khôi' }]);
  });
});
