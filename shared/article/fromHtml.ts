import type { ChildNode, Element } from 'domhandler';
import { hasChildren, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { toNfc } from '../text/nfc';
import { safeUrl } from '../text/safeUrl';
import type { ArticleBody, TextLeaf } from './article';
import type { Marks } from './blockBuilder';
import { BlockBuilder } from './blockBuilder';

/** Elements whose content is never text of the article (code, media, form controls, document head). */
const dropped = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'frame',
  'object',
  'embed',
  'svg',
  'math',
  'head',
  'title',
  'meta',
  'link',
  'button',
  'input',
  'select',
  'option',
  'textarea',
  'img',
  'video',
  'audio',
  'canvas',
  'picture',
  'source',
]);
const blockTags = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'figure',
  'figcaption',
  'address',
  'pre',
  'center',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'dl',
  'dt',
  'dd',
  'form',
  'fieldset',
  'body',
  'html',
  'nav',
]);

const styleOf = (element: Element): string => (element.attribs.style ?? '').toLowerCase();

/** Word and Google Docs say bold and italic with styles; Docs wraps everything in a `font-weight:normal` <b>. */
function marksOf(element: Element, inherited: Marks): Marks {
  const style = styleOf(element);
  const marks: Marks = { ...inherited };
  const weight = /font-weight\s*:\s*([a-z0-9]+)/.exec(style)?.[1];
  if (element.name === 'b' || element.name === 'strong') {
    if (weight === undefined || weight === 'bold' || Number(weight) >= 600) marks.bold = true;
  } else if (weight === 'bold' || Number(weight) >= 600) {
    marks.bold = true;
  } else if (weight === 'normal' || (weight !== undefined && Number(weight) < 600)) {
    delete marks.bold;
  }
  if (element.name === 'i' || element.name === 'em' || /font-style\s*:\s*italic/.test(style)) marks.italic = true;
  if (/font-style\s*:\s*normal/.test(style)) delete marks.italic;
  return marks;
}

const wordListMarker = (element: Element): boolean => /mso-list\s*:\s*ignore/.test(styleOf(element));

function linkText(nodes: ChildNode[], marks: Marks, builder: BlockBuilder, out: TextLeaf[]): void {
  for (const node of nodes) {
    if (isText(node)) builder.text(node.data, marks, out);
    else if (isTag(node) && !dropped.has(node.name)) linkText(node.children, marksOf(node, marks), builder, out);
  }
}

function walk(
  nodes: ChildNode[],
  builder: BlockBuilder,
  marks: Marks,
  context: { list?: boolean; ordered?: boolean; quote?: boolean },
): void {
  for (const node of nodes) {
    if (isText(node)) {
      builder.text(node.data, marks);
      continue;
    }
    // isTag is true for <script> and <style> too; they are dropped by name below.
    if (!isTag(node)) continue;
    const element = node;
    const name = element.name.toLowerCase();
    if (dropped.has(name) || wordListMarker(element)) continue;
    if (name === 'br') {
      builder.start(
        context.list
          ? { kind: 'item', ordered: context.ordered ?? false }
          : { kind: 'text', style: context.quote ? 'blockquote' : 'paragraph' },
      );
      continue;
    }
    if (/^h[1-6]$/.test(name)) {
      builder.start({ kind: 'text', style: name === 'h1' || name === 'h2' ? 'heading-2' : 'heading-3' });
      walk(element.children, builder, marks, context);
      builder.end();
      continue;
    }
    if (name === 'ul' || name === 'ol') {
      builder.end();
      walk(element.children, builder, marks, { list: true, ordered: name === 'ol' });
      builder.end();
      continue;
    }
    if (name === 'li') {
      builder.start({ kind: 'item', ordered: context.ordered ?? false });
      walk(element.children, builder, marks, context);
      builder.end();
      continue;
    }
    if (name === 'blockquote') {
      builder.start({ kind: 'text', style: 'blockquote' });
      walk(element.children, builder, marks, { ...context, quote: true });
      builder.end();
      continue;
    }
    if (name === 'a') {
      const url = safeUrl(element.attribs.href ?? '');
      if (url) {
        const children: TextLeaf[] = [];
        linkText(element.children, marks, builder, children);
        builder.link(url, children);
      } else {
        walk(element.children, builder, marks, context);
      }
      continue;
    }
    if (blockTags.has(name)) {
      // Word writes list items as paragraphs carrying mso-list; their number is in an mso-list:Ignore span.
      const wordList = name === 'p' && /mso-list\s*:\s*l\d/.test(styleOf(element));
      const ordered = wordList && isOrderedWordItem(element);
      builder.start(
        wordList
          ? { kind: 'item', ordered }
          : context.list
            ? { kind: 'item', ordered: context.ordered ?? false }
            : { kind: 'text', style: context.quote ? 'blockquote' : 'paragraph' },
      );
      walk(element.children, builder, marks, context);
      builder.end();
      continue;
    }
    walk(element.children, builder, marksOf(element, marks), context);
  }
}

function isOrderedWordItem(element: Element): boolean {
  const marker = findMarker(element.children);
  return marker !== undefined && /^\s*(\d+|[a-z]|[ivxlc]+)[.)]/i.test(marker);
}

function findMarker(nodes: ChildNode[]): string | undefined {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (wordListMarker(node)) return textContent(node.children);
    const inner = findMarker(node.children);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

const textContent = (nodes: ChildNode[]): string =>
  nodes.map((node) => (isText(node) ? node.data : hasChildren(node) ? textContent(node.children) : '')).join('');

/**
 * HTML from Word, Google Docs or a web page, mapped into the article's blocks: paragraphs,
 * headings, quotes, lists, bold, italic and http/https/mailto links. Styles, classes, scripts,
 * event handlers, images and every other attribute are dropped; text comes out NFC.
 */
export function htmlToBlocks(html: string): ArticleBody {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const builder = new BlockBuilder();
  walk(document.children, builder, {}, {});
  builder.end();
  return builder.blocks;
}

/** Plain text: every non-empty line is a paragraph. */
export function textToBlocks(text: string): ArticleBody {
  return toNfc(text)
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.replace(/[\t\u00a0 ]+/g, ' ').trim())
    .filter((line) => line !== '')
    .map((line) => ({ type: 'paragraph', children: [{ text: line }] }));
}
