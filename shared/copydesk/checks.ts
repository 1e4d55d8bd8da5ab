import { abbreviations, commonAbbreviations, toneStyles } from './articleRules';
import type { CheckOptions, Finding, Segment } from './finding';
import { quotes, spacing } from './typography';
import { mergedWords, repeatedWords } from './words';

export { articleSegments, copyDeskRules } from './finding';
export type { CheckOptions, CopyDeskRule, Finding, Place, Segment } from './finding';
export { commonAbbreviations } from './articleRules';

const letter = /\p{L}/u;

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
