import type { Article, ArticleContent } from '../../../shared/article/article';
import type { ArticleMeta } from '../inspector/Inspector';
import type { EditedText } from './articleDocument';

/** The article without its text: what the inspector edits (these fields exactly, as a save sends them). */
const metaKeys = [
  'outletPrefix',
  'kind',
  'contributors',
  'section',
  'tags',
  'slug',
  'targetWords',
  'notes',
] as const satisfies readonly (keyof ArticleMeta)[];

export const metaOf = (article: Article): ArticleMeta =>
  Object.fromEntries(metaKeys.map((key) => [key, article[key]])) as unknown as ArticleMeta;

/** Contributors still being typed (no name yet) stay on screen but are not saved. */
export const toSave = (text: EditedText, meta: ArticleMeta): ArticleContent => ({
  ...text,
  ...meta,
  contributors: meta.contributors.filter((contributor) => contributor.name.trim() !== ''),
});
