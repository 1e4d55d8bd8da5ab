import { memo, useEffect, useState } from 'react';
import type { Ref } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import type { Article, ArticleSummary } from '../../../shared/article/article';
import type { Settings } from '../../../shared/settings/settings';
import type { Shell } from '../client/createClient';
import { useI18n } from '../i18n/I18nProvider';
import { errorKey } from '../i18n/messages';
import { DeskConflictBanner } from '../desk/DeskConflictBanner';
import { EditingNotice } from '../desk/EditingNotice';
import { ArticleWorkspace } from './ArticleWorkspace';
import type { EditorHandle, SavedChange } from './ArticleWorkspace';

interface Props {
  api: Api;
  shell: Shell;
  articleId: number | undefined;
  settings: Settings;
  onSaved: (change: SavedChange) => void;
  /** A copy of the text was kept as a new article (after a conflict): it opens. */
  onCopy: (article: ArticleSummary) => void;
  /** Bumped when the article changed on the desk and should be loaded again. */
  reload: number;
  /** Whether this laptop is on a desk (then others see who has the article open). */
  onDesk: boolean;
  /** When it last synced with the desk. */
  syncedAt: string | null;
  ref?: Ref<EditorHandle>;
}

type Loaded = { article: Article } | { error: ApiError } | undefined;

/** Loads the chosen article from the archive and mounts a fresh workspace for it. */
export const ArticlePane = memo(function ArticlePane({
  api,
  shell,
  articleId,
  settings,
  onSaved,
  onCopy,
  reload,
  onDesk,
  syncedAt,
  ref,
}: Props) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>();
  // Bumped to load the article again from the archive (after a restore, or to drop a conflicting text).
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    setLoaded(undefined);
    if (articleId === undefined) return;
    let current = true;
    void api['articles.get']({ id: articleId }).then((result) => {
      if (current) setLoaded(result.ok ? { article: result.value } : { error: result.error });
    });
    return () => {
      current = false;
    };
  }, [api, articleId, generation, reload]);

  if (articleId === undefined) return <p className="pane-message">{t('editor.none')}</p>;
  if (!loaded) return <p className="pane-message">{t('editor.loading')}</p>;
  if ('error' in loaded) {
    return (
      <p className="pane-message error" role="alert">
        {t('editor.loadFailed', { reason: t(errorKey(loaded.error.code)) })}
      </p>
    );
  }
  return (
    <>
      <EditingNotice api={api} articleId={loaded.article.id} joined={onDesk} syncedAt={syncedAt} />
      {onDesk && (
        <DeskConflictBanner
          api={api}
          articleId={loaded.article.id}
          generation={generation + reload}
          flush={async () => {
            const handle = ref && typeof ref === 'object' ? ref.current : null;
            const state = await handle?.flush();
            return !state || state.kind === 'saved';
          }}
          onResolved={() => setGeneration((n) => n + 1)}
        />
      )}
      <ArticleWorkspace
        key={`${loaded.article.id}:${loaded.article.version}`}
        api={api}
        shell={shell}
        article={loaded.article}
        settings={settings}
        onSaved={onSaved}
        onReload={() => setGeneration((n) => n + 1)}
        onCopy={onCopy}
        ref={ref}
      />
    </>
  );
});
