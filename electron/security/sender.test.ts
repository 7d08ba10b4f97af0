import { describe, expect, it } from 'vitest';
import { createSenderCheck, isRendererUrl } from './sender';

const INDEX_URL = 'file:///opt/Unitill/resources/app.asar/dist/renderer/index.html';

describe('isRendererUrl', () => {
  it.each([
    [INDEX_URL, true],
    [`${INDEX_URL}#/customers/42`, true],
    [`${INDEX_URL}?till=1`, true],
    ['file:///opt/Unitill/resources/app.asar/dist/renderer/../renderer/index.html', true],
    ['file:///opt/Unitill/resources/app.asar/dist/renderer/%69ndex.html', true],
    ['file:///opt/Unitill/resources/app.asar/dist/renderer/other.html', false],
    ['file:///opt/Unitill/resources/app.asar/dist/renderer/index.html/..', false],
    ['file:///opt/Unitill/resources/app.asar/dist/index.html', false],
    ['file:///tmp/dist/renderer/index.html', false],
    ['file://fileserver/opt/Unitill/resources/app.asar/dist/renderer/index.html', false],
    ['file:///OPT/Unitill/resources/app.asar/dist/renderer/index.html', false],
    ['http://127.0.0.1:4310/index.html', false],
    ['https://opt/Unitill/resources/app.asar/dist/renderer/index.html', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['about:blank', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isRendererUrl(url, { indexUrl: INDEX_URL })).toBe(expected);
  });

  it('ignores case only where the file system does (Windows)', () => {
    const windowsIndex =
      'file:///C:/Program%20Files/Unitill/resources/app.asar/dist/renderer/index.html';
    const lowerDrive =
      'file:///c:/program files/Unitill/resources/app.asar/dist/renderer/index.html';
    expect(isRendererUrl(lowerDrive, { indexUrl: windowsIndex, caseInsensitive: true })).toBe(true);
    expect(isRendererUrl(lowerDrive, { indexUrl: windowsIndex })).toBe(false);
  });
});

describe('createSenderCheck', () => {
  const check = createSenderCheck({ indexUrl: INDEX_URL, isOwnWebContents: (id) => id === 1 });

  it('trusts the top frame of our window showing our page', () => {
    expect(check({ senderFrame: { url: INDEX_URL, parent: null }, sender: { id: 1 } })).toBe(true);
  });

  it.each([
    [
      'a subframe',
      { senderFrame: { url: INDEX_URL, parent: { url: INDEX_URL } }, sender: { id: 1 } },
    ],
    ['another webContents', { senderFrame: { url: INDEX_URL, parent: null }, sender: { id: 2 } }],
    ['a destroyed frame', { senderFrame: null, sender: { id: 1 } }],
    [
      'a foreign page',
      { senderFrame: { url: 'https://example.com/', parent: null }, sender: { id: 1 } },
    ],
  ])('refuses %s', (_name, event) => {
    expect(check(event)).toBe(false);
  });
});
