import { app, dialog, ipcMain, Menu, session, type BrowserWindow } from 'electron';
import { registerTillHandlers } from './ipc/handle';
import { resolveAppPaths } from './paths';
import { hardenSession, hardenWebContents } from './security/harden';
import { createSenderCheck, isRendererUrl } from './security/sender';
import { createTillCore } from './till/core';
import type { TillCore } from './till/till-core';
import { createMainWindow } from './window';

// The Electron shell: one window, one till core, one IPC handler per contract method.
// Everything with logic in it lives in plain modules that vitest covers without Electron.

// Before ready, so every renderer this process ever starts is sandboxed.
app.enableSandbox();

// Two copies of the app would run two sync loops against one SQLite file.
if (app.requestSingleInstanceLock()) {
  main().catch((error: unknown) => fail('Unitill could not start', error));
} else {
  app.quit();
}

async function main(): Promise<void> {
  const paths = resolveAppPaths({
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
  });
  const urlOptions = { indexUrl: paths.indexUrl, caseInsensitive: process.platform === 'win32' };
  let mainWindow: BrowserWindow | undefined;

  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, (url) => isRendererUrl(url, urlOptions)),
  );
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  hardenSession(session.defaultSession);
  // The default menu offers reload and developer tools; a till in a shop needs neither.
  if (app.isPackaged) Menu.setApplicationMenu(null);

  const dataDir = app.getPath('userData');
  let core: TillCore;
  try {
    core = await createTillCore({ dataDir, migrationsFolder: paths.migrationsFolder });
  } catch (error) {
    // Name the folder: it is the first thing support asks for.
    throw new Error(`The till data in ${dataDir} could not be opened: ${String(error)}`);
  }
  closeOnQuit(core);

  registerTillHandlers({
    ipc: ipcMain,
    core,
    isTrustedSender: createSenderCheck({
      ...urlOptions,
      isOwnWebContents: (id) =>
        mainWindow !== undefined && !mainWindow.isDestroyed() && mainWindow.webContents.id === id,
    }),
    warn: (message) => console.warn(`[ipc] ${message}`),
  });

  mainWindow = createMainWindow(paths, { devTools: !app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  await mainWindow.loadFile(paths.indexHtml).catch((error: unknown) => {
    throw new Error(
      `${paths.indexHtml} did not load (run npm run build:renderer?): ${String(error)}`,
    );
  });
}

// SQLite and the sync loop need an orderly close; Electron will not wait for a promise, so
// hold every quit until the core has closed, then quit for real. A core that never finishes
// closing must not leave a till that cannot be shut down, hence the time limit.
const CLOSE_TIMEOUT_MS = 5_000;

function closeOnQuit(core: TillCore): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    const timeLimit = new Promise<void>((done) => setTimeout(done, CLOSE_TIMEOUT_MS).unref());
    void Promise.race([core.close(), timeLimit])
      .catch((error: unknown) => console.error('[till] close failed', error))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

function fail(title: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`${title}: ${message}`);
  // A dialog, because a till usually has no terminal to read the log from.
  dialog.showErrorBox(title, message);
  app.exit(1);
}
