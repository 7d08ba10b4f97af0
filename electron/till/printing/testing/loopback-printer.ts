import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { decodeEscPos, splitSlips, type DecodedSlip } from './decode-escpos';
import { readToken } from './escpos-grammar';

// A port-9100 printer on 127.0.0.1 for tests: it accepts what a network thermal printer
// accepts, keeps the bytes that would reach the paper, answers DLE EOT and GS r status
// requests, and can be made to fail the ways real printers do:
//
// - normal       prints, answers every status request as "all fine";
// - refuse       nothing listens on the port (printer off or unplugged);
// - black-hole   accepts the connection and never reads a byte (wedged network card);
// - reset        prints the first bytes of a job, then resets the connection (power cut);
// - paper-end    answers DLE EOT with "paper end", holds job data in its buffer without
//                printing it and does not answer GS r until paper is loaded: exactly what
//                a real printer does, so a job sent anyway would print on recovery;
// recover() loads paper / switches the printer back on: held data prints, as on a real one.

export type LoopbackMode = 'normal' | 'refuse' | 'black-hole' | 'reset' | 'paper-end';

export type LoopbackPrinter = {
  readonly url: string;
  readonly port: number;
  mode(): LoopbackMode;
  setMode(mode: LoopbackMode, options?: { resetAfterBytes?: number }): Promise<void>;
  recover(): Promise<void>;
  /** Every byte that reached the paper. */
  printed(): Buffer;
  /** What reached the paper, as slips (split at each cut) decoded to text. */
  slips(): DecodedSlip[];
  /** Status requests received, by kind. */
  statusRequests(): { realtime: number; paper: number };
  connections(): number;
  close(): Promise<void>;
};

const ALL_FINE = 0x12; // DLE EOT answer with only the fixed bits set
const PAPER_END_OFFLINE = 0x12 | 0x20; // DLE EOT 2: printing stopped by paper end
const PAPER_END_SENSOR = 0x12 | 0x60; // DLE EOT 4: roll paper end
const PAPER_PRESENT = 0x00; // GS r 1

export async function startLoopbackPrinter(): Promise<LoopbackPrinter> {
  let mode: LoopbackMode = 'normal';
  let resetAfterBytes = 64;
  let printed = Buffer.alloc(0);
  let held = Buffer.alloc(0);
  const waitingForPaper: Socket[] = [];
  const sockets = new Set<Socket>();
  const counts = { realtime: 0, paper: 0, connections: 0 };
  let server: Server | null = null;
  let port = 0;

  const print = (bytes: Buffer) => {
    printed = Buffer.concat([printed, bytes]);
  };

  const onConnection = (socket: Socket) => {
    counts.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (mode === 'black-hole') {
      socket.pause();
      return;
    }
    let pending = Buffer.alloc(0);
    let jobBytes = 0;
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      let at = 0;
      for (;;) {
        const next = readToken(pending, at);
        if (!next) break;
        const bytes = pending.subarray(at, at + next.length);
        at += next.length;
        const { token } = next;
        if (token.type === 'command' && token.name === 'status-realtime') {
          counts.realtime += 1;
          socket.write(Buffer.from([realtimeAnswer(token.arg ?? 0)]));
          continue;
        }
        if (token.type === 'command' && token.name === 'status-paper') {
          counts.paper += 1;
          // GS r waits in line behind the job: a stopped printer answers it only later.
          if (mode === 'paper-end') waitingForPaper.push(socket);
          else socket.write(Buffer.from([PAPER_PRESENT]));
          continue;
        }
        if (mode === 'paper-end') {
          held = Buffer.concat([held, bytes]);
          continue;
        }
        if (mode === 'reset' && jobBytes + bytes.length > resetAfterBytes) {
          print(bytes.subarray(0, Math.max(0, resetAfterBytes - jobBytes)));
          socket.resetAndDestroy();
          return;
        }
        jobBytes += bytes.length;
        print(bytes);
      }
      pending = pending.subarray(at);
    });
  };

  const realtimeAnswer = (n: number): number => {
    if (mode !== 'paper-end') return ALL_FINE;
    return n === 4 ? PAPER_END_SENSOR : n === 2 ? PAPER_END_OFFLINE : ALL_FINE;
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer(onConnection);
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as AddressInfo).port;
        server = next;
        resolve();
      });
    });

  const stopListening = () =>
    new Promise<void>((resolve) => {
      const current = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      if (!current) return resolve();
      current.close(() => resolve());
    });

  await listen();

  const setMode = async (next: LoopbackMode, options: { resetAfterBytes?: number } = {}) => {
    resetAfterBytes = options.resetAfterBytes ?? 64;
    if (next === 'refuse' && server) await stopListening();
    if (next !== 'refuse' && !server) await listen();
    if (mode === 'black-hole' && next !== 'black-hole') for (const s of sockets) s.destroy();
    mode = next;
  };

  return {
    get url() {
      return `tcp://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    mode: () => mode,
    setMode,
    recover: async () => {
      await setMode('normal');
      print(held);
      held = Buffer.alloc(0);
      for (const socket of waitingForPaper.splice(0)) {
        if (!socket.destroyed) socket.write(Buffer.from([PAPER_PRESENT]));
      }
    },
    printed: () => printed,
    slips: () => splitSlips(printed).map(decodeEscPos),
    statusRequests: () => ({ realtime: counts.realtime, paper: counts.paper }),
    connections: () => counts.connections,
    close: stopListening,
  };
}
