import type { ArticleContent, ArticleStatus } from '../article/article';
import { anchoredNoteIds, bodyText, inlineText } from '../article/article';
import type { CreditTemplate } from '../article/credits';
import { creditLine, displayName } from '../article/credits';
import { countText } from '../article/counts';
import type { CheckOptions, Finding } from '../copydesk/checks';
import { articleSegments, checkSegments } from '../copydesk/checks';
import type { PhotoMeta } from '../photos/photo';
import { hasAltText, hasCredit } from '../photos/photo';

/** Where a problem is, so the export dialog can take the editor there. */
export type PreflightPlace =
  { field: 'headline' | 'lead' | 'contributors' | 'status' | 'notes' } | { field: 'body'; block: number };

export interface PreflightItem {
  severity: 'error' | 'warning';
  code:
    | 'missing-headline'
    | 'missing-lead'
    | 'photo-credit'
    | 'photo-alt'
    | 'photo-missing'
    | 'credit-line'
    | 'editor-notes'
    | 'copy-desk'
    | 'status'
    | 'length'
    | 'long-headline';
  /** In English, for the CLI and logs; the editor writes its own from the code and `params`. */
  message: string;
  /** What the message names (block number, photographer, counts…), for the editor's translation. */
  params: Record<string, string>;
  place: PreflightPlace;
  /** The copy-desk finding, for that code. */
  finding?: Finding;
}

export interface PreflightInput {
  article: ArticleContent & { status: ArticleStatus };
  /** The photos the article's figures use, by id. */
  photos: ReadonlyMap<string, Pick<PhotoMeta, 'creator' | 'creditLine' | 'altText'>>;
  template: CreditTemplate;
  display?: (name: string) => string | undefined;
  copyDesk?: CheckOptions;
  /** Copy-desk rules the desk made blocking. */
  blockingRules?: readonly string[];
}

/** Headlines longer than this are flagged (search results and social cards cut them). */
export const longHeadline = 110;

/**
 * What a desk checks before publishing. Errors block "export for publication": no headline or
 * lead, a photo without credit or alt text, a credit line that does not name the photo
 * creators, editor notes left in the text. Warnings do not: copy-desk findings (unless made
 * blocking), a status short of approved, a length off target, a very long headline.
 */
export function preflight(input: PreflightInput): PreflightItem[] {
  const { article } = input;
  const items: PreflightItem[] = [];
  const add =
    (severity: PreflightItem['severity']) =>
    (code: PreflightItem['code'], message: string, place: PreflightPlace, params: Record<string, string> = {}) =>
      items.push({ severity, code, message, params, place });
  const error = add('error');
  const warning = add('warning');

  if (article.headline.trim() === '') error('missing-headline', 'The headline is missing.', { field: 'headline' });
  if (inlineText(article.lead).trim() === '') error('missing-lead', 'The lead (sapo) is missing.', { field: 'lead' });

  const credit = creditLine(article.contributors, article.kind, input.template, input.display);
  const creators = new Set<string>();
  article.body.forEach((block, index) => {
    if (block.type !== 'figure') return;
    const photo = input.photos.get(block.photoId);
    if (!photo) {
      error(
        'photo-missing',
        `Photo ${index + 1} is not in the photo library.`,
        { field: 'body', block: index },
        { block: String(index + 1) },
      );
      return;
    }
    if (!hasCredit(photo))
      error(
        'photo-credit',
        `The photo in block ${index + 1} has no credit (creator or credit line).`,
        { field: 'body', block: index },
        { block: String(index + 1) },
      );
    if (!hasAltText(photo))
      error(
        'photo-alt',
        `The photo in block ${index + 1} has no alt text.`,
        { field: 'body', block: index },
        { block: String(index + 1) },
      );
    if (photo.creator.trim() !== '') creators.add(photo.creator.trim());
  });
  for (const creator of creators) {
    const written = input.display?.(creator) || displayName(creator, input.template);
    if (!credit.includes(written))
      error(
        'credit-line',
        `The credit line (“${credit || 'empty'}”) does not name the photographer ${written}.`,
        { field: 'contributors' },
        { credit, name: written },
      );
  }
  const anchored = anchoredNoteIds(article);
  const open = article.notes.filter((note) => !note.resolved || anchored.has(note.id));
  if (anchored.size > 0 || open.some((note) => !note.resolved)) {
    error(
      'editor-notes',
      `Editor notes are still in the article (${open.length}); resolve or remove them.`,
      { field: 'notes' },
      { count: String(open.length) },
    );
  }

  const blocking = new Set(input.blockingRules ?? []);
  for (const finding of checkSegments(articleSegments(article), input.copyDesk)) {
    const place: PreflightPlace =
      finding.place.field === 'body'
        ? { field: 'body', block: finding.place.block ?? 0 }
        : { field: finding.place.field };
    items.push({
      severity: blocking.has(finding.rule) ? 'error' : 'warning',
      code: 'copy-desk',
      message: `${finding.rule}: “${finding.excerpt}”`,
      params: { rule: finding.rule, excerpt: finding.excerpt },
      place,
      finding,
    });
  }
  if (article.status !== 'approved' && article.status !== 'exported')
    warning(
      'status',
      `The article is ${article.status}, not approved.`,
      { field: 'status' },
      { status: article.status },
    );
  const counts = countText([inlineText(article.lead), bodyText(article.body)].join('\n'), article.targetWords);
  if (counts.target === 'under' || counts.target === 'over') {
    warning(
      'length',
      `${counts.words} words against a target of ${article.targetWords ?? 0}.`,
      { field: 'body', block: 0 },
      { words: String(counts.words), target: String(article.targetWords ?? 0) },
    );
  }
  const headlineLength = [...article.headline].length;
  if (headlineLength > longHeadline)
    warning(
      'long-headline',
      `The headline has ${headlineLength} characters (over ${longHeadline}).`,
      { field: 'headline' },
      { length: String(headlineLength), limit: String(longHeadline) },
    );
  return items;
}

export const blocksExport = (items: readonly PreflightItem[]): boolean =>
  items.some((item) => item.severity === 'error');
