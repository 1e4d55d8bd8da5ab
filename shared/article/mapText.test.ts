import { describe, expect, it } from 'vitest';
import { applyToneStyle } from '../text/toneStyle';
import { mapText } from './mapText';

describe('mapText', () => {
  it('applies the house tone style to every piece of text, keeping marks, links and blocks', () => {
    const result = mapText(
      {
        headline: 'Thuỷ điện Hoà Bình',
        lead: [
          { text: 'Sức khoẻ', bold: true },
          { type: 'link', url: 'https://qdnd.vn/', children: [{ text: 'hoà bình' }] },
        ],
        body: [
          { type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: 'hoà hợp' }] }] },
          { type: 'figure', photoId: 'a'.repeat(64), caption: 'Thuỷ thủ', children: [{ text: '' }] },
        ],
      },
      (text) => applyToneStyle(text, 'òa'),
    );
    expect(result).toEqual({
      headline: 'Thủy điện Hòa Bình',
      lead: [
        { text: 'Sức khỏe', bold: true },
        { type: 'link', url: 'https://qdnd.vn/', children: [{ text: 'hòa bình' }] },
      ],
      body: [
        { type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: 'hòa hợp' }] }] },
        { type: 'figure', photoId: 'a'.repeat(64), caption: 'Thủy thủ', children: [{ text: '' }] },
      ],
    });
  });
});
