import { resolve } from 'node:path';
import { createTillCore } from '../core';
import { startBrowserHost } from './browser-host';

// `npm run till`: the till core in a plain Node process, with the renderer served to any
// browser on this machine. Used where Electron cannot run and by the end-to-end tests.
async function main(): Promise<void> {
  const port = Number(process.env.TILL_PORT ?? 4310);
  const dataDir = resolve(process.env.TILL_DATA_DIR ?? '.data/till');
  const core = await createTillCore({ dataDir });
  const host = await startBrowserHost({ core, staticDir: resolve('dist/renderer'), port });
  console.warn(`Unitill till (browser mode) on ${host.url}  data: ${dataDir}`);
  const stop = async (): Promise<void> => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
