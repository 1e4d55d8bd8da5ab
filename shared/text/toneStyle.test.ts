import { describe, expect, it } from 'vitest';
import { applyToneStyle, toneStyleOf, withToneStyle } from './toneStyle';

describe('tone-mark placement', () => {
  it.each([
    ['hoà', 'oà'],
    ['khoẻ', 'oà'],
    ['thuỷ', 'oà'],
    ['thuý', 'oà'],
    ['hòa', 'òa'],
    ['khỏe', 'òa'],
    ['thủy', 'òa'],
    ['thúy', 'òa'],
    ['Hoà', 'oà'],
    ['hoàng', undefined],
    ['quý', undefined],
    ['Việt', undefined],
  ] as const)('%s is %s style', (word, style) => {
    expect(toneStyleOf(word)).toBe(style);
  });

  it('converts between the styles and leaves other words alone', () => {
    expect(withToneStyle('hoà', 'òa')).toBe('hòa');
    expect(withToneStyle('thủy', 'oà')).toBe('thuỷ');
    expect(withToneStyle('Khoẻ', 'òa')).toBe('Khỏe');
    expect(applyToneStyle('Thuỷ điện Hoà Bình, quý khách khoẻ, hoàng hôn', 'òa')).toBe(
      'Thủy điện Hòa Bình, quý khách khỏe, hoàng hôn',
    );
    expect(applyToneStyle('Thủy điện Hòa Bình', 'oà')).toBe('Thuỷ điện Hoà Bình');
  });
});
