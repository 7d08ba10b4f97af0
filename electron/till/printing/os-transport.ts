import { spawn } from 'node:child_process';
import type { SendResult } from './transport-types';

// A printer the operating system knows (printer:NAME), through CUPS: `lp -d NAME -o raw`
// hands the bytes to the queue unchanged. node-thermal-printer's own printer: interface
// needs a native driver module this app does not ship. The OS queue cannot be asked for
// paper status, so success here means "the OS queue accepted the slip".
export function sendToOsPrinter(
  name: string,
  bytes: Buffer,
  options: { timeoutMs: number; command?: string },
): Promise<SendResult> {
  return new Promise((resolve) => {
    const command = options.command ?? 'lp';
    const child = spawn(command, ['-d', name, '-o', 'raw'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    let settled = false;
    const settle = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const fault = (message: string, transmitted: boolean): SendResult => ({
      ok: false,
      transmitted,
      fault: { code: 'OFFLINE', message },
    });
    const timer = setTimeout(() => {
      child.kill();
      settle(fault(`The print queue for ${name} did not answer.`, true));
    }, options.timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      settle(
        fault(
          error.code === 'ENOENT'
            ? `This computer has no '${command}' command (CUPS) to reach printer ${name}. Use a network printer (tcp://…).`
            : `Could not start the print command: ${error.message}`,
          false,
        ),
      ),
    );
    child.on('close', (code) =>
      settle(
        code === 0
          ? { ok: true, paperLow: false }
          : fault(
              `The print queue refused the slip for ${name}: ${stderr.trim() || `exit ${code}`}`,
              false,
            ),
      ),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(bytes);
  });
}
