import type { ArticleBody, ArticleContent, Block, Inline } from './article';
import { blockLines, emptyContent } from './article';
import type { CreditTemplate } from './credits';
import { parseCreditLine } from './credits';

/** `CNQP&KT - Chiều 24/12, …`: a short upper-case outlet name, then a dash, opens the lead. */
const outletPrefixPattern = /^([\p{Lu}\d][\p{Lu}\d&./+]{1,15}(?: [\p{Lu}\d&./+]{1,15})?)\s+[-–—]\s+/u;

const blockText = (block: Block): string => blockLines(block).join(' ').trim();

function dropPrefix(inlines: Inline[], length: number): Inline[] {
  const [first, ...rest] = inlines;
  if (!first || 'type' in first) return inlines;
  return [{ ...first, text: first.text.slice(length) }, ...rest];
}

/**
 * Reads a story's parts from its blocks as published: the headline (a leading heading), the
 * lead with its outlet prefix (the first paragraph), the closing credit line (which becomes
 * contributors) and nothing after it (the site's comment form and other chrome).
 */
export function recognizeStory(blocks: ArticleBody, template: CreditTemplate): ArticleContent {
  const content = emptyContent();
  let body = [...blocks];

  const creditIndex = body.findLastIndex(
    (block) => block.type === 'paragraph' && parseCreditLine(blockText(block), template) !== undefined,
  );
  if (creditIndex >= 0) {
    const credit = parseCreditLine(blockText(body[creditIndex] as Block), template);
    if (credit) {
      content.contributors = credit.contributors;
      if (credit.kind) content.kind = credit.kind;
    }
    body = body.slice(0, creditIndex);
  }

  const first = body[0];
  if (first?.type === 'heading') {
    content.headline = blockText(first);
    body = body.slice(1);
  }

  const lead = body[0];
  if (lead?.type === 'paragraph') {
    const match = outletPrefixPattern.exec(blockText(lead));
    let children = lead.children;
    if (match?.[1]) {
      content.outletPrefix = match[1];
      children = dropPrefix(children, match[0].length);
    }
    content.lead = children;
    body = body.slice(1);
  }

  content.body = body.length > 0 ? body : content.body;
  return content;
}
