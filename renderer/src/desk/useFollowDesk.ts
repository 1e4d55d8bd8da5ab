import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ArticleSummary } from '../../../shared/article/article';
import type { DeskStatus } from '../../../shared/desk/status';
import type { Settings } from '../../../shared/settings/settings';
import type { EditorHandle } from '../editor/ArticleWorkspace';

interface Follow {
  api: Api;
  status: DeskStatus | undefined;
  currentId: number | undefined;
  editorRef: RefObject<EditorHandle | null>;
  /** The archive list's loaded pages, read again; resolves with them. */
  reloadList: () => Promise<ArticleSummary[]>;
  setSettings: (settings: Settings) => void;
  /** The open article changed on the desk and nothing typed here waits: load it again. */
  reloadOpen: () => void;
}

/**
 * After each sync round that brought something (not at start: the app has just loaded them):
 * the archive list's loaded pages and the settings as they are now (others' stories, the desk's settings), and
 * the open article loaded again when the desk changed it. Text typed here and not yet saved is
 * saved first; if it clashes, the editor's conflict banner says so.
 */
export function useFollowDesk({ api, status, currentId, editorRef, reloadList, setSettings, reloadOpen }: Follow) {
  // undefined until the core answered: what it had received by then is what the app loaded.
  const received = status === undefined ? undefined : status.joined ? status.receivedAt : null;
  const atStart = useRef<string | null | undefined>(undefined);
  const current = useRef(currentId);
  const actions = useRef({ reloadList, setSettings, reloadOpen });
  useEffect(() => {
    current.current = currentId;
    actions.current = { reloadList, setSettings, reloadOpen };
  });
  useEffect(() => {
    if (received === undefined) return;
    if (atStart.current === undefined) {
      atStart.current = received;
      return;
    }
    if (!received || received === atStart.current) return;
    let live = true;
    void (async () => {
      const [list, settings] = await Promise.all([actions.current.reloadList(), api['settings.get']({})]);
      if (!live) return;
      if (settings.ok) actions.current.setSettings(settings.value);
      const id = current.current;
      // A change the desk brought is the newest: the open article is on the first page, unless filtered out.
      let open: ArticleSummary | undefined = list.find((article) => article.id === id);
      if (!open && id !== undefined) {
        const read = await api['articles.get']({ id });
        open = read.ok ? read.value : undefined;
      }
      const editor = editorRef.current;
      // Newer in the archive than the text on screen is based on: the desk brought a change.
      if (!open || !editor || open.version <= editor.version()) return;
      const state = await editor.flush();
      if (live && state.kind === 'saved') actions.current.reloadOpen();
    })();
    return () => {
      live = false;
    };
  }, [api, received, editorRef]);
}
