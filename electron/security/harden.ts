import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/security';

// Electron's security checklist, applied in one place: no permissions, no new windows, no
// navigation away from our renderer, no <webview>, and the same CSP as browser mode.

export function hardenSession(session: Session): void {
  // A till needs no camera, geolocation, notifications, USB or serial from the page; the
  // printer is driven from the main process.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // index.html carries the same policy in a <meta> tag, and that is the layer we rely on:
  // whether webRequest sees file:// responses has varied between Electron versions. Where it
  // does, the header also brings frame-ancestors, which a meta tag cannot set.
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withCsp(details.responseHeaders) }),
  );
}

/** Adds our policy next to any the response already had: browsers enforce every policy. */
export function withCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const policies: string[] = [];
  for (const [name, values] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') policies.push(...values);
    else result[name] = values;
  }
  result['Content-Security-Policy'] = [...policies, CONTENT_SECURITY_POLICY];
  return result;
}

type Preventable = { preventDefault(): void };
type Navigation = Preventable & { url: string; isMainFrame: boolean };

/** The parts of Electron's WebContents we lock down; WebContents itself fits. */
export type LockableContents = {
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
  on(
    event: 'will-frame-navigate' | 'will-redirect',
    listener: (event: Navigation) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
};

/** Applied to every webContents the app creates, so a window we forgot is still locked. */
export function hardenWebContents(
  contents: LockableContents,
  isRendererUrl: (url: string) => boolean,
): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event, isRendererUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event, isRendererUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Only the top frame, and only to our own index.html (a reload); never a subframe. */
export function isAllowedNavigation(
  navigation: { url: string; isMainFrame: boolean },
  isRendererUrl: (url: string) => boolean,
): boolean {
  return navigation.isMainFrame && isRendererUrl(navigation.url);
}
