import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { TILL_METHODS } from '../shared/contract/till-api';
import { bundles } from '../scripts/build-electron';

// The real preload bundle, run the way a sandboxed renderer runs it: in a fresh JavaScript
// context whose require() knows only 'electron'. No __filename, no module, no Node built-ins.
// A preload that breaks here would leave window.till undefined in the app.

let code = '';

const isFunction = (value: unknown): value is (...args: unknown[]) => unknown =>
  typeof value === 'function';

beforeAll(async () => {
  const preload = bundles[1];
  if (!preload) throw new Error('no preload bundle');
  const result = await build({
    ...preload.options,
    write: false,
    sourcemap: false,
    logLevel: 'silent',
  });
  code = result.outputFiles[0]?.text ?? '';
});

function runPreload() {
  const exposed = new Map<string, unknown>();
  const invocations: unknown[][] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        invocations.push(args);
        return Promise.resolve({ ok: true, value: null });
      },
    },
  };
  const sandboxRequire = (name: string) => {
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name}`);
  };
  const wrapped: unknown = runInNewContext(`(function (require) {\n${code}\n})`, {});
  if (!isFunction(wrapped)) throw new Error('preload did not compile');
  wrapped(sandboxRequire);
  return { exposed, invocations };
}

describe('the built preload', () => {
  it('exposes only window.till, with one function per contract method', () => {
    const { exposed } = runPreload();
    expect([...exposed.keys()]).toEqual(['till']);
    const till = exposed.get('till');
    expect(Object.keys(till ?? {}).sort()).toEqual(
      TILL_METHODS.map((m) => m.replaceAll(':', '_')).sort(),
    );
  });

  it('sends session_signIn down the session:signIn channel', async () => {
    const { exposed, invocations } = runPreload();
    const till = exposed.get('till');
    const signIn: unknown =
      till && typeof till === 'object'
        ? Object.getOwnPropertyDescriptor(till, 'session_signIn')?.value
        : undefined;
    if (!isFunction(signIn)) throw new Error('no session_signIn');
    await signIn({ username: 'tendai', pin: '1234' });
    expect(invocations).toEqual([['till:session:signIn', { username: 'tendai', pin: '1234' }]]);
  });
});
