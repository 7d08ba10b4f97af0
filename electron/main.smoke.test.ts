import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../shared/contract/result';
import { TILL_METHODS } from '../shared/contract/till-api';
import { bundles } from '../scripts/build-electron';

// Electron cannot start on our build machines, so this runs the real main bundle (built with
// the real build options) under Node, with a stand-in 'electron' module and the real till
// core on a real SQLite file. It proves the wiring a user depends on: the window is locked
// down, the till answers through IPC, strangers are refused, quitting closes the database.

const ROOT = resolve(import.meta.dirname, '..');
const INDEX_URL = pathToFileURL(join(ROOT, 'dist/renderer/index.html')).href;
const requireFromRoot = createRequire(join(ROOT, 'package.json'));
let bundleDir = '';
let bundleFile = '';

type Listener = (event: unknown, input: unknown) => Promise<Result<unknown>>;
type Preventable = { preventDefault(): void };

class FakeWindow extends EventEmitter {
  static all: FakeWindow[] = [];
  readonly webContents = { id: 1 };
  loaded: string | undefined;
  shown = false;
  constructor(
    readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>,
  ) {
    super();
    FakeWindow.all.push(this);
  }
  loadFile(file: string): Promise<void> {
    this.loaded = file;
    this.emit('loaded');
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  isMinimized = () => false;
  isDestroyed = () => false;
  restore = () => undefined;
  focus = () => undefined;
}

function startMain(options: { userData: string; singleInstance?: boolean }) {
  FakeWindow.all = [];
  const handlers = new Map<string, Listener>();
  const errors: string[] = [];
  const exits: number[] = [];
  let quits = 0;
  let permissionHandler:
    ((contents: unknown, permission: string, done: (ok: boolean) => void) => void) | undefined;
  const app = Object.assign(new EventEmitter(), {
    enableSandbox: () => undefined,
    requestSingleInstanceLock: () => options.singleInstance ?? true,
    whenReady: () => Promise.resolve(),
    getPath: () => options.userData,
    getAppPath: () => ROOT,
    isPackaged: false,
    quit() {
      quits += 1;
      let prevented = false;
      const event: Preventable = { preventDefault: () => (prevented = true) };
      app.emit('will-quit', event);
      return prevented;
    },
    exit: (code: number) => exits.push(code),
  });
  const fakeElectron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: (title: string, message: string) => errors.push(`${title}: ${message}`),
    },
    ipcMain: {
      handle(channel: string, listener: Listener) {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, listener);
      },
    },
    Menu: { setApplicationMenu: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof permissionHandler) =>
          (permissionHandler = handler),
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
        webRequest: { onHeadersReceived: () => undefined },
      },
    },
  };
  const electronPath = requireFromRoot.resolve('electron');
  const stub = new Module(electronPath);
  stub.exports = fakeElectron;
  stub.loaded = true;
  requireFromRoot.cache[electronPath] = stub;
  delete requireFromRoot.cache[bundleFile];
  requireFromRoot(bundleFile);
  const settled = new Promise<void>((done) => {
    const poll = setInterval(() => {
      if (FakeWindow.all[0]?.loaded || exits.length > 0 || quits > 0) {
        clearInterval(poll);
        done();
      }
    }, 5);
  });
  const call = (method: string, input: unknown, url = INDEX_URL, senderId = 1) => {
    const listener = handlers.get(`till:${method}`);
    if (!listener) throw new Error(`no handler for ${method}`);
    return listener({ senderFrame: { url, parent: null }, sender: { id: senderId } }, input);
  };
  return {
    settled,
    handlers,
    errors,
    exits,
    call,
    quit: () => app.quit(),
    askPermission: (permission: string) =>
      new Promise<boolean>((done) => permissionHandler?.(undefined, permission, done)),
  };
}

beforeAll(async () => {
  // Inside node_modules so the bundle's require('better-sqlite3') resolves as it does in the app.
  const cache = join(ROOT, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  bundleDir = mkdtempSync(join(cache, 'unitill-main-smoke-'));
  bundleFile = join(bundleDir, 'main.cjs');
  const main = bundles[0];
  if (!main) throw new Error('no main bundle');
  await build({ ...main.options, outfile: bundleFile, sourcemap: false, logLevel: 'silent' });
});

afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

describe('the built main process', () => {
  it('opens one locked-down window, answers the till over IPC and closes the database on quit', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'unitill-userdata-'));
    const main = startMain({ userData });
    await main.settled;

    const window = FakeWindow.all[0];
    expect(window?.loaded).toBe(join(ROOT, 'dist/renderer/index.html'));
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: join(ROOT, 'dist-electron/preload.cjs'),
    });
    expect([...main.handlers.keys()].sort()).toEqual(TILL_METHODS.map((m) => `till:${m}`).sort());

    expect(await main.call('till:status', undefined)).toMatchObject({
      ok: true,
      value: { enrolled: false },
    });
    expect(await main.call('till:status', {}, 'https://evil.example/')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await main.call('session:signIn', { username: 'tendai', pin: '12' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'pin' },
    });
    expect(await main.askPermission('media')).toBe(false);

    // SQLite keeps a write-ahead log beside an open database and removes it on a clean close.
    const openLogs = () => readdirSync(userData).filter((name) => name.endsWith('-wal'));
    expect(openLogs()).not.toEqual([]);
    // The first quit is held while the core closes, then the app quits for real.
    expect(main.quit()).toBe(true);
    await new Promise((done) => setTimeout(done, 50));
    expect(openLogs()).toEqual([]);
    expect(main.quit()).toBe(false);
    rmSync(userData, { recursive: true, force: true });
  });

  it('does nothing but quit when another Unitill is already running', async () => {
    const main = startMain({ userData: join(tmpdir(), 'unused'), singleInstance: false });
    await main.settled;
    expect(FakeWindow.all).toEqual([]);
    expect(main.handlers.size).toBe(0);
  });

  it('tells the user which data folder failed instead of opening a blank window', async () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'unitill-blocked-')), 'not-a-folder');
    writeFileSync(blocker, 'a file where the data folder should be');
    const main = startMain({ userData: join(blocker, 'Unitill') });
    await main.settled;
    expect(main.exits).toEqual([1]);
    expect(main.errors).toEqual([expect.stringContaining(join(blocker, 'Unitill'))]);
    expect(FakeWindow.all).toEqual([]);
  });
});
