import { describe, expect, it } from 'vitest';
import { creditLine, defaultCreditTemplates } from '../../shared/article/credits';
import { archiveAtVersion, testCore } from '../testing/testCore';

const setup = (dataDir?: string) => testCore({ dataDir });

describe('the contributor registry', () => {
  it('learns every contributor named in an article, once whatever the case or normalization', async () => {
    const { call } = setup();
    const article = await call('articles.create', { headline: 'Tin' });
    await call('articles.save', {
      id: article.id,
      baseVersion: 1,
      contributors: [
        { name: 'Nguyên Khôi', roles: ['text'] },
        { name: 'Minh Tuấn', roles: ['photo'] },
      ],
    });
    await call('articles.save', {
      id: article.id,
      baseVersion: 2,
      contributors: [{ name: '  minh  TUẤN'.normalize('NFD'), roles: ['photo'] }],
    });
    expect((await call('people.list', {})).map((person) => person.name)).toEqual(['Minh Tuấn', 'Nguyên Khôi']);
  });

  it('learns the contributors of an imported document', async () => {
    const { call } = setup();
    const text = 'CNQP&KT - Chiều 24/12, Tổng cục tổ chức Hội nghị.\n\nTin, ảnh: NGUYÊN KHÔI - MINH TUẤN';
    await call('articles.import', { fileName: 'tin.txt', dataBase64: Buffer.from(text).toString('base64') });
    expect((await call('people.list', {})).map((person) => person.name)).toEqual(['MINH TUẤN', 'NGUYÊN KHÔI']);
  });

  it('keeps a display form and a unit, which the credit line uses', async () => {
    const { call } = setup();
    await call('people.save', { name: 'Lê Văn A', display: 'LÊ VĂN A (TTXVN)', unit: 'TTXVN' });
    const people = await call('people.list', {});
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
    const { db: old, dataDir } = archiveAtVersion(5);
    old
      .prepare(
        `INSERT INTO articles (headline, body, content, section, status, version, created_at, updated_at) VALUES ('Cũ', '[]', ?, '', 'draft', 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
      )
      .run(JSON.stringify({ contributors: [{ name: 'Nguyên Khôi', roles: ['text'] }] }));
    old.close();
    const { db } = setup(dataDir);
    expect(db.prepare('SELECT name FROM people').all()).toEqual([{ name: 'Nguyên Khôi' }]);
  });
});
