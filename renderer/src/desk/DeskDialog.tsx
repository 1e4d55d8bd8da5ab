import { useEffect, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import type { DeskNews, DeskStatus } from '../../../shared/desk/status';
import { useI18n } from '../i18n/I18nProvider';
import { errorKey } from '../i18n/messages';
import { refusalKey, roleKey } from './deskWords';

/**
 * The desk, in a dialog of its own: join it (address, user name, password; the password goes to
 * the desk once and the device token stays in the core), or see as whom this laptop is signed
 * in, sync now, and sign out.
 */
export function DeskDialog({
  api,
  status,
  onChanged,
  onOpenArticle,
}: {
  api: Api;
  status: DeskStatus | undefined;
  onChanged: () => void;
  onOpenArticle: (id: number) => void;
}) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const [news, setNews] = useState<{ items: DeskNews[]; unseen: number }>({ items: [], unseen: 0 });
  const received = status?.joined ? status.receivedAt : null;
  // After each round that brought something, what others did to my articles ("while you were away").
  useEffect(() => {
    if (!received) return;
    void api['desk.news']({}).then((result) => {
      if (result.ok) setNews(result.value);
    });
  }, [api, received]);
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<ApiError>();
  const act = async (work: () => Promise<{ ok: true } | { ok: false; error: ApiError }>) => {
    setBusy(true);
    setFailed(undefined);
    const result = await work();
    setBusy(false);
    if (!result.ok) setFailed(result.error);
    onChanged();
    return result.ok;
  };
  return (
    <>
      <button
        type="button"
        className="secondary"
        data-testid="open-desk"
        onClick={() => {
          setOpen(true);
          // Shown as new this once; read from now on.
          if (news.unseen > 0) {
            void api['desk.newsSeen']({});
            setNews((shown) => ({ ...shown, unseen: 0 }));
          }
        }}
      >
        {news.unseen > 0 ? t('desk.openWithNews', { count: String(news.unseen) }) : t('desk.open')}
      </button>
      {open && (
        <dialog open className="desk-dialog" data-testid="desk-dialog" aria-labelledby="desk-dialog-title">
          <h2 id="desk-dialog-title">{t('desk.title')}</h2>
          {status?.joined ? (
            <div className="desk-joined">
              <p data-testid="desk-signed-in">
                {t('desk.signedInAs', { user: status.user, role: t(roleKey(status.role)) })}
              </p>
              <p className="desk-url">{status.url}</p>
              {news.items.length > 0 && (
                <section className="desk-news" data-testid="desk-news">
                  <h3>{t('deskNews.title')}</h3>
                  <ol>
                    {news.items.map((item) => (
                      <li key={item.id} className={item.seen ? undefined : 'desk-news-new'}>
                        <button
                          type="button"
                          className="link-button"
                          data-testid="desk-news-item"
                          onClick={() => {
                            setOpen(false);
                            onOpenArticle(item.articleId);
                          }}
                        >
                          {t(`deskNews.${item.kind}`, {
                            by: item.by,
                            headline: item.headline || t('archive.untitled'),
                          })}
                        </button>{' '}
                        <time dateTime={item.at}>
                          {new Date(item.at).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB')}
                        </time>
                      </li>
                    ))}
                  </ol>
                </section>
              )}
              {status.refusals.length > 0 && (
                <ul className="desk-refusals" data-testid="desk-refusals">
                  {status.refusals.slice(0, 10).map((refusal) => (
                    <li key={`${refusal.articleId}-${refusal.at}`}>{t(refusalKey(refusal.rule))}</li>
                  ))}
                </ul>
              )}
              <button
                type="button"
                className="primary"
                data-testid="desk-sync"
                disabled={busy}
                onClick={() => void act(() => api['desk.sync']({}))}
              >
                {t('desk.syncNow')}
              </button>
              <button
                type="button"
                className="secondary"
                data-testid="desk-leave"
                disabled={busy}
                onClick={() => void act(() => api['desk.leave']({}))}
              >
                {t('desk.leave')}
              </button>
            </div>
          ) : (
            <form
              className="desk-join"
              data-testid="desk-join"
              onSubmit={(event) => {
                event.preventDefault();
                void act(() => api['desk.join']({ url: url.trim(), user, password })).then((joined) => {
                  if (joined) setPassword('');
                });
              }}
            >
              <label>
                {t('desk.url')}
                <input
                  data-testid="desk-url"
                  type="url"
                  required
                  placeholder="https://toasoan.example:4790"
                  value={url}
                  onChange={(event) => setUrl(event.target.value)}
                />
              </label>
              <label>
                {t('desk.user')}
                <input
                  data-testid="desk-user"
                  required
                  autoComplete="username"
                  value={user}
                  onChange={(event) => setUser(event.target.value)}
                />
              </label>
              <label>
                {t('desk.password')}
                <input
                  data-testid="desk-password"
                  type="password"
                  required
                  autoComplete="current-password"
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                />
              </label>
              <button type="submit" className="primary" data-testid="desk-join-submit" disabled={busy}>
                {busy ? t('desk.joining') : t('desk.join')}
              </button>
            </form>
          )}
          {failed && (
            <p className="error" role="alert" data-testid="desk-error" title={failed.message}>
              {t(errorKey(failed.code))}
            </p>
          )}
          <button type="button" className="secondary" data-testid="desk-close" onClick={() => setOpen(false)}>
            {t('desk.close')}
          </button>
        </dialog>
      )}
    </>
  );
}
