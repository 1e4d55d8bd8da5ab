import type { ArticleContent } from '../article/article';
import { inlineText } from '../article/article';
import { creditLine } from '../article/credits';
import type { Settings } from '../settings/settings';
import type { HtmlExportOptions, ExportPhoto } from './articleHtml';
import { articleFragment, escapeHtml, exportUrl, figureCaption, packageSlug, photoCreditText } from './articleHtml';

export interface PageOptions extends HtmlExportOptions {
  /** The site's address: with it, a canonical URL and absolute image URLs are written. */
  siteUrl?: string;
  slug: string;
  publishedAt: string;
  modifiedAt: string;
  publisher: string;
  /** A reader comment form under the article, posting to this address (http or https). */
  commentAction?: string;
  /** Leave out the JSON-LD block (the editor's preview shows the page; it has no use for it). */
  withoutStructuredData?: boolean;
}

/**
 * The page's options as the desk's settings give them: the outlet prefix (the article's own,
 * else the desk's), the photo credit switch, the site, the publisher, the comment form. The
 * export writes the page with them and the editor previews it with them.
 */
export function pageOptions(
  article: Pick<ArticleContent, 'outletPrefix' | 'slug' | 'headline'>,
  id: number,
  settings: Settings,
  dates: Pick<PageOptions, 'publishedAt' | 'modifiedAt'>,
  display?: (name: string) => string | undefined,
): PageOptions {
  const outletPrefix = article.outletPrefix ?? settings.outletPrefix;
  return {
    lang: 'vi',
    template: settings.creditTemplate,
    outletPrefix,
    outletSeparator: settings.outletSeparator,
    photoCredit: settings.export.photoCredit,
    display,
    siteUrl: settings.export.siteUrl || undefined,
    slug: packageSlug(article, id),
    ...dates,
    publisher: settings.export.publisher || outletPrefix,
    commentAction: settings.export.commentForm.enabled ? settings.export.commentForm.action : undefined,
  };
}

const commentLabels = {
  vi: {
    title: 'Bình luận',
    name: 'Họ và tên',
    unit: 'Đơn vị',
    phone: 'Điện thoại',
    email: 'Email',
    message: 'Nội dung',
    required: 'bắt buộc',
    send: 'Gửi bình luận',
  },
  en: {
    title: 'Comments',
    name: 'Full name',
    unit: 'Organisation',
    phone: 'Phone',
    email: 'Email',
    message: 'Comment',
    required: 'required',
    send: 'Send comment',
  },
};

/**
 * The reader comment block of the outlet's site: name*, unit, phone*, email*, message, posted
 * to the configured address (re-parsed: http and https only, else no form at all).
 */
export function commentForm(action: string, lang: string, slug: string): string {
  const url = exportUrl(action);
  if (!url?.startsWith('http')) return '';
  const label = lang === 'vi' ? commentLabels.vi : commentLabels.en;
  const field = (id: string, text: string, control: string, required: boolean) =>
    `<p><label for="comment-${id}">${escapeHtml(text)}${required ? ` <abbr title="${escapeHtml(label.required)}">*</abbr>` : ''}</label><br>${control}</p>`;
  const input = (id: string, type: string, autocomplete: string, required: boolean) =>
    `<input id="comment-${id}" name="${id}" type="${type}" autocomplete="${autocomplete}"${required ? ' required' : ''}>`;
  return [
    '<section class="comments" aria-labelledby="comments-title">',
    `<h2 id="comments-title">${escapeHtml(label.title)}</h2>`,
    `<form method="post" action="${escapeHtml(url)}">`,
    `<input type="hidden" name="article" value="${escapeHtml(slug)}">`,
    field('name', label.name, input('name', 'text', 'name', true), true),
    field('unit', label.unit, input('unit', 'text', 'organization', false), false),
    field('phone', label.phone, input('phone', 'tel', 'tel', true), true),
    field('email', label.email, input('email', 'email', 'email', true), true),
    field('message', label.message, '<textarea id="comment-message" name="message" rows="5"></textarea>', false),
    `<p><button type="submit">${escapeHtml(label.send)}</button></p>`,
    '</form>',
    '</section>',
  ].join('\n');
}

/** JSON inside <script>: "<" written as \u003c, so no text can close the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/** The page's whole stylesheet (a constant: the editor's preview allows exactly it by its hash). */
export const exportStyle = `body{margin:0;font:18px/1.6 Georgia,'Times New Roman',serif;color:#1b1b1b;background:#fff}
article{max-width:42rem;margin:2rem auto;padding:0 1rem}
h1{font-size:2rem;line-height:1.25;margin:.25rem 0 1rem}
.section{text-transform:uppercase;font:600 .8rem/1.4 system-ui,sans-serif;color:#8a1c1c;margin:0}
.lead{font-weight:700}
.outlet{font-weight:700}
figure{margin:1.5rem 0}
img{max-width:100%;height:auto;display:block}
figcaption{font:italic .9rem/1.5 system-ui,sans-serif;color:#444;margin-top:.4rem}
.credit{font-style:normal;font-weight:600}
.credit-line{text-align:right;font-weight:700}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #ccc}
.comments{max-width:42rem;margin:2rem auto;padding:0 1rem;font:1rem/1.5 system-ui,sans-serif}
.comments input,.comments textarea{width:100%;box-sizing:border-box;font:inherit;padding:.3rem}
.comments abbr{color:#8a1c1c;text-decoration:none}`;

/**
 * The standalone page: the fragment inside a document with its language, a small embedded
 * stylesheet, no JavaScript, a JSON-LD NewsArticle (authors, contributors, images with their
 * credit, creator, copyright and licence), Open Graph and Twitter meta, and a canonical URL
 * when the site's address is known.
 */
export function articlePage(
  article: ArticleContent,
  photos: ReadonlyMap<string, ExportPhoto>,
  options: PageOptions,
): string {
  const site = options.siteUrl ? exportUrl(options.siteUrl) : undefined;
  const canonical = site ? new URL(`${options.slug}/`, site.endsWith('/') ? site : `${site}/`).href : undefined;
  const absolute = (src: string): string => (canonical ? new URL(src, canonical).href : src);
  const description = inlineText(article.lead).trim().slice(0, 300);
  const used = article.body.flatMap((block) =>
    block.type === 'figure'
      ? [photos.get(block.photoId)].filter((photo): photo is ExportPhoto => photo !== undefined)
      : [],
  );
  const largest = (photo: ExportPhoto) =>
    photo.renditions.filter((rendition) => rendition.type === 'image/jpeg').at(-1);
  const people = (role: 'text' | 'photo' | 'video' | 'graphics') =>
    article.contributors
      .filter((contributor) => contributor.roles.includes(role))
      .map((contributor) => ({ '@type': 'Person', name: contributor.name }));
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description,
    inLanguage: options.lang,
    datePublished: options.publishedAt,
    dateModified: options.modifiedAt,
    ...(canonical ? { mainEntityOfPage: canonical, url: canonical } : {}),
    ...(article.section ? { articleSection: article.section } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags.join(', ') } : {}),
    author: people('text'),
    contributor: [...people('photo'), ...people('video'), ...people('graphics')],
    creditText: creditLine(article.contributors, article.kind, options.template, options.display),
    publisher: { '@type': 'Organization', name: options.publisher },
    image: used.map((photo) => {
      const image = largest(photo);
      const license = exportUrl(photo.usageTerms.trim());
      return {
        '@type': 'ImageObject',
        contentUrl: image ? absolute(image.src) : undefined,
        width: photo.width,
        height: photo.height,
        caption: figureCaption(article.body, photo.id) || undefined,
        creditText: photoCreditText(photo, options) || undefined,
        ...(photo.creator ? { creator: { '@type': 'Person', name: photo.creator } } : {}),
        ...(photo.copyright ? { copyrightNotice: photo.copyright } : {}),
        ...(license ? { license } : {}),
      };
    }),
  };
  const firstImage = used[0] ? largest(used[0]) : undefined;
  const meta = (property: string, content: string | undefined, attribute: 'property' | 'name' = 'property') =>
    content ? `<meta ${attribute}="${property}" content="${escapeHtml(content)}">` : '';
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(options.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(article.headline)}</title>`,
    meta('description', description, 'name'),
    canonical ? `<link rel="canonical" href="${escapeHtml(canonical)}">` : '',
    meta('og:type', 'article'),
    meta('og:title', article.headline),
    meta('og:description', description),
    meta('og:url', canonical),
    meta('og:image', firstImage ? absolute(firstImage.src) : undefined),
    meta('og:locale', options.lang === 'vi' ? 'vi_VN' : options.lang),
    meta('article:published_time', options.publishedAt),
    meta('article:modified_time', options.modifiedAt),
    meta('twitter:card', firstImage ? 'summary_large_image' : 'summary', 'name'),
    meta('twitter:title', article.headline, 'name'),
    meta('twitter:description', description, 'name'),
    `<style>${exportStyle}</style>`,
    options.withoutStructuredData ? '' : `<script type="application/ld+json">${scriptJson(jsonLd)}</script>`,
    '</head>',
    '<body>',
    '<main>',
    articleFragment(article, photos, options),
    options.commentAction ? commentForm(options.commentAction, options.lang, options.slug) : '',
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
