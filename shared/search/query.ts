import { foldVietnamese } from '../text/fold';
import { toNfc } from '../text/nfc';
import { applyToneStyle } from '../text/toneStyle';

export interface QueryTerm {
  /** NFC, in the index's tone style. */
  text: string;
  phrase: boolean;
  prefix: boolean;
}

/** The exact index stores one tone style, so `hoà` and `hòa` find each other. */
export const exactForm = (text: string): string => applyToneStyle(toNfc(text), 'òa').toLocaleLowerCase('vi');
export const foldedForm = (text: string): string => foldVietnamese(toNfc(text)).toLowerCase();

/** `"thành phố" duong cnq*`: quoted phrases, words, a trailing * for a prefix. */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const match of toNfc(query).matchAll(/"([^"]+)"(\*?)|([^\s"]+)/gu)) {
    const raw = (match[1] ?? match[3] ?? '').trim();
    const prefix = match[2] === '*' || raw.endsWith('*');
    const text = raw
      .replace(/\*+$/, '')
      .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
      .trim();
    if (text !== '') terms.push({ text: exactForm(text), phrase: match[1] !== undefined, prefix });
  }
  return terms;
}

export const hasDiacritics = (terms: readonly QueryTerm[]): boolean =>
  terms.some((term) => foldedForm(term.text) !== term.text);

/** An FTS5 MATCH expression: every term quoted (so no query syntax leaks in), ANDed. */
export function toMatch(terms: readonly QueryTerm[], folded: boolean): string {
  return terms
    .map((term) => {
      const text = folded ? foldedForm(term.text) : term.text;
      return `"${text.replace(/"/g, '""')}"${term.prefix ? '*' : ''}`;
    })
    .join(' AND ');
}
