import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable, splitTone } from './syllable';

// dictionary-vi (GPL) is a devDependency used only here, as an oracle; it never ships.
const dictionaryPath = join(dirname(createRequire(import.meta.url).resolve('dictionary-vi')), 'index.dic');
const syllables = [
  ...new Set(
    readFileSync(dictionaryPath, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.split('/')[0]?.trim().normalize('NFC') ?? '')
      .filter((word) => /^[\p{Ll}]+$/u.test(word)),
  ),
];

describe('isVietnameseSyllable', () => {
  it.each([
    'hội',
    'nghị',
    'tổng',
    'kết',
    'Đảng',
    'quốc',
    'phòng',
    'nghiêng',
    'giếng',
    'gì',
    'khuỷu',
    'khuya',
    'thuở',
    'quyết',
    'hoà',
    'hòa',
    'thuý',
    'thúy',
    'ngoẹo',
    'boong',
    'Nguyễn',
    'yêu',
    'oẳn',
    'ươm',
    'khuếch',
    'quýt',
    'quỳnh',
  ])('accepts %s', (word) => {
    expect(isVietnameseSyllable(word)).toBe(true);
  });

  it.each([
    'bàybáo',
    'nghịtrung',
    'ciến',
    'kan',
    'ghao',
    'ngiêng',
    'quuan',
    'tàt',
    'bảp',
    'hoá̀',
    'Facebook',
    'xyz',
    'cuy',
    'tổngkết',
    'a1',
  ])('rejects %s', (word) => {
    expect(isVietnameseSyllable(word)).toBe(false);
  });

  it('reads the tone and leaves the vowel marks', () => {
    expect(splitTone('Việt')).toEqual({ base: 'Viêt', tone: 'nang', toneMarks: 1 });
    expect(splitTone('đường')).toEqual({ base: 'đương', tone: 'huyen', toneMarks: 1 });
  });

  it('accepts at least 99% of the syllables of the dictionary-vi word list', () => {
    expect(syllables.length).toBeGreaterThan(6000);
    const rejected = syllables.filter((word) => !isVietnameseSyllable(word));
    const share = 1 - rejected.length / syllables.length;
    expect(share, `rejected: ${rejected.slice(0, 60).join(' ')}`).toBeGreaterThanOrEqual(0.99);
  });

  it('rejects pairs of dictionary syllables written together', () => {
    let seed = 12345;
    const pick = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return syllables[seed % syllables.length] ?? '';
    };
    const pairs = Array.from({ length: 5000 }, () => pick() + pick());
    const accepted = pairs.filter((pair) => isVietnameseSyllable(pair));
    expect(accepted.length / pairs.length, `accepted: ${accepted.slice(0, 30).join(' ')}`).toBeLessThanOrEqual(0.01);
  });
});
