import type { ToneStyle } from '../text/toneStyle';
import { toneStyleOf, withToneStyle } from '../text/toneStyle';
import type { Finding, Segment } from './finding';

/** Widely known abbreviations a Vietnamese reader needs no definition for. */
export const commonAbbreviations = [
  'TP',
  'HCM',
  'UBND',
  'HĐND',
  'VN',
  'LHQ',
  'ASEAN',
  'WHO',
  'COVID',
  'THPT',
  'THCS',
  'GDP',
  'USD',
  'VND',
  'TV',
  'ĐH',
  'CLB',
  'PGS',
  'GS',
  'TS',
  'ThS',
  'BS',
];

const isRoman = (word: string): boolean => /^[IVXLCDM]+$/.test(word);

/** An abbreviation must be defined, `… quốc phòng (CNQP)`, before it is used bare. */
export function abbreviations(segments: Segment[], known: Set<string>, out: Finding[]): void {
  const defined = new Set<string>();
  for (const segment of segments) {
    if (segment.place.field === 'headline') continue;
    const definitions = [...segment.text.matchAll(/\(([^()]{2,60})\)/gu)].map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
      names: match[1]?.split(/\s*[,;]\s*/) ?? [],
    }));
    for (const match of segment.text.matchAll(/(?<![\p{L}\d])\p{Lu}{2,}(?![\p{L}\d])/gu)) {
      const name = match[0];
      if (defined.has(name) || known.has(name) || isRoman(name)) continue;
      const inDefinition = definitions.find(
        (definition) =>
          match.index > definition.start && match.index < definition.end && definition.names.includes(name),
      );
      if (inDefinition) {
        defined.add(name);
        continue;
      }
      defined.add(name);
      out.push({
        rule: 'undefined-abbreviation',
        place: segment.place,
        start: match.index,
        end: match.index + name.length,
        excerpt: name,
      });
    }
  }
}

/** Both tone-mark styles (hòa / hoà) in one article: the minority is marked. */
export function toneStyles(segments: Segment[], out: Finding[]): void {
  const uses: { segment: Segment; start: number; word: string; style: ToneStyle }[] = [];
  for (const segment of segments) {
    for (const match of segment.text.matchAll(/\p{L}+/gu)) {
      const style = toneStyleOf(match[0]);
      if (style) uses.push({ segment, start: match.index, word: match[0], style });
    }
  }
  const counts = { òa: 0, oà: 0 } as Record<ToneStyle, number>;
  for (const use of uses) counts[use.style] += 1;
  if (counts.òa === 0 || counts.oà === 0) return;
  const majority: ToneStyle = counts.òa >= counts.oà ? 'òa' : 'oà';
  for (const use of uses.filter((candidate) => candidate.style !== majority)) {
    out.push({
      rule: 'mixed-tone-style',
      place: use.segment.place,
      start: use.start,
      end: use.start + use.word.length,
      excerpt: use.word,
      fix: withToneStyle(use.word, majority),
    });
  }
}
