import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { DeskEditor, DeskStatus } from '../../../shared/desk/status';

/** How often the page asks the core how the desk stands (the core syncs by itself; this only shows it). */
const statusEveryMs = 3_000;
/** How often it asks who else has this archive's articles open. */
const editorsEveryMs = 15_000;

export interface Desk {
  status: DeskStatus | undefined;
  /** When the status was read (ms since the epoch). */
  checkedAt: number;
  /** Others on the desk with an article of this archive open: by article id. */
  editors: Map<number, DeskEditor[]>;
  refresh: () => Promise<void>;
}

const noEditors = new Map<number, DeskEditor[]>();

/** The desk as the core sees it: joined or not, what waits, whether it is reachable; and who is editing what. */
export function useDesk(api: Api): Desk {
  const [read, setRead] = useState<{ status: DeskStatus; at: number }>();
  const [editors, setEditors] = useState(new Map<number, DeskEditor[]>());
  const refresh = useCallback(
    () =>
      api['desk.status']({}).then((result) => {
        if (result.ok) setRead({ status: result.value, at: Date.now() });
      }),
    [api],
  );
  const status = read?.status;
  const joined = status?.joined === true;
  // Asked once; then again every few seconds only while on a desk (off one, nothing changes by itself).
  useEffect(() => {
    void refresh();
    if (!joined) return;
    const timer = setInterval(() => void refresh(), statusEveryMs);
    return () => clearInterval(timer);
  }, [refresh, joined]);
  useEffect(() => {
    if (!joined) return;
    const ask = async () => {
      const result = await api['desk.editors']({});
      if (!result.ok) return;
      const byArticle = new Map<number, DeskEditor[]>();
      for (const editor of result.value) byArticle.set(editor.id, [...(byArticle.get(editor.id) ?? []), editor]);
      setEditors(byArticle);
    };
    void ask();
    const timer = setInterval(() => void ask(), editorsEveryMs);
    return () => clearInterval(timer);
  }, [api, joined]);
  return { status, checkedAt: read?.at ?? 0, editors: joined ? editors : noEditors, refresh };
}
