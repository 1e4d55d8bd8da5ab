// The app's own address, newsroom://app/…, and the decisions made from a URL. Plain
// functions (no Electron), so they are tested under Node with real URLs.
//
// Node's URL gives origin "null" for every scheme it does not know, newsroom: included, so
// an address is ours by its scheme and host, never by comparing origins.

export const appScheme = 'newsroom';
export const appHost = 'app';
export const appOrigin = `${appScheme}://${appHost}`;

/** The path of a URL of the app's own (newsroom://app/…, no user, password or port), else undefined. */
export function appPath(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const ours =
    parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.username === '' && parsed.password === '';
  return ours ? parsed.pathname : undefined;
}

export const isAppUrl = (url: string): boolean => appPath(url) !== undefined;

/** The window may only ever show the app's own pages. */
export const mayNavigate = (url: string): boolean => isAppUrl(url);

/**
 * A frame inside the page (the export preview is one, written with srcdoc) may hold only that
 * written content or the app's own pages: a link in a previewed article never loads the web.
 */
export const mayNavigateFrame = (url: string, isMainFrame: boolean): boolean =>
  isMainFrame ? mayNavigate(url) : url === 'about:srcdoc' || url === 'about:blank' || isAppUrl(url);

/** window.open never opens a window: a web or mail link goes to the system's browser or mail program. */
export function windowOpenAction(url: string): 'open-externally' | 'deny' {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:' ? 'open-externally' : 'deny';
  } catch {
    return 'deny';
  }
}

export interface IpcSender {
  /** The call came from the app window's own web contents. */
  fromAppWindow: boolean;
  /** …from its main frame, not an iframe. */
  fromMainFrame: boolean;
  /** The URL of the frame that called (undefined when the frame is gone). */
  frameUrl: string | undefined;
}

/** Only the app window's main frame, showing the app's own page, may call the core. */
export const mayCallCore = (sender: IpcSender): boolean =>
  sender.fromAppWindow && sender.fromMainFrame && sender.frameUrl !== undefined && isAppUrl(sender.frameUrl);
