import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from './till-client';

const status = {
  enrolled: false,
  tillId: null,
  tillName: null,
  division: null,
  serverUrl: null,
  staffCount: 0,
  lastSyncAt: null,
  serverReachable: false,
  pendingMutations: 0,
  offlineSince: null,
  offlineOverADay: false,
  lastSyncError: null,
  pull: null,
  openFlags: { count: 0, latest: [] },
};

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('call in Electron (window.till)', () => {
  it('calls the named preload function and never touches fetch', async () => {
    const session_signOut = vi.fn(() => Promise.resolve({ ok: true, value: {} }));
    const fetch = vi.fn();
    vi.stubGlobal('window', { till: { session_signOut } });
    vi.stubGlobal('fetch', fetch);
    expect(await call('session:signOut', {})).toEqual({ ok: true, value: {} });
    expect(session_signOut).toHaveBeenCalledWith({});
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says so clearly when the preload lacks the method', async () => {
    vi.stubGlobal('window', { till: {} });
    const result = await call('till:status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('turns a rejected IPC call into UNAVAILABLE', async () => {
    vi.stubGlobal('window', { till: { till_status: () => Promise.reject(new Error('gone')) } });
    expect(await call('till:status', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
  });
});

describe('call in browser mode (HTTP)', () => {
  it('posts JSON with the guard header to /api/till/<method>', async () => {
    const fetch = vi.fn(() => Promise.resolve(jsonResponse(200, { ok: true, value: status })));
    vi.stubGlobal('window', {});
    vi.stubGlobal('fetch', fetch);
    expect(await call('till:status', {})).toEqual({ ok: true, value: status });
    expect(fetch).toHaveBeenCalledWith('/api/till/till%3Astatus', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Unitill': '1' },
      body: '{}',
    });
  });

  it('passes an error Result through whatever the HTTP status', async () => {
    const error = { code: 'BAD_CREDENTIALS', message: 'Username or PIN is not right' };
    vi.stubGlobal('window', {});
    vi.stubGlobal('fetch', () => Promise.resolve(jsonResponse(401, { ok: false, error })));
    expect(await call('session:signIn', { username: 'tendai', pin: '1111' })).toEqual({
      ok: false,
      error,
    });
  });

  it('keeps the field an error names', async () => {
    const error = {
      code: 'INVALID_INPUT',
      message: 'code: must look like ABCD-1234',
      field: 'code',
    };
    vi.stubGlobal('window', {});
    vi.stubGlobal('fetch', () => Promise.resolve(jsonResponse(400, { ok: false, error })));
    const result = await call('till:enroll', { serverUrl: 'http://h', code: 'x', tillName: 't' });
    expect(result).toEqual({ ok: false, error });
  });

  it('turns a network failure into UNAVAILABLE', async () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await call('till:status', {})).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'The till service is not answering' },
    });
  });

  it('treats a body that is not JSON (proxy error page) as UNAVAILABLE', async () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response('<h1>Bad gateway</h1>', { status: 502 })),
    );
    expect(await call('till:status', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
  });

  it('refuses a success value that does not match the contract', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.stubGlobal('window', {});
    vi.stubGlobal('fetch', () =>
      Promise.resolve(jsonResponse(200, { ok: true, value: { enrolled: 'yes' } })),
    );
    expect(await call('till:status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('keeps the message of an error code this renderer does not know', async () => {
    vi.stubGlobal('window', {});
    const body = { ok: false, error: { code: 'SCHEMA_TOO_NEW', message: 'Update this till' } };
    vi.stubGlobal('fetch', () => Promise.resolve(jsonResponse(409, body)));
    expect(await call('till:status', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Update this till' },
    });
  });
});
