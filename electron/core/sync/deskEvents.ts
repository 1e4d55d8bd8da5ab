/** The desk's event stream as the laptop hears it: "something changed", and the stream's end. */
export interface DeskEventHandlers {
  changed: () => void;
  /** The stream failed, ended, or fell silent (no keep-alive for `silentMs`). */
  ended: () => void;
}

/**
 * Listens to /api/events. The desk sends a keep-alive every 25 s, so a stream silent for
 * longer than `silentMs` is a dead connection (a laptop's network changed under it): it is
 * closed and ended, and the caller reconnects.
 */
export function listenToDesk(
  url: string,
  token: string,
  handlers: DeskEventHandlers,
  silentMs = 60_000,
): { close: () => void } {
  const abort = new AbortController();
  let done = false;
  let silence: ReturnType<typeof setTimeout> | undefined;
  const end = () => {
    if (done) return;
    done = true;
    clearTimeout(silence);
    abort.abort();
    handlers.ended();
  };
  const heard = () => {
    clearTimeout(silence);
    silence = setTimeout(end, silentMs);
    silence.unref();
  };
  void (async () => {
    try {
      heard();
      const response = await fetch(new URL('/api/events', url), {
        headers: { Authorization: `Bearer ${token}` },
        signal: abort.signal,
      });
      if (!response.ok || !response.body) return end();
      const decoder = new TextDecoder();
      let pending = '';
      for await (const chunk of response.body) {
        heard();
        pending += decoder.decode(chunk as Uint8Array, { stream: true });
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        if (lines.some((line) => line === 'event: change')) handlers.changed();
      }
    } catch {
      // Aborted, refused or cut: ended below.
    }
    end();
  })();
  return {
    close: () => {
      done = true;
      clearTimeout(silence);
      abort.abort();
    },
  };
}
