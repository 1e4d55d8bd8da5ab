import { describe, expect, it } from 'vitest';
import { paragraph } from './article';
import type { Block } from './article';
import { bodyText, inlineText } from './article';
import { countText, createArticleTally, tallyText } from './counts';

describe('countText', () => {
  it('counts Vietnamese words (syllables), characters and reading time', () => {
    const counts = countText('Hội nghị tổng kết công tác Đảng, năm 2019 – và …', null);
    expect(counts.words).toBe(10);
    expect(counts.characters).toBe('Hội nghị tổng kết công tác Đảng, năm 2019 – và …'.length);
    expect(counts.readingMinutes).toBe(1);
    expect(counts.target).toBe('none');
  });

  it('counts NFD text like NFC', () => {
    expect(countText('Việt Nam'.normalize('NFD'), null)).toEqual(countText('Việt Nam', null));
  });

  it('compares with the target length', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'chữ').join(' ');
    expect(countText(words(80), 100).target).toBe('under');
    expect(countText(words(95), 100).target).toBe('on');
    expect(countText(words(111), 100).target).toBe('over');
    expect(countText(words(440), null).readingMinutes).toBe(2);
    expect(countText('', 100)).toEqual({ words: 0, characters: 0, readingMinutes: 0, target: 'under' });
  });
});

describe('the article tally (counts while typing)', () => {
  const plain = (text: { headline: string; lead: { text: string }[]; body: Block[] }) =>
    [text.headline, inlineText(text.lead), bodyText(text.body)].join('\n');

  it('equals counting the whole text, through edits, lists, figures and empty blocks, and counts only changed blocks again', () => {
    const tally = createArticleTally();
    const body: Block[] = [
      paragraph('Chiều 24/12, Tổng cục tổ chức Hội nghị.'),
      {
        type: 'bulleted-list',
        children: [
          { type: 'list-item', children: [{ text: 'Một  điểm' }] },
          { type: 'list-item', children: [{ text: 'Hai' }] },
        ],
      },
      { type: 'bulleted-list', children: [] } as unknown as Block,
      { type: 'figure', photoId: 'a'.repeat(64), caption: 'Quang cảnh Hội nghị.', children: [{ text: '' }] },
      paragraph(''),
      { type: 'heading', level: 2, children: [{ text: 'Tít phụ' }] },
    ];
    let text = { headline: 'Hội nghị tổng kết', lead: [{ text: 'Sáng nay, Hà Nội.' }], body };
    expect(tally(text)).toEqual(tallyText(plain(text)));
    // A keystroke: one block replaced by a new object, the others kept.
    const seen = new Set<unknown>();
    const spied = body.map(
      (block) =>
        new Proxy(block, {
          get: (target, key, receiver): unknown => (seen.add(target), Reflect.get(target, key, receiver) as unknown),
        }),
    );
    const counted = createArticleTally();
    counted({ ...text, body: spied });
    seen.clear();
    const edited = [...spied];
    edited[0] = paragraph('Chiều 24/12, Tổng cục tổ chức Hội nghị tổng kết.');
    text = { ...text, body: edited };
    const after = counted(text);
    expect(seen.size).toBe(0);
    expect(after).toEqual(tallyText(plain(text)));
    for (const empty of [
      { headline: '', lead: [{ text: '' }], body: [] },
      { headline: 'Chỉ tít', lead: [{ text: '' }], body: [paragraph('')] },
    ]) {
      expect(createArticleTally()(empty)).toEqual(tallyText(plain(empty)));
    }
  });
});
