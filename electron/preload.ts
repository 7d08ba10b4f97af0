import { contextBridge, ipcRenderer } from 'electron';
import type { TillBridge } from '../shared/contract/till-bridge';
import { buildTillBridge } from './ipc/preload-api';

// Runs sandboxed, so it may require only 'electron' and a few Node shims: esbuild bundles
// everything else into dist-electron/preload.cjs (scripts/build-electron.ts checks that).
// ipcRenderer itself never leaves this file.
const till = buildTillBridge((channel, input): Promise<unknown> =>
  ipcRenderer.invoke(channel, input),
) satisfies TillBridge;

contextBridge.exposeInMainWorld('till', till);
