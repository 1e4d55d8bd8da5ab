import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/result';
import type { ArticleSummary } from '../../shared/article/article';
import type { Settings } from '../../shared/settings/settings';
import { defaultSettings } from '../../shared/settings/settings';
import { ArchiveList } from './archive/ArchiveList';
import { ImportButton } from './archive/ImportButton';
import { ArchiveFilterBar } from './archive/ArchiveFilterBar';
import { SearchResults } from './archive/SearchResults';
import { useArchiveSearch } from './archive/useArchiveSearch';
import type { Shell } from './client/createClient';
import { ArticlePane } from './editor/ArticlePane';
import type { EditorHandle, SavedChange } from './editor/ArticleWorkspace';
import { useI18n } from './i18n/I18nProvider';
import { errorKey, languages } from './i18n/messages';
import type { Language, MessageKey } from './i18n/messages';
import { PhotoLibrary } from './photos/PhotoLibrary';
import { SettingsPanel } from './SettingsPanel';
import { DeskStatusProvider } from './desk/DeskContext';
import { DeskDialog } from './desk/DeskDialog';
import { DeskIndicator } from './desk/DeskIndicator';
import { useDesk } from './desk/useDesk';
import { useFollowDesk } from './desk/useFollowDesk';

const lastArticleKey = 'newsroom.lastArticle';

interface Problem {
  key: MessageKey;
  error?: ApiError;
}

export function App({ api, shell }: { api: Api; shell: Shell }) {
  const { t, language, setLanguage } = useI18n();
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [currentId, setCurrentId] = useState<number>();
  const [problem, setProblem] = useState<Problem>();
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const search = useArchiveSearch(api);
  const [tab, setTab] = useState<'articles' | 'photos'>('articles');
  const editorRef = useRef<EditorHandle>(null);
  const desk = useDesk(api);
  const [reloadOpen, setReloadOpen] = useState(0);
  useFollowDesk({
    api,
    status: desk.status,
    currentId,
    editorRef,
    setArticles,
    setSettings,
    reloadOpen: () => setReloadOpen((n) => n + 1),
  });

  // The archive is listed once; later changes arrive through saves and creations.
  // The article open when the app was last closed opens again.
  useEffect(() => {
    void api['settings.get']({}).then((result) => {
      if (result.ok) setSettings(result.value);
    });
    void api['articles.list']({}).then((result) => {
      if (!result.ok) {
        setProblem({ key: 'archive.loadFailed', error: result.error });
        return;
      }
      setArticles(result.value);
      const last = Number(localStorage.getItem(lastArticleKey));
      if (result.value.some((article) => article.id === last)) setCurrentId(last);
    });
  }, [api]);

  useEffect(() => {
    if (currentId !== undefined) localStorage.setItem(lastArticleKey, String(currentId));
  }, [currentId]);

  /** Nothing typed is dropped by a switch: the open article is saved first, or stays open. */
  const leaveCurrent = useCallback(async (): Promise<boolean> => {
    const state = await editorRef.current?.flush();
    if (!state || state.kind === 'saved') {
      setProblem(undefined);
      return true;
    }
    setProblem({ key: 'editor.switchBlocked', error: state.kind === 'failed' ? state.error : undefined });
    return false;
  }, []);

  const select = useCallback(
    async (id: number) => {
      if (id !== currentId && (await leaveCurrent())) setCurrentId(id);
    },
    [currentId, leaveCurrent],
  );

  /** A new article (created or imported) goes to the top of the list and opens. */
  const opened = useCallback(
    async (article: ArticleSummary) => {
      setArticles((list) => [article, ...list]);
      if (await leaveCurrent()) setCurrentId(article.id);
    },
    [leaveCurrent],
  );

  /** The copy kept after a conflict opens at once: the conflicting text is safe in it. */
  const openCopy = useCallback((article: ArticleSummary) => {
    setArticles((list) => [article, ...list]);
    setProblem(undefined);
    setCurrentId(article.id);
  }, []);

  const create = useCallback(async () => {
    if (!(await leaveCurrent())) return;
    const result = await api['articles.create']({});
    if (!result.ok) {
      setProblem({ key: 'archive.loadFailed', error: result.error });
      return;
    }
    setArticles((list) => [result.value, ...list]);
    setCurrentId(result.value.id);
  }, [api, leaveCurrent]);

  // The desktop app's menu: New article, Import photos…, and opening a document the main process imported.
  const [photoPick, setPhotoPick] = useState(0);
  const menuActions = useRef({ create, select, reloadList: () => undefined as void });
  useEffect(() => {
    menuActions.current = {
      create,
      select,
      reloadList: () =>
        void api['articles.list']({}).then((result) => {
          if (result.ok) setArticles(result.value);
        }),
    };
  });
  useEffect(() => {
    // Quitting the desktop app waits for this: the open article's pending changes, committed.
    window.newsroomLifecycle?.onFlushRequest(async () => {
      const state = await editorRef.current?.flush();
      return !state || state.kind === 'saved';
    });
  }, []);
  useEffect(() => {
    window.newsroomMenu?.onCommand((message) => {
      if (message.command === 'new-article') void menuActions.current.create();
      else if (message.command === 'import-photos') {
        setTab('photos');
        setPhotoPick((n) => n + 1);
      } else {
        menuActions.current.reloadList();
        setTab('articles');
        void menuActions.current.select(message.id);
      }
    });
  }, []);

  const onSaved = useCallback((change: SavedChange) => {
    setArticles((list) => {
      const saved = list.find((article) => article.id === change.id);
      if (!saved) return list;
      const updated = {
        ...saved,
        headline: change.headline,
        section: change.section,
        status: change.status ?? saved.status,
        version: change.version,
        updatedAt: new Date().toISOString(),
      };
      return [updated, ...list.filter((article) => article.id !== change.id)];
    });
  }, []);

  return (
    <DeskStatusProvider value={desk.status}>
      <div className="app">
        <header className="app-header">
          <span className="app-title">{t('app.title')}</span>
          <SettingsPanel api={api} settings={settings} onSaved={setSettings} />
          <DeskIndicator status={desk.status} now={desk.checkedAt} />
          <DeskDialog
            api={api}
            status={desk.status}
            onChanged={() => void desk.refresh()}
            onOpenArticle={(id) => void select(id)}
          />
          <label className="language">
            {t('app.language')}{' '}
            <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
              {languages.map((code) => (
                <option key={code} value={code}>
                  {code === 'vi' ? 'Tiếng Việt' : 'English'}
                </option>
              ))}
            </select>
          </label>
        </header>
        <nav className="archive" aria-label={t('archive.title')}>
          <div className="pane-tabs" role="tablist">
            {(['articles', 'photos'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={tab === name}
                data-testid={`tab-${name}`}
                onClick={() => setTab(name)}
              >
                {t(`tabs.${name}`)}
              </button>
            ))}
          </div>
          {tab === 'photos' ? (
            <PhotoLibrary
              api={api}
              shell={shell}
              articleId={currentId}
              pickRequest={photoPick}
              onInsert={(photo) => editorRef.current?.insertPhoto(photo)}
            />
          ) : (
            <>
              <div className="archive-header">
                <h2>{t('archive.title')}</h2>
                <span className="archive-actions">
                  <ImportButton api={api} onImported={(article) => void opened(article)} />
                  <button type="button" className="primary" data-testid="new-article" onClick={() => void create()}>
                    {t('archive.new')}
                  </button>
                </span>
              </div>
              <input
                type="search"
                className="search-box"
                data-testid="search"
                aria-label={t('search.label')}
                placeholder={t('search.placeholder')}
                value={search.query}
                onChange={(event) => search.setQuery(event.target.value)}
              />
              <ArchiveFilterBar
                filters={search.filters}
                onChange={search.setFilters}
                sections={[
                  ...new Set(articles.map((article) => article.section).filter((section) => section !== '')),
                ].sort()}
              />
              {search.results ? (
                <SearchResults
                  found={search.results}
                  currentId={currentId}
                  onSelect={(id) => void select(id)}
                  onPage={search.showPage}
                />
              ) : (
                <ArchiveList
                  articles={articles.filter(search.listed)}
                  currentId={currentId}
                  editors={desk.editors}
                  onSelect={(id) => void select(id)}
                />
              )}
            </>
          )}
        </nav>
        <main className="workspace">
          {problem && (
            <p className="problem" role="alert" data-testid="problem">
              {t(problem.key, { reason: problem.error ? t(errorKey(problem.error.code)) : t('save.unsaved') })}
            </p>
          )}
          <ArticlePane
            api={api}
            shell={shell}
            articleId={currentId}
            settings={settings}
            onSaved={onSaved}
            onCopy={openCopy}
            reload={reloadOpen}
            onDesk={desk.status?.joined === true}
            syncedAt={desk.status?.joined ? desk.status.lastSyncedAt : null}
            ref={editorRef}
          />
        </main>
      </div>
    </DeskStatusProvider>
  );
}
