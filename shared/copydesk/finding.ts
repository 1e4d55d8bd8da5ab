import type { ArticleBody, Inline } from '../article/article';
import { inlineText } from '../article/article';

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
