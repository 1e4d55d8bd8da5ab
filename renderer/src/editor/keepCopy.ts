import type { Api } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import type { ArticleContent, ArticleSummary } from '../../../shared/article/article';

/**
 * The text on screen saved as a new article (its headline marked with `suffix`), so a save
 * refused for a conflict loses nothing. Resolves with the error, or undefined once it is kept.
 */
export async function keepAsNewArticle(
  api: Api,
  content: ArticleContent,
  suffix: string,
  onCopy: (article: ArticleSummary) => void,
): Promise<ApiError | undefined> {
  const created = await api['articles.create']({});
  if (!created.ok) return created.error;
  const copy = { ...content, headline: `${content.headline} ${suffix}`.trim().slice(0, 500) };
  const saved = await api['articles.save']({ id: created.value.id, baseVersion: created.value.version, ...copy });
  if (!saved.ok) return saved.error;
  onCopy({ ...created.value, headline: copy.headline, section: copy.section, version: saved.value.version });
  return undefined;
}
