import { describe, expect, it } from 'vitest';
import { paragraph } from '../../../shared/article/article';
import { inputJson } from './inputJson';

describe('the JSON of a save', () => {
  it('reads as JSON.stringify would, and stringifies again only the blocks that are new objects', () => {
    const read = new Set<unknown>();
    const watched = (block: object) =>
      new Proxy(block, {
        get: (target, key, receiver): unknown => (read.add(target), Reflect.get(target, key, receiver) as unknown),
      });
    const body = [
      paragraph('Chiều 24/12, Tổng cục tổ chức Hội nghị.'),
      paragraph('Đoạn “hai” </script>'),
      { type: 'figure', photoId: 'a'.repeat(64), caption: 'Ảnh', children: [{ text: '' }] },
    ].map(watched);
    const input = { id: 7, baseVersion: 3, headline: 'Hội nghị', body, tags: ['CTĐ'], extra: undefined };
    expect(JSON.parse(inputJson(input))).toEqual(JSON.parse(JSON.stringify(input)));
    read.clear();
    const edited = [body[0], paragraph('Đoạn hai, sửa.'), body[2]];
    const next = { ...input, baseVersion: 4, body: edited };
    const json = inputJson(next);
    expect(read.size).toBe(0);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(next)));
    for (const other of [{ body: [] }, { body: [paragraph('x')] }, { id: 1 }, null, 'text', [1, 2]])
      expect(inputJson(other)).toBe(JSON.stringify(other));
  });
});
