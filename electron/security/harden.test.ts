import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/security';
import { hardenWebContents, isAllowedNavigation, withCsp, type LockableContents } from './harden';

const ours = (url: string) => url === 'file:///app/dist/renderer/index.html';

describe('withCsp', () => {
  it('adds the browser-mode policy and keeps the other headers', () => {
    expect(withCsp({ 'Content-Type': ['text/html'] })).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('keeps a policy the response already had, whatever its case, so both are enforced', () => {
    expect(withCsp({ 'content-security-policy': ["img-src 'none'"] })).toEqual({
      'Content-Security-Policy': ["img-src 'none'", CONTENT_SECURITY_POLICY],
    });
  });
});

describe('isAllowedNavigation', () => {
  it.each([
    [{ url: 'file:///app/dist/renderer/index.html', isMainFrame: true }, true],
    [{ url: 'file:///app/dist/renderer/index.html', isMainFrame: false }, false],
    [{ url: 'https://example.com/', isMainFrame: true }, false],
    [{ url: 'file:///etc/passwd', isMainFrame: true }, false],
  ])('%o → %s', (navigation, expected) => {
    expect(isAllowedNavigation(navigation, ours)).toBe(expected);
  });
});

describe('hardenWebContents', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: never) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const contents: LockableContents = {
      setWindowOpenHandler: (handler) => (openHandler = handler),
      on: (name: string, listener: (event: never) => void) => listeners.set(name, listener),
    };
    hardenWebContents(contents, ours);
    const emit = (name: string, event: object) => {
      let prevented = false;
      listeners.get(name)?.({ ...event, preventDefault: () => (prevented = true) } as never);
      return prevented;
    };
    return { emit, openWindow: () => openHandler?.() };
  }

  it('denies every window.open', () => {
    expect(fakeContents().openWindow()).toEqual({ action: 'deny' });
  });

  it('stops navigation and redirects away from our page, and any <webview>', () => {
    const { emit } = fakeContents();
    expect(emit('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: true })).toBe(
      true,
    );
    expect(
      emit('will-frame-navigate', {
        url: 'file:///app/dist/renderer/index.html',
        isMainFrame: false,
      }),
    ).toBe(true);
    expect(emit('will-redirect', { url: 'https://evil.example/', isMainFrame: true })).toBe(true);
    expect(emit('will-attach-webview', {})).toBe(true);
  });

  it('lets our own page reload', () => {
    const { emit } = fakeContents();
    expect(
      emit('will-frame-navigate', {
        url: 'file:///app/dist/renderer/index.html',
        isMainFrame: true,
      }),
    ).toBe(false);
  });
});
