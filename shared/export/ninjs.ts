import type { Article } from '../article/article';
import { inlineText } from '../article/article';
import type { ExportPhoto } from './articleHtml';
import { figureCaption, photoCreditText } from './articleHtml';
import type { PageOptions } from './articlePage';

export interface NinjsInput {
  article: Article;
  /** The photos exported with it, in the order of the text, with their renditions. */
  photos: readonly ExportPhoto[];
  /** The article's HTML fragment (fragment.html). */
  fragment: string;
  /** The credit line the contributors make. */
  byline: string;
  page: PageOptions;
  /** A draft exported despite errors: marked withheld, not usable. */
  withheld: boolean;
}

/** The story as IPTC ninjs (article.json): a pure builder, as the page and the fragment are. */
export function articleNinjs({ article, photos, fragment, byline, page, withheld }: NinjsInput) {
  return {
    uri: `urn:newsroom:article:${article.id}:v${article.version}`,
    type: 'text',
    language: 'vi',
    versioncreated: article.updatedAt,
    firstcreated: article.createdAt,
    pubstatus: withheld ? 'withheld' : 'usable',
    headlines: [{ role: 'main', value: article.headline }],
    descriptions: [
      {
        role: 'summary',
        contenttype: 'text/plain',
        value: `${page.outletPrefix ? `${page.outletPrefix}${page.outletSeparator}` : ''}${inlineText(article.lead)}`,
      },
    ],
    bodies: [{ role: 'main', contenttype: 'text/html', value: fragment }],
    by: byline,
    people: article.contributors.map((contributor) => ({
      name: contributor.name,
      rel: contributor.roles.map((role) => `newsroom:${role}`).join(' '),
    })),
    subjects: article.tags.map((tag) => ({ name: tag })),
    associations: Object.fromEntries(
      photos.map((photo, position) => [
        `picture${position + 1}`,
        {
          type: 'picture',
          by: photoCreditText(photo, page),
          descriptions: [{ role: 'caption', value: figureCaption(article.body, photo.id) }],
          renditions: photo.renditions.map((rendition) => ({
            href: rendition.src,
            contenttype: rendition.type,
            width: rendition.width,
          })),
          rightsinfo: [{ langid: 'vi', linkedrights: photo.usageTerms, encodedrights: photo.copyright }],
        },
      ]),
    ),
    rightsinfo: [{ langid: 'vi', encodedrights: byline }],
  };
}
