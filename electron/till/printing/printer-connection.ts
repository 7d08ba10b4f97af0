import { connect, type Socket } from 'node:net';

// One TCP conversation with a port-9100 printer: write bytes, read answer bytes one at a
// time, each step with its own deadline. node-thermal-printer's network interface cannot do
// this: its execute() opens a connection per call, resolves once the OS has taken the bytes
// and (with waitForResponse) takes the first chunk of anything the printer says, so a
// status request before and after a job on one connection is out of its reach.

export type PrinterConnection = {
  write(bytes: Buffer, timeoutMs: number): Promise<void>;
  readByte(timeoutMs: number): Promise<number>;
  /** Polite close after the written bytes are flushed. */
  end(): void;
  destroy(): void;
};

export class ConnectionError extends Error {
  override name = 'ConnectionError';
  constructor(
    readonly reason: 'refused' | 'unreachable' | 'timeout' | 'lost',
    message: string,
  ) {
    super(message);
  }
}

export function openConnection(
  host: string,
  port: number,
  timeoutMs: number,
): Promise<PrinterConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.setNoDelay(true);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new ConnectionError(
          'timeout',
          `No answer from ${host}:${port} within ${timeoutMs / 1000} s.`,
        ),
      );
    }, timeoutMs);
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      reject(
        error.code === 'ECONNREFUSED'
          ? new ConnectionError(
              'refused',
              `Nothing answers at ${host}:${port} (connection refused).`,
            )
          : new ConnectionError(
              'unreachable',
              `Cannot reach ${host}:${port} (${error.code ?? error.message}).`,
            ),
      );
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(wrap(socket));
    });
  });
}

function wrap(socket: Socket): PrinterConnection {
  const received: number[] = [];
  let failure: ConnectionError | null = null;
  let waiter: { resolve: (byte: number) => void; reject: (error: Error) => void } | null = null;

  const fail = (error: ConnectionError) => {
    failure ??= error;
    waiter?.reject(failure);
    waiter = null;
  };
  socket.on('data', (chunk: Buffer) => {
    received.push(...chunk);
    const pending = waiter;
    const byte = pending ? received.shift() : undefined;
    if (pending && byte !== undefined) {
      waiter = null;
      pending.resolve(byte);
    }
  });
  socket.on('error', (error: NodeJS.ErrnoException) =>
    fail(
      new ConnectionError(
        'lost',
        `The printer dropped the connection (${error.code ?? error.message}).`,
      ),
    ),
  );
  socket.on('close', () => fail(new ConnectionError('lost', 'The printer closed the connection.')));

  return {
    write: (bytes, timeoutMs) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        const timer = setTimeout(
          () => reject(new ConnectionError('timeout', 'The printer stopped taking data.')),
          timeoutMs,
        );
        socket.write(bytes, (error) => {
          clearTimeout(timer);
          if (error) reject(failure ?? new ConnectionError('lost', error.message));
          else resolve();
        });
      }),
    readByte: (timeoutMs) =>
      new Promise((resolve, reject) => {
        const byte = received.shift();
        if (byte !== undefined) return resolve(byte);
        if (failure) return reject(failure);
        const timer = setTimeout(() => {
          waiter = null;
          reject(new ConnectionError('timeout', `No answer within ${timeoutMs / 1000} s.`));
        }, timeoutMs);
        waiter = {
          resolve: (b) => {
            clearTimeout(timer);
            resolve(b);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        };
      }),
    end: () => {
      socket.end();
      // A printer that never acknowledges the close must not keep the socket (and the
      // process) alive.
      setTimeout(() => socket.destroy(), 2000).unref();
    },
    destroy: () => socket.destroy(),
  };
}
