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
import { useArchiveList } from './archive/useArchiveList';
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
  const [currentId, setCurrentId] = useState<number>();
  const [problem, setProblem] = useState<Problem>();
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const search = useArchiveSearch(api);
  const { scope, status, section } = search.filters;
  const list = useArchiveList(api, { scope, status, section });
  const { put, touch } = list;
  const [tab, setTab] = useState<'articles' | 'photos'>('articles');
  const editorRef = useRef<EditorHandle>(null);
  const desk = useDesk(api);
  const [reloadOpen, setReloadOpen] = useState(0);
  useFollowDesk({
    api,
    status: desk.status,
    currentId,
    editorRef,
    reloadList: list.reload,
    setSettings,
    reloadOpen: () => setReloadOpen((n) => n + 1),
  });

  // Later changes to the list arrive through saves, creations and the desk. The article open
  // when the app was last closed opens again, wherever it is in the list.
  useEffect(() => {
    void api['settings.get']({}).then((result) => {
      if (result.ok) setSettings(result.value);
    });
    const last = Number(localStorage.getItem(lastArticleKey));
    if (Number.isSafeInteger(last) && last > 0)
      void api['articles.get']({ id: last }).then((result) => {
        if (result.ok) setCurrentId((id) => id ?? last);
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
      put(article);
      if (await leaveCurrent()) setCurrentId(article.id);
    },
    [leaveCurrent, put],
  );

  /** The copy kept after a conflict opens at once: the conflicting text is safe in it. */
  const openCopy = useCallback(
    (article: ArticleSummary) => {
      put(article);
      setProblem(undefined);
      setCurrentId(article.id);
    },
    [put],
  );

  const create = useCallback(async () => {
    if (!(await leaveCurrent())) return;
    const result = await api['articles.create']({});
    if (!result.ok) {
      setProblem({ key: 'archive.loadFailed', error: result.error });
      return;
    }
    put(result.value);
    setCurrentId(result.value.id);
  }, [api, leaveCurrent, put]);

  // The desktop app's menu: New article, Import photos…, and opening a document the main process imported.
  const [photoPick, setPhotoPick] = useState(0);
  const menuActions = useRef({ create, select, reloadList: list.reload });
  useEffect(() => {
    menuActions.current = { create, select, reloadList: list.reload };
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
        void menuActions.current.reloadList();
        setTab('articles');
        void menuActions.current.select(message.id);
      }
    });
  }, []);

  const onSaved = useCallback(
    (change: SavedChange) =>
      touch(change.id, {
        headline: change.headline,
        section: change.section,
        version: change.version,
        updatedAt: new Date().toISOString(),
        ...(change.status ? { status: change.status } : {}),
      }),
    [touch],
  );

  const shownProblem: Problem | undefined =
    problem ?? (list.failed ? { key: 'archive.loadFailed', error: list.failed } : undefined);

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
                sections={list.sections}
                onDesk={desk.status?.joined === true}
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
                  articles={list.articles}
                  currentId={currentId}
                  editors={desk.editors}
                  onSelect={(id) => void select(id)}
                  more={list.more}
                  onMore={list.loadMore}
                  narrowed={scope !== 'all' || status !== '' || section !== ''}
                />
              )}
            </>
          )}
        </nav>
        <main className="workspace">
          {shownProblem && (
            <p className="problem" role="alert" data-testid="problem">
              {t(shownProblem.key, {
                reason: shownProblem.error ? t(errorKey(shownProblem.error.code)) : t('save.unsaved'),
              })}
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
