// Who may talk to the till over IPC: only the top frame of our own window, showing our own
// renderer from disk. A page that got into the window some other way (a navigation we failed
// to block, an injected iframe, a second window) must not reach the till core.

/** The parts of Electron's WebFrameMain the check reads; tests pass plain objects. */
export type SenderFrame = { url: string; parent: unknown };

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export type SenderEvent = { senderFrame: SenderFrame | null; sender: { id: number } };

export type RendererUrlOptions = {
  /** file:// URL of dist/renderer/index.html, from pathToFileURL. */
  indexUrl: string;
  /** Windows paths are case-insensitive; a drive letter may come back in either case. */
  caseInsensitive?: boolean;
};

/**
 * True when `url` is our renderer's index.html on disk. Query and hash are ignored (the
 * renderer may route with the hash); everything else must match, after URL normalisation
 * has resolved any `..` and percent-encoding.
 */
export function isRendererUrl(url: string, options: RendererUrlOptions): boolean {
  const actual = parseFileUrl(url);
  const expected = parseFileUrl(options.indexUrl);
  if (!actual || !expected || actual.host !== expected.host) return false;
  const fold = (path: string) => (options.caseInsensitive ? path.toLowerCase() : path);
  return fold(actual.pathname) === fold(expected.pathname);
}

function parseFileUrl(url: string): { host: string; pathname: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'file:') return null;
  try {
    // Compare decoded paths so %2E%2E or a differently encoded space cannot slip past.
    return { host: parsed.host, pathname: decodeURIComponent(parsed.pathname) };
  } catch {
    return null;
  }
}

export type SenderCheckOptions = RendererUrlOptions & {
  /** True for the webContents of our one main window (compared by id). */
  isOwnWebContents: (webContentsId: number) => boolean;
};

/** Builds the predicate the IPC handlers ask before touching their input. */
export function createSenderCheck(options: SenderCheckOptions): (event: SenderEvent) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    // A null frame has navigated away or been destroyed since it sent: nothing to trust.
    if (!frame) return false;
    // Subframes never need the till; refusing them keeps an injected iframe powerless.
    if (frame.parent !== null) return false;
    if (!options.isOwnWebContents(event.sender.id)) return false;
    return isRendererUrl(frame.url, options);
  };
}
