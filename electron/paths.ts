import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// Where the main process finds its files. A plain function of Electron's answers, so both
// layouts (repo checkout, packaged app) are tested without Electron.

export type AppLocation = {
  /** app.getAppPath(): the repo root in development, resources/app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath: the folder holding app.asar and our extraResources. */
  resourcesPath: string;
  isPackaged: boolean;
};

export type AppPaths = {
  preload: string;
  indexHtml: string;
  /** The file:// URL the window loads; the only page allowed to call the till. */
  indexUrl: string;
  migrationsFolder: string;
};

export function resolveAppPaths(location: AppLocation): AppPaths {
  const indexHtml = join(location.appPath, 'dist', 'renderer', 'index.html');
  return {
    preload: join(location.appPath, 'dist-electron', 'preload.cjs'),
    indexHtml,
    indexUrl: pathToFileURL(indexHtml).href,
    // drizzle reads migrations with plain fs calls, so in a package they live outside the
    // asar (electron-builder.yml copies them as extraResources).
    migrationsFolder: location.isPackaged
      ? join(location.resourcesPath, 'db', 'till', 'migrations')
      : join(location.appPath, 'db', 'till', 'migrations'),
  };
}
