import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract/result';
import { TILL_METHODS } from '../../shared/contract/till-api';
import { createSenderCheck, type SenderEvent } from '../security/sender';
import { registerTillHandlers } from './handle';

// The main-process gate, driven the way Electron drives it: a fake ipcMain that records
// handlers (and, like the real one, refuses a second handler on a channel), a fake core that
// records calls, and events shaped like IpcMainInvokeEvent.

const INDEX_URL = 'file:///opt/Unitill/resources/app.asar/dist/renderer/index.html';
const WINDOW_ID = 7;

type Listener = (event: SenderEvent, input: unknown) => Promise<Result<unknown>>;

function setup(
  answer: () => Promise<Result<unknown>> = () => Promise.resolve({ ok: true, value: 'from core' }),
) {
  const handlers = new Map<string, Listener>();
  const calls: { method: string; input: unknown }[] = [];
  const warnings: string[] = [];
  const channels = registerTillHandlers<SenderEvent>({
    ipc: {
      handle(channel, listener) {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, listener);
      },
    },
    core: {
      call(method, input) {
        calls.push({ method, input });
        return answer();
      },
    },
    isTrustedSender: createSenderCheck({
      indexUrl: INDEX_URL,
      isOwnWebContents: (id) => id === WINDOW_ID,
    }),
    warn: (message) => warnings.push(message),
  });
  const invoke = (channel: string, event: SenderEvent, input?: unknown) => {
    const listener = handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, input);
  };
  return { handlers, channels, calls, warnings, invoke };
}

const fromWindow = (url = INDEX_URL): SenderEvent => ({
  senderFrame: { url, parent: null },
  sender: { id: WINDOW_ID },
});

describe('registerTillHandlers', () => {
  it('registers exactly one till:<method> channel per contract method', () => {
    const { handlers, channels } = setup();
    const expected = TILL_METHODS.map((method) => `till:${method}`).sort();
    expect([...handlers.keys()].sort()).toEqual(expected);
    expect([...channels].sort()).toEqual(expected);
    expect(new Set(channels).size).toBe(TILL_METHODS.length);
  });

  it.each([
    ['a web page', fromWindow('https://evil.example/index.html')],
    ['another file on disk', fromWindow('file:///home/cashier/Downloads/index.html')],
    [
      'a file beside our renderer',
      fromWindow('file:///opt/Unitill/resources/app.asar/dist/renderer/other.html'),
    ],
    ['a data: URL', fromWindow('data:text/html,<script>till()</script>')],
    [
      'an iframe inside our page',
      { senderFrame: { url: INDEX_URL, parent: {} }, sender: { id: WINDOW_ID } },
    ],
    [
      'another window showing our page',
      { senderFrame: { url: INDEX_URL, parent: null }, sender: { id: 99 } },
    ],
    ['a frame that has gone away', { senderFrame: null, sender: { id: WINDOW_ID } }],
  ])('refuses %s and never calls the core', async (_name, event: SenderEvent) => {
    const { invoke, calls, warnings } = setup();
    const result = await invoke('till:session:signIn', event, { username: 'tendai', pin: '1234' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(calls).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining('session:signIn')]);
  });

  it('refuses when the sender cannot even be inspected', async () => {
    const { invoke, calls } = setup();
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      sender: { id: WINDOW_ID },
    };
    expect(await invoke('till:till:status', event)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(calls).toEqual([]);
  });

  it.each([
    ['session:signIn', 'pin', { username: 'tendai', pin: '12ab' }],
    ['session:signIn', 'username', { pin: '1234' }],
    [
      'till:enroll',
      'code',
      { serverUrl: 'http://head-office:4300', code: 'nope', tillName: 'Till 1' },
    ],
    [
      'till:enroll',
      'serverUrl',
      { serverUrl: 'head office', code: 'ABCD-1234', tillName: 'Till 1' },
    ],
  ])(
    'answers bad %s input with INVALID_INPUT naming %s, without reaching the core',
    async (method, field, input) => {
      const { invoke, calls } = setup();
      const result = await invoke(`till:${method}`, fromWindow(), input);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
      expect(result.ok ? '' : result.error.message).toMatch(new RegExp(`^${field}: `));
      expect(calls).toEqual([]);
    },
  );

  it('refuses keys an empty-input method does not know', async () => {
    const { invoke, calls } = setup();
    const result = await invoke('till:session:signOut', fromWindow(), { everyone: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls).toEqual([]);
  });

  it('forwards good input from our window to the core and returns its Result unchanged', async () => {
    const answer: Result<unknown> = {
      ok: false,
      error: { code: 'BAD_CREDENTIALS', message: 'Wrong PIN' },
    };
    const { invoke, calls } = setup(() => Promise.resolve(answer));
    const input = { username: 'tendai', pin: '1234' };
    // A hash route and a query string are still our page.
    const result = await invoke(
      'till:session:signIn',
      fromWindow(`${INDEX_URL}?x=1#/sign-in`),
      input,
    );
    expect(result).toBe(answer);
    expect(calls).toEqual([{ method: 'session:signIn', input }]);
  });

  it('treats a call without input as {} like the core and the browser host do', async () => {
    const { invoke, calls } = setup();
    expect(await invoke('till:till:status', fromWindow())).toEqual({
      ok: true,
      value: 'from core',
    });
    expect(calls).toEqual([{ method: 'till:status', input: {} }]);
  });

  it('turns a core that throws into an INTERNAL Result instead of a rejected invoke', async () => {
    const { invoke, warnings } = setup(() => Promise.reject(new Error('disk full')));
    const result = await invoke('till:session:current', fromWindow(), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(warnings).toEqual([expect.stringContaining('disk full')]);
  });
});
