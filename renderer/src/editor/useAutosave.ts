import { useEffect, useMemo } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { Article, ArticleContent } from '../../../shared/article/article';
import { Autosaver } from '../autosave/Autosaver';
import type { Shell } from '../client/createClient';

/**
 * The article's autosaver: saves as the text changes, tells onSaved after each commit, and
 * saves what is pending when the page goes away (a reload, a closed tab) or the article is
 * closed. In the desktop shell the window stays open until that save returned.
 */
export function useAutosave(
  api: Api,
  article: Article,
  shell: Shell,
  onSaved: (content: ArticleContent, version: number) => void,
): Autosaver<ArticleContent> {
  const autosaver = useMemo(
    () =>
      new Autosaver<ArticleContent>({
        baseVersion: article.version,
        save: async (content, baseVersion) => api['articles.save']({ id: article.id, baseVersion, ...content }),
      }),
    [api, article],
  );
  useEffect(() => autosaver.subscribeSaved(onSaved), [autosaver, onSaved]);
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!autosaver.hasUnsaved) return;
      event.preventDefault();
      void autosaver.flush().then((saved) => {
        if (saved && shell === 'desktop') window.close();
      });
    };
    const onPageHide = () => void autosaver.flush();
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
      void autosaver.flush().finally(() => autosaver.dispose());
    };
  }, [autosaver, shell]);
  return autosaver;
}
