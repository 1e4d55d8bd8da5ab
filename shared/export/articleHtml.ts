import type { ArticleContent, Block, Inline } from '../article/article';
import { inlineText } from '../article/article';
import type { CreditTemplate } from '../article/credits';
import { creditLine, displayName } from '../article/credits';
import type { PhotoMeta } from '../photos/photo';
import { slugify } from '../text/fold';
import { safeUrl } from '../text/safeUrl';

/** A photo as the export knows it: its credits and the renditions written for it. */
export interface ExportPhoto extends Pick<
  PhotoMeta,
  'creator' | 'creditLine' | 'copyright' | 'usageTerms' | 'altText'
> {
  id: string;
  width: number;
  height: number;
  /** Files relative to the page, widest last; JPEG first, WebP alongside. */
  renditions: { src: string; width: number; type: 'image/jpeg' | 'image/webp' }[];
}

export interface HtmlExportOptions {
  lang: string;
  template: CreditTemplate;
  /** The outlet prefix that opens the lead ('' for none) and what follows it. */
  outletPrefix: string;
  outletSeparator: string;
  /** "Ảnh: MINH TUẤN" under each caption (house style; switchable). */
  photoCredit: boolean;
  /** The registry's way of writing a name in credit lines, when it has one. */
  display?: (name: string) => string | undefined;
}

/** The widths a photo is exported at (those below its own width), its own width up to the last being the largest. */
const largestWidth = 1600;
export const exportWidths = [480, 960, largestWidth] as const;

/** A photo's size on the page: its width up to the largest export width, its height in proportion. */
export function pageSize(photo: { width: number; height: number }): { width: number; height: number } {
  const width = Math.min(photo.width, largestWidth);
  return { width, height: Math.round((photo.height * width) / photo.width) };
}

/** The caption of a photo's first use in the article (a per-use caption; '' when it has none). */
export function figureCaption(body: readonly Block[], photoId: string): string {
  for (const block of body)
    if (block.type === 'figure' && block.photoId === photoId && block.caption.trim() !== '')
      return block.caption.trim();
  return '';
}

/** The folder and file-name stem of an export: the article's slug, else one made from its headline. */
export const packageSlug = (article: Pick<ArticleContent, 'slug' | 'headline'>, id: number): string =>
  article.slug ?? (slugify(article.headline) || `article-${id}`);

/** Escapes text for an element's content or a double-quoted attribute: at the point of writing, always. */
export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character,
  );

/** A link target, re-parsed with new URL(): http, https and mailto only; anything else is dropped. */
export function exportUrl(url: string): string | undefined {
  const safe = safeUrl(url);
  if (safe === undefined) return undefined;
  try {
    const parsed = new URL(safe);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function inlineHtml(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      if ('type' in inline) {
        const href = exportUrl(inline.url);
        const text = inlineHtml(inline.children);
        return href ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
      }
      // Editor notes (the `note` mark) are the desk's: never exported.
      let html = escapeHtml(inline.text);
      if (inline.italic) html = `<em>${html}</em>`;
      if (inline.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

/** The credit a photo carries, per house style: "Ảnh: MINH TUẤN". */
export function photoCreditText(
  photo: Pick<ExportPhoto, 'creator' | 'creditLine'>,
  options: Pick<HtmlExportOptions, 'template' | 'display'>,
): string {
  if (photo.creditLine.trim() !== '') return photo.creditLine.trim();
  if (photo.creator.trim() === '') return '';
  return `${options.template.photoLabel}${options.template.labelSeparator}${options.display?.(photo.creator) || displayName(photo.creator, options.template)}`;
}

function figureHtml(
  block: Extract<Block, { type: 'figure' }>,
  photo: ExportPhoto | undefined,
  options: HtmlExportOptions,
): string {
  if (!photo) return '';
  // JPEG for every browser, WebP offered alongside; with WebP alone (the editor's preview), WebP in the <img>.
  const jpegs = photo.renditions.filter((rendition) => rendition.type === 'image/jpeg');
  const webps = photo.renditions.filter((rendition) => rendition.type === 'image/webp');
  const jpeg = jpegs.length > 0 ? jpegs : webps;
  const webp = jpegs.length > 0 ? webps : [];
  const srcset = (list: typeof jpeg) =>
    list.map((rendition) => `${escapeHtml(rendition.src)} ${rendition.width}w`).join(', ');
  const sizes = '(max-width: 960px) 100vw, 960px';
  const fallback = jpeg.at(-1);
  const credit = options.photoCredit ? photoCreditText(photo, options) : '';
  const caption = [
    block.caption.trim() ? `<span class="caption">${escapeHtml(block.caption.trim())}</span>` : '',
    credit ? ` <span class="credit">${escapeHtml(credit)}</span>` : '',
  ].join('');
  return [
    '<figure>',
    '<picture>',
    webp.length > 0 ? `<source type="image/webp" srcset="${srcset(webp)}" sizes="${sizes}">` : '',
    `<img src="${escapeHtml(fallback?.src ?? '')}" srcset="${srcset(jpeg)}" sizes="${sizes}" width="${photo.width}" height="${photo.height}" alt="${escapeHtml(photo.altText)}" loading="lazy" decoding="async">`,
    '</picture>',
    caption ? `<figcaption>${caption}</figcaption>` : '',
    '</figure>',
  ].join('');
}

function blockHtml(block: Block, photos: ReadonlyMap<string, ExportPhoto>, options: HtmlExportOptions): string {
  switch (block.type) {
    case 'paragraph':
      return inlineText(block.children).trim() === '' ? '' : `<p>${inlineHtml(block.children)}</p>`;
    case 'heading':
      return `<h${block.level}>${inlineHtml(block.children)}</h${block.level}>`;
    case 'blockquote':
      return `<blockquote><p>${inlineHtml(block.children)}</p></blockquote>`;
    case 'bulleted-list':
    case 'numbered-list': {
      const tag = block.type === 'bulleted-list' ? 'ul' : 'ol';
      return `<${tag}>${block.children.map((item) => `<li>${inlineHtml(item.children)}</li>`).join('')}</${tag}>`;
    }
    case 'figure':
      return figureHtml(block, photos.get(block.photoId), options);
  }
}

/**
 * The article alone, as semantic HTML for a CMS: header (section, headline, the lead opened
 * by the outlet prefix in its own element), the body, each photo as a figure with its caption
 * and credit, and the closing credit line. Everything is escaped here; links are re-parsed.
 */
export function articleFragment(
  article: ArticleContent,
  photos: ReadonlyMap<string, ExportPhoto>,
  options: HtmlExportOptions,
): string {
  const credit = creditLine(article.contributors, article.kind, options.template, options.display);
  const lead = inlineText(article.lead).trim();
  const prefix = options.outletPrefix.trim();
  return [
    `<article lang="${escapeHtml(options.lang)}">`,
    '<header>',
    article.section ? `<p class="section">${escapeHtml(article.section)}</p>` : '',
    `<h1>${escapeHtml(article.headline)}</h1>`,
    lead || prefix
      ? `<p class="lead">${prefix ? `<span class="outlet">${escapeHtml(prefix)}${escapeHtml(options.outletSeparator)}</span>` : ''}${inlineHtml(article.lead)}</p>`
      : '',
    '</header>',
    ...article.body.map((block) => blockHtml(block, photos, options)),
    credit ? `<p class="credit-line">${escapeHtml(credit)}</p>` : '',
    '</article>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
