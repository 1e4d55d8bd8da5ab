import type { Api } from '../../../shared/api/contract';
import type { MenuCommand } from '../../../shared/api/methodNames';
import { createHttpClient } from './httpClient';

declare global {
  interface Window {
    /** Set by the desktop shell's preload; absent in the browser edition. */
    newsroom?: Api;
    /** Desktop only: commands from the application menu. */
    newsroomMenu?: { onCommand: (listener: (command: MenuCommand) => void) => void };
    /** Desktop only: the path of a file dropped on the page. */
    newsroomFiles?: { pathForFile: (file: File) => string };
    /** Desktop only: quitting asks the page to save what is pending first. */
    newsroomLifecycle?: { onFlushRequest: (handler: () => Promise<boolean>) => void };
  }
}

const tokenKey = 'newsroom.token';

/**
 * The browser edition passes its token in the address it prints; it is kept for this tab
 * (so a reload works) and removed from the address bar.
 */
function takeToken(): string | undefined {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(tokenKey, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(tokenKey) ?? undefined;
}

/**
 * A browser the server opened itself was given a one-time ticket instead of the token (argv
 * and history keep the address): the page exchanges it, once, and drops it from the address.
 */
export async function redeemTicket(): Promise<void> {
  const url = new URL(window.location.href);
  const ticket = url.searchParams.get('ticket');
  if (!ticket) return;
  url.searchParams.delete('ticket');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  try {
    const response = await fetch('/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ticket }),
    });
    const envelope = (await response.json()) as { ok: boolean; value?: { token?: unknown } };
    if (envelope.ok && typeof envelope.value?.token === 'string')
      sessionStorage.setItem(tokenKey, envelope.value.token);
  } catch {
    // No token then: the page says how to open it.
  }
}

export type Shell = 'desktop' | 'browser';

/** Where the page loads a photo rendition from (the core serves only ids and kinds it knows). */
export type PhotoUrl = (id: string, kind: 'thumb' | 'preview') => string;

export function createClient(): { api: Api; shell: Shell; photoUrl: PhotoUrl } | { error: 'no_token' } {
  if (window.newsroom)
    return { api: window.newsroom, shell: 'desktop', photoUrl: (id, kind) => `/media/${id}-${kind}.webp` };
  const token = takeToken();
  if (!token) return { error: 'no_token' };
  return {
    api: createHttpClient(token),
    shell: 'browser',
    photoUrl: (id, kind) => `/media/${token}/${id}-${kind}.webp`,
  };
}
