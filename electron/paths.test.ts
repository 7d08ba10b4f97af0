import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from './paths';

describe('resolveAppPaths', () => {
  it('reads everything from the repo checkout in development', () => {
    expect(
      resolveAppPaths({
        appPath: '/work/main',
        resourcesPath: '/usr/lib/electron/resources',
        isPackaged: false,
      }),
    ).toEqual({
      preload: '/work/main/dist-electron/preload.cjs',
      indexHtml: '/work/main/dist/renderer/index.html',
      indexUrl: 'file:///work/main/dist/renderer/index.html',
      migrationsFolder: '/work/main/db/till/migrations',
    });
  });

  it('reads code from the asar and migrations from the resources folder when packaged', () => {
    const paths = resolveAppPaths({
      appPath: '/opt/Unitill/resources/app.asar',
      resourcesPath: '/opt/Unitill/resources',
      isPackaged: true,
    });
    expect(paths.preload).toBe('/opt/Unitill/resources/app.asar/dist-electron/preload.cjs');
    expect(paths.indexUrl).toBe('file:///opt/Unitill/resources/app.asar/dist/renderer/index.html');
    expect(paths.migrationsFolder).toBe('/opt/Unitill/resources/db/till/migrations');
  });

  it('percent-encodes the window URL the sender check compares against', () => {
    const paths = resolveAppPaths({
      appPath: '/home/a b/Unitill',
      resourcesPath: '/x',
      isPackaged: false,
    });
    expect(paths.indexUrl).toBe('file:///home/a%20b/Unitill/dist/renderer/index.html');
  });
});
