import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/result';
import type { ArticleStatus, ArticleSummary } from '../../shared/article/article';
import { articleStatuses } from '../../shared/article/article';
import type { SearchPage } from '../../shared/search/results';
import type { Settings } from '../../shared/settings/settings';
import { defaultSettings } from '../../shared/settings/settings';
import { ArchiveList } from './archive/ArchiveList';
import { ImportButton } from './archive/ImportButton';
import { SearchResults } from './archive/SearchResults';
import type { Shell } from './client/createClient';
import { ArticlePane } from './editor/ArticlePane';
import type { EditorHandle, SavedChange } from './editor/ArticleWorkspace';
import { useI18n } from './i18n/I18nProvider';
import { errorKey, languages, statusKey } from './i18n/messages';
import type { Language, MessageKey } from './i18n/messages';
import { peopleListId } from './people/People';
import { PhotoLibrary } from './photos/PhotoLibrary';
import { SettingsPanel } from './SettingsPanel';

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
  const [statusFilter, setStatusFilter] = useState<ArticleStatus | ''>('');
  const [sectionFilter, setSectionFilter] = useState('');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<SearchPage>();
  const [tab, setTab] = useState<'articles' | 'photos'>('articles');
  const [missingCredit, setMissingCredit] = useState(false);
  const [contributor, setContributor] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const editorRef = useRef<EditorHandle>(null);

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

  // Searches a quarter second after typing stops in the search box.
  const runSearch = useCallback(
    async (text: string, page = 1) => {
      const result = await api['articles.search']({
        query: text,
        page,
        status: statusFilter || undefined,
        section: sectionFilter || undefined,
        missingPhotoCredit: missingCredit || undefined,
        contributor: contributor.trim() || undefined,
        from: from || undefined,
        to: to || undefined,
      });
      if (result.ok) setFound(result.value);
    },
    [api, statusFilter, sectionFilter, missingCredit, contributor, from, to],
  );
  useEffect(() => {
    if (query.trim() === '') return;
    const timer = setTimeout(() => void runSearch(query), 250);
    return () => clearTimeout(timer);
  }, [query, runSearch]);
  const shownResults = query.trim() === '' ? undefined : found;

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
    <div className="app">
      <header className="app-header">
        <span className="app-title">{t('app.title')}</span>
        <SettingsPanel api={api} settings={settings} onSaved={setSettings} />
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
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
            <div className="archive-filters">
              <select
                aria-label={t('archive.filterStatus')}
                data-testid="filter-status"
                value={statusFilter}
                onChange={(event) => setStatusFilter(event.target.value as ArticleStatus | '')}
              >
                <option value="">{t('archive.allStatuses')}</option>
                {articleStatuses.map((status) => (
                  <option key={status} value={status}>
                    {t(statusKey(status))}
                  </option>
                ))}
              </select>
              <select
                aria-label={t('archive.filterSection')}
                data-testid="filter-section"
                value={sectionFilter}
                onChange={(event) => setSectionFilter(event.target.value)}
              >
                <option value="">{t('archive.allSections')}</option>
                {[...new Set(articles.map((article) => article.section).filter((section) => section !== ''))]
                  .sort()
                  .map((section) => (
                    <option key={section} value={section}>
                      {section}
                    </option>
                  ))}
              </select>
              <input
                className="filter-contributor"
                data-testid="filter-contributor"
                aria-label={t('archive.filterContributor')}
                placeholder={t('archive.filterContributor')}
                list={peopleListId}
                value={contributor}
                onChange={(event) => setContributor(event.target.value)}
              />
              <label className="filter-date">
                {t('archive.from')}{' '}
                <input
                  type="date"
                  data-testid="filter-from"
                  value={from}
                  onChange={(event) => setFrom(event.target.value)}
                />
              </label>
              <label className="filter-date">
                {t('archive.to')}{' '}
                <input type="date" data-testid="filter-to" value={to} onChange={(event) => setTo(event.target.value)} />
              </label>
              <label className="filter-check">
                <input
                  type="checkbox"
                  data-testid="filter-missing-credit"
                  checked={missingCredit}
                  onChange={(event) => setMissingCredit(event.target.checked)}
                />{' '}
                {t('archive.missingPhotoCredit')}
              </label>
            </div>
            {shownResults ? (
              <SearchResults
                found={shownResults}
                currentId={currentId}
                onSelect={(id) => void select(id)}
                onPage={(page) => void runSearch(query, page)}
              />
            ) : (
              <ArchiveList
                articles={articles.filter(
                  (article) =>
                    (statusFilter === '' || article.status === statusFilter) &&
                    (sectionFilter === '' || article.section === sectionFilter),
                )}
                currentId={currentId}
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
          ref={editorRef}
        />
      </main>
    </div>
  );
}
