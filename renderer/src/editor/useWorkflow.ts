import { useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import type { Article, ArticleContent, ArticleStatus } from '../../../shared/article/article';
import type { Autosaver } from '../autosave/Autosaver';

export interface Workflow {
  status: ArticleStatus;
  history: Article['statusHistory'];
  /** Why the last move was refused (the desk's rule), until the next one. */
  error: ApiError | undefined;
  /** Saves what is pending, then moves the article; resolves with the new version, if it moved. */
  move: (to: ArticleStatus) => Promise<number | undefined>;
}

/** The article's place in the workflow, moved only after the text on screen is saved. */
export function useWorkflow(
  api: Api,
  article: Article,
  autosaver: Autosaver<ArticleContent>,
  userName: string,
): Workflow {
  const [status, setStatus] = useState(article.status);
  const [history, setHistory] = useState(article.statusHistory);
  const [error, setError] = useState<ApiError>();
  const move = async (to: ArticleStatus): Promise<number | undefined> => {
    setError(undefined);
    const state = await autosaver.flush();
    if (!state && autosaver.hasUnsaved) return undefined;
    const result = await api['articles.setStatus']({ id: article.id, baseVersion: autosaver.version, status: to });
    if (!result.ok) {
      setError(result.error);
      return undefined;
    }
    autosaver.rebase(result.value.version);
    setHistory((list) => [...list, { from: status, to, at: result.value.updatedAt, by: userName }]);
    setStatus(to);
    return result.value.version;
  };
  return { status, history, error, move };
}
