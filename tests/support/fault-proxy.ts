import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

// A TCP proxy for sync tests, between a till and the server on 127.0.0.1. It forwards
// bytes faithfully until told to misbehave the way real links in a blackout do.
export type FaultMode =
  | { kind: 'pass' }
  /** Every chunk waits this long in each direction. */
  | { kind: 'delay'; ms: number }
  /** Requests reach the server, answers never reach the till: the "committed but the answer was lost" case. */
  | { kind: 'drop-responses' }
  /** Connections are accepted and then nothing moves either way. */
  | { kind: 'black-hole' }
  /** New connections are reset at once. */
  | { kind: 'refuse' };

export type FaultProxy = {
  url: string;
  setMode(mode: FaultMode): void;
  /** Cuts every open connection now (a cable pulled mid-request). */
  cutAll(): void;
  close(): Promise<void>;
};

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let mode: FaultMode = { kind: 'pass' };
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  const server: Server = createServer((client) => {
    track(client);
    if (mode.kind === 'refuse') return void client.resetAndDestroy();
    if (mode.kind === 'black-hole') return; // hold it open, never read or write
    const upstream = connect(target.port, target.host);
    track(upstream);
    // The mode is read per chunk, so a kept-alive connection misbehaves from the moment the
    // test says so, as a real link would.
    const relay = (from: Socket, to: Socket, isResponse: boolean) => {
      from.on('data', (chunk) => {
        const now = mode;
        if (now.kind === 'black-hole' || now.kind === 'refuse') return;
        if (isResponse && now.kind === 'drop-responses') return;
        if (now.kind === 'delay') setTimeout(() => to.write(chunk), now.ms);
        else to.write(chunk);
      });
      from.on('end', () => to.end());
      from.on('close', () => to.destroy());
    };
    relay(client, upstream, false);
    relay(upstream, client, true);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setMode: (next) => {
      mode = next;
    },
    cutAll: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
