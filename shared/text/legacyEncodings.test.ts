import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VietnameseConversion } from 'vietnamese-conversion';
import { describe, expect, it } from 'vitest';
import { convertTcvn3, convertVni, detectLegacyVietnamese } from './legacyEncodings';

const sample = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'sample-article-vi.txt'),
  'utf8',
);

/** How a TCVN3 document reads once its bytes are taken as Windows-1252 (as Word shows a .VnTime text). */
function asTcvn3(text: string): string {
  // glibc's iconv is the oracle: TCVN5712-1's letters at 0xA1–0xFE are those of the TCVN3 (ABC) fonts.
  const bytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'TCVN5712-1'], { input: text });
  return new TextDecoder('windows-1252').decode(bytes);
}

/** The same text in VNI (VNI-Times), by an independent implementation (npm vietnamese-conversion, a devDependency). */
const asVni = (text: string): string => new VietnameseConversion(text, 'unicode').toCharset('vni');

// TCVN3 has no upper-case letters with tone marks (they came from the .VnTimeH fonts), and
// the curly quotes and the ellipsis of the sample are not in it: the TCVN3 sample is the
// sample in lower case, with straight quotes and three dots.
const lowerSample = sample.toLowerCase().replace(/[“”]/g, '"').replace(/…/g, '...');

describe('TCVN3 (ABC)', () => {
  it('converts a TCVN3 text made by iconv back to the Unicode original (the whole sample story)', () => {
    const legacy = asTcvn3(lowerSample);
    expect(legacy).toContain('héi nghÞ');
    expect(legacy).not.toBe(lowerSample);
    expect(convertTcvn3(legacy)).toBe(lowerSample.normalize('NFC'));
    expect(detectLegacyVietnamese(legacy)).toMatchObject({
      encoding: 'tcvn3',
      converted: lowerSample.normalize('NFC'),
    });
  });

  it('agrees with iconv on every letter of the table', () => {
    const letters = 'àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵĂÂÊÔƠƯĐ';
    // One iconv run for the whole table, a letter a line.
    const encoded = asTcvn3([...letters].join('\n')).split('\n');
    expect(encoded.map(convertTcvn3)).toEqual([...letters]);
  });
});

describe('VNI', () => {
  it('converts the sample story in VNI back to Unicode, upper case included', () => {
    const text = sample.replace(/[ỷỹỶỸ]/g, 'y');
    const legacy = asVni(text);
    expect(legacy).toContain('Hoäi nghò');
    expect(convertVni(legacy)).toBe(text.normalize('NFC'));
    expect(detectLegacyVietnamese(legacy)).toMatchObject({ encoding: 'vni', converted: text.normalize('NFC') });
  });

  it('reads ỷ and ỹ as VNI writes them (y + the hỏi and ngã marks)', () => {
    // vietnamese-conversion 2.0 spells these two "ë" and "ì", which VNI uses for the nặng of ă and for ì.
    expect(convertVni('kyõ thuaät, quyû, KYÕ')).toBe('kỹ thuật, quỷ, KỸ');
    expect(convertVni('Nguyeãn Maïnh Huøng, ñaëc bieät, khuyeân, tröôøng')).toBe(
      'Nguyễn Mạnh Hùng, đặc biệt, khuyên, trường',
    );
  });
});

describe('detection', () => {
  it('leaves Unicode Vietnamese alone, even with only Latin-1 letters in it', () => {
    expect(detectLegacyVietnamese(sample)).toBeUndefined();
    expect(detectLegacyVietnamese('cà phê và bánh mì, bà già đi chợ')).toBeUndefined();
    expect(detectLegacyVietnamese('cà phê và bánh mì')).toBeUndefined();
  });

  it('leaves other languages written with Latin-1 alone', () => {
    expect(detectLegacyVietnamese("L'été à Paris: le café est très élevé, où êtes-vous?")).toBeUndefined();
    expect(detectLegacyVietnamese('Grüße aus München, schöne Bücher für Kinder')).toBeUndefined();
    expect(detectLegacyVietnamese('El niño comió paella en España')).toBeUndefined();
  });

  it('finds a short paste', () => {
    expect(detectLegacyVietnamese(asTcvn3('hội nghị tổng kết công tác đảng'))?.converted).toBe(
      'hội nghị tổng kết công tác đảng',
    );
    expect(detectLegacyVietnamese(asVni('Hội nghị tổng kết công tác Đảng'))?.converted).toBe(
      'Hội nghị tổng kết công tác Đảng',
    );
  });
});
