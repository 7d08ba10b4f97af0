import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

// Tests only: the sync server as its own process (`npm run server`'s entry point,
// sync-server/main.ts) on a real PostgreSQL database, so a test can SIGKILL it mid-request
// the way a crash or a pulled plug does, and start it again on the same port.

export type ServerProcess = {
  url: string;
  port: number;
  /** Starts (or restarts) the server and waits until /health answers. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown hooks, open transactions are left for PostgreSQL to roll back. */
  kill(): Promise<void>;
  /** Whether the current process is still running (false once it exited by itself). */
  alive(): boolean;
  /** What the process wrote to stderr (its crash report, if any). */
  stderr(): string;
  stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export async function serverProcess(options: {
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let errors = '';

  async function waitForHealth(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!api.alive()) throw new Error(`sync server exited during start-up:\n${errors}`);
      try {
        const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline)
        throw new Error(`sync server did not come up in ${timeoutMs} ms:\n${errors}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const api: ServerProcess = {
    url,
    port,
    async start() {
      const started = spawn(process.execPath, ['--import', 'tsx', 'sync-server/main.ts'], {
        env: {
          ...process.env,
          DATABASE_URL: options.databaseUrl,
          PORT: String(port),
          HOST: '127.0.0.1',
          DEMO_DATA: 'on',
          LOG_LEVEL: 'warn',
          LAYBY_LATE_FEE_JOB: 'off',
          ...options.env,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child = started;
      started.stderr?.on('data', (chunk: Buffer) => {
        errors += chunk.toString();
      });
      exited = new Promise((resolve) => started.once('exit', () => resolve()));
      await waitForHealth(90_000);
    },
    async kill() {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
    alive: () => child !== null && child.exitCode === null && child.signalCode === null,
    stderr: () => errors,
    async stop() {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child?.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
  return api;
}

/** Issues a one-time enrollment code for a division the way head office's admin does. */
export async function enrollmentCode(serverUrl: string, divisionCode: string): Promise<string> {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(new URL(path, serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const login = await post('/api/auth/login', { username: 'admin', pin: '9999' });
  const { token } = (await login.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  const { divisions } = (await (
    await fetch(new URL('/api/divisions', serverUrl), { headers: auth })
  ).json()) as { divisions: { id: string; code: string }[] };
  const divisionId = divisions.find((d) => d.code === divisionCode)?.id;
  if (!divisionId) throw new Error(`no division ${divisionCode}`);
  const issued = await post('/api/enrollment-codes', { divisionId }, auth);
  return ((await issued.json()) as { code: string }).code;
}
