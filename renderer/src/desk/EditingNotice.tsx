import { useEffect, useRef, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { DeskEditor } from '../../../shared/desk/status';
import { useI18n } from '../i18n/I18nProvider';

/** How often an open article's "being edited by" mark is said again (it lapses two minutes after the last). */
const renewEveryMs = 60_000;

/**
 * While an article is open on a laptop that is on a desk, the desk is told so, again every
 * minute, and that it is closed when it is; the page shows who else has it open. Advisory: it
 * stops nobody, offline or not.
 */
export function EditingNotice({
  api,
  articleId,
  joined,
  syncedAt,
}: {
  api: Api;
  articleId: number;
  joined: boolean;
  /** The last sync round: a new article reaches the desk with one, and is said to be open then. */
  syncedAt: string | null;
}) {
  const { t } = useI18n();
  const [others, setOthers] = useState<DeskEditor[]>([]);
  const say = useRef<() => Promise<void>>(() => Promise.resolve());
  useEffect(() => {
    if (joined && syncedAt) void say.current();
  }, [joined, syncedAt]);
  useEffect(() => {
    if (!joined) return;
    let live = true;
    say.current = async () => {
      const result = await api['desk.editing']({ id: articleId, editing: true });
      if (live) setOthers(result.ok ? result.value : []);
    };
    void say.current();
    const timer = setInterval(() => void say.current(), renewEveryMs);
    return () => {
      live = false;
      say.current = () => Promise.resolve();
      clearInterval(timer);
      void api['desk.editing']({ id: articleId, editing: false });
    };
  }, [api, articleId, joined]);
  if (others.length === 0) return null;
  return (
    <p className="editing-notice" role="status" data-testid="editing-notice">
      {t('desk.editing', { user: [...new Set(others.map((other) => other.user))].join(', ') })}
    </p>
  );
}
