import type { ChildProcess } from 'node:child_process';
import { enrollDemoTill } from './lib/demo-enroll';
import { runTs, waitForHttp } from './lib/processes';

// `npm start`: the sync server (embedded PostgreSQL with the demo group on first run) and a
// till in browser mode, enrolled into the clothing division. Ctrl+C stops both.
const serverPort = process.env.PORT ?? '4300';
const tillPort = process.env.TILL_PORT ?? '4310';
const serverUrl = `http://127.0.0.1:${serverPort}`;
const tillUrl = `http://127.0.0.1:${tillPort}`;
const children: ChildProcess[] = [];

function stopAll(code: number): never {
  for (const child of children) {
    child.removeAllListeners('exit');
    child.kill('SIGTERM');
  }
  process.exit(code);
}

function start(file: string, env: Record<string, string>): void {
  const child = runTs(file, env);
  // If either half stops (a crash, a port in use), stop the other and say so.
  child.once('exit', (code) => {
    console.error(`${file} stopped (exit code ${code ?? 'signal'})`);
    stopAll(code ?? 1);
  });
  children.push(child);
}

async function main(): Promise<void> {
  start('sync-server/main.ts', { PORT: serverPort, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  await waitForHttp(`${serverUrl}/health`, 120_000);
  start('electron/till/host/main.ts', { TILL_PORT: tillPort });
  await waitForHttp(tillUrl, 60_000);
  const status = await enrollDemoTill(serverUrl, tillUrl);
  console.log(`
  Unitill is running.
    Till (browser mode):  ${tillUrl}   — ${status.division?.name ?? '?'} (${status.division?.code ?? '?'}), ${status.tillName ?? ''}
    Sync server:          ${serverUrl}  (GET /health)
  Sign in as clo.cashier with PIN 1111 (other demo sign-ins are in the README).
  Ctrl+C stops both.
`);
}

process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));
main().catch((error: unknown) => {
  console.error(error);
  stopAll(1);
});
