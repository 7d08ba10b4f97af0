import { BrowserWindow } from 'electron';
import type { AppPaths } from './paths';

// The one till window. Every webPreferences flag below is the secure value spelled out, so a
// changed Electron default cannot weaken it silently.
export function createMainWindow(paths: AppPaths, options: { devTools: boolean }): BrowserWindow {
  const mainWindow = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'Unitill',
    // Shown once painted, so a cashier never sees a white flash at start-up.
    show: false,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow.show());
  return mainWindow;
}
