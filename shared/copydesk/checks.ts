import type { ArticleBody, Inline } from '../article/article';
import { inlineText } from '../article/article';
import { isVietnameseSyllable } from '../text/syllable';
import type { ToneStyle } from '../text/toneStyle';
import { toneStyleOf, withToneStyle } from '../text/toneStyle';

export const copyDeskRules = [
  'space-after-punctuation',
  'space-before-punctuation',
  'double-space',
  'repeated-word',
  'merged-word',
  'straight-quotes',
  'unbalanced',
  'undefined-abbreviation',
  'mixed-tone-style',
] as const;
export type CopyDeskRule = (typeof copyDeskRules)[number];

/** Where a finding is: the headline, the lead, or a body block (and list item). */
export interface Place {
  field: 'headline' | 'lead' | 'body';
  block?: number;
  item?: number;
}

export interface Segment {
  place: Place;
  text: string;
}

export interface Finding {
  rule: CopyDeskRule;
  place: Place;
  /** Offsets in the segment's plain text. */
  start: number;
  end: number;
  /** The text the finding is about. */
  excerpt: string;
  /** Replaces [start, end) when applied. */
  fix?: string;
}

export interface CheckOptions {
  disabled?: readonly CopyDeskRule[];
  /** Foreign words, names and spellings the desk accepts (case-insensitive). */
  knownWords?: readonly string[];
  /** Abbreviations that need no definition in the text. */
  knownAbbreviations?: readonly string[];
}

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

/** Reduplications that are words of their own, not typing slips. */
const reduplications = new Set([
  'dần',
  'từ',
  'ngày',
  'người',
  'nhà',
  'đời',
  'mãi',
  'thường',
  'xa',
  'lâu',
  'nhiều',
  'đâu',
  'ai',
  'gì',
  'năm',
  'tháng',
  'chầm',
  'hằng',
  'vừa',
  'càng',
  'rất',
]);

const letter = /\p{L}/u;
const isRoman = (word: string): boolean => /^[IVXLCDM]+$/.test(word);
const hasVietnameseLetters = (word: string): boolean => /[^a-zA-Z]/.test(word);

export function articleSegments(content: { headline: string; lead: readonly Inline[]; body: ArticleBody }): Segment[] {
  const segments: Segment[] = [
    { place: { field: 'headline' }, text: content.headline },
    { place: { field: 'lead' }, text: inlineText(content.lead) },
  ];
  content.body.forEach((block, index) => {
    switch (block.type) {
      case 'bulleted-list':
      case 'numbered-list':
        block.children.forEach((item, itemIndex) =>
          segments.push({ place: { field: 'body', block: index, item: itemIndex }, text: inlineText(item.children) }),
        );
        break;
      case 'figure':
        break;
      default:
        segments.push({ place: { field: 'body', block: index }, text: inlineText(block.children) });
    }
  });
  return segments;
}

function spacing(segment: Segment, out: Finding[]): void {
  const { text, place } = segment;
  for (const match of text.matchAll(/([,;:])(?=\p{L})/gu)) {
    const token = /\S*$/.exec(text.slice(0, match.index))?.[0] ?? '';
    if (token.includes('@') || /^(https?|mailto)$/i.test(token) || /\/\/|www\./i.test(token)) continue;
    out.push({
      rule: 'space-after-punctuation',
      place,
      start: match.index,
      end: match.index + 1,
      excerpt: text.slice(Math.max(0, match.index - 8), match.index + 9),
      fix: `${match[1]} `,
    });
  }
  for (const match of text.matchAll(/(?<=\p{Ll}{3})([.!?])(?=\p{Lu}\p{Ll})/gu)) {
    out.push({
      rule: 'space-after-punctuation',
      place,
      start: match.index,
      end: match.index + 1,
      excerpt: text.slice(Math.max(0, match.index - 8), match.index + 9),
      fix: `${match[1]} `,
    });
  }
  for (const match of text.matchAll(/(?<=[\p{L}\d”)]) +(?=[,;.!?:](?:\s|$))/gu)) {
    out.push({
      rule: 'space-before-punctuation',
      place,
      start: match.index,
      end: match.index + match[0].length,
      excerpt: text.slice(Math.max(0, match.index - 8), match.index + 9),
      fix: '',
    });
  }
  for (const match of text.matchAll(/(?<=\S) {2,}(?=\S)/g)) {
    out.push({
      rule: 'double-space',
      place,
      start: match.index,
      end: match.index + match[0].length,
      excerpt: text.slice(Math.max(0, match.index - 8), match.index + 10),
      fix: ' ',
    });
  }
}

function repeatedWords(segment: Segment, out: Finding[]): void {
  // Each word is compared with the next (a lookahead, so no pair is skipped).
  for (const match of segment.text.matchAll(/(?<![\p{L}\d])(\p{L}+)(?=( +)(\p{L}+)(?![\p{L}\d]))/gu)) {
    const [, first = '', gap = '', second = ''] = match;
    const whole = `${first}${gap}${second}`;
    if (first.toLowerCase() !== second.toLowerCase() || reduplications.has(first.toLowerCase())) continue;
    const start = match.index + first.length;
    out.push({
      rule: 'repeated-word',
      place: segment.place,
      start,
      end: start + gap.length + second.length,
      excerpt: whole,
      fix: '',
    });
  }
}

/** A word that is no Vietnamese syllable but splits into two is two words typed together. */
function splitMerged(word: string): string | undefined {
  for (let at = 1; at < word.length; at += 1) {
    const head = word.slice(0, at);
    const tail = word.slice(at);
    if (isVietnameseSyllable(head) && isVietnameseSyllable(tail)) return `${head} ${tail}`;
  }
  return undefined;
}

function mergedWords(segment: Segment, known: Set<string>, out: Finding[]): void {
  for (const match of segment.text.matchAll(/\p{L}+/gu)) {
    const word = match[0];
    const before = segment.text.charAt(match.index - 1);
    const after = segment.text.charAt(match.index + word.length);
    if (word.length < 2 || /[\d@/._-]/.test(before + after)) continue;
    if (
      /\p{Lu}/u.test(word.slice(1)) ||
      !hasVietnameseLetters(word) ||
      (known.size > 0 && known.has(word.toLowerCase()))
    )
      continue;
    if (isVietnameseSyllable(word)) continue;
    out.push({
      rule: 'merged-word',
      place: segment.place,
      start: match.index,
      end: match.index + word.length,
      excerpt: word,
      fix: splitMerged(word),
    });
  }
}

function quotes(segment: Segment, out: Finding[]): void {
  const { text, place } = segment;
  for (const match of text.matchAll(/"|(?<!\p{L})'|'(?!\p{L})/gu)) {
    const opening = match.index === 0 || /[\s([{“]/u.test(text.charAt(match.index - 1));
    out.push({
      rule: 'straight-quotes',
      place,
      start: match.index,
      end: match.index + 1,
      excerpt: text.slice(Math.max(0, match.index - 8), match.index + 9),
      fix: match[0] === '"' ? (opening ? '“' : '”') : opening ? '‘' : '’',
    });
  }
  for (const [open, close] of [
    ['“', '”'],
    ['(', ')'],
    ['[', ']'],
  ] as const) {
    const stack: number[] = [];
    for (let index = 0; index < text.length; index += 1) {
      const char = text.charAt(index);
      if (char === open) stack.push(index);
      else if (char === close) {
        if (stack.length > 0) stack.pop();
        else
          out.push({
            rule: 'unbalanced',
            place,
            start: index,
            end: index + 1,
            excerpt: text.slice(Math.max(0, index - 12), index + 1),
          });
      }
    }
    for (const index of stack)
      out.push({ rule: 'unbalanced', place, start: index, end: index + 1, excerpt: text.slice(index, index + 12) });
  }
}

/** An abbreviation must be defined, `… quốc phòng (CNQP)`, before it is used bare. */
function abbreviations(segments: Segment[], known: Set<string>, out: Finding[]): void {
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

function toneStyles(segments: Segment[], out: Finding[]): void {
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

/** The copy desk's checks over an article's text: pure, fast enough to run as one types. */
export function checkSegments(segments: Segment[], options: CheckOptions = {}): Finding[] {
  const disabled = new Set(options.disabled ?? []);
  const knownWords = new Set((options.knownWords ?? []).map((word) => word.toLowerCase()));
  const knownAbbreviations = new Set([...commonAbbreviations, ...(options.knownAbbreviations ?? [])]);
  const findings: Finding[] = [];
  for (const segment of segments) {
    if (!letter.test(segment.text)) continue;
    spacing(segment, findings);
    repeatedWords(segment, findings);
    mergedWords(segment, knownWords, findings);
    quotes(segment, findings);
  }
  abbreviations(segments, knownAbbreviations, findings);
  toneStyles(segments, findings);
  return findings.filter((finding) => !disabled.has(finding.rule));
}

/** Applies a finding's fix to its segment's text. */
export const applyFix = (text: string, finding: Finding): string =>
  finding.fix === undefined ? text : text.slice(0, finding.start) + finding.fix + text.slice(finding.end);

/** Applies every fix of one segment, from the end backwards so offsets hold; overlapping fixes are skipped. */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  let result = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const finding of [...findings]
    .filter((candidate) => candidate.fix !== undefined)
    .sort((a, b) => b.start - a.start)) {
    if (finding.end > limit) continue;
    result = applyFix(result, finding);
    limit = finding.start;
  }
  return result;
}
