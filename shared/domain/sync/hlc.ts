// A hybrid logical clock for ordering profile edits made on different tills
// (ARCHITECTURE.md, "Profile edits"). Each stamp is the till's wall clock corrected by the
// offset it measured against head office, never earlier than its previous stamp, with a
// counter that breaks ties within a millisecond. A till whose clock is a day out therefore
// stamps its edits in head office's time, and two edits on one till keep their order even
// if its clock steps back.
//
// Stamps are strings that sort in time order: "2026-11-25T02:51:00.000Z-0003". A plain ISO
// time (what older tills sent) sorts just before the stamps of the same millisecond.

export type Hlc = { ms: number; counter: number };

const COUNTER_WIDTH = 4;
const MAX_COUNTER = 10 ** COUNTER_WIDTH - 1;

export function formatHlc({ ms, counter }: Hlc): string {
  return `${new Date(ms).toISOString()}-${String(counter).padStart(COUNTER_WIDTH, '0')}`;
}

export function parseHlc(stamp: string): Hlc | null {
  const match = /^(.+Z)-(\d{4})$/.exec(stamp);
  const ms = Date.parse(match?.[1] ?? stamp);
  if (Number.isNaN(ms)) return null;
  return { ms, counter: match ? Number(match[2]) : 0 };
}

/** The next stamp after `last`, at corrected wall time `nowMs`. */
export function tick(last: Hlc | null, nowMs: number): Hlc {
  if (!last || nowMs > last.ms) return { ms: nowMs, counter: 0 };
  // The clock has not moved on (or stepped back): stay on the last millisecond, count up;
  // past the counter's range, borrow the next millisecond.
  return last.counter < MAX_COUNTER
    ? { ms: last.ms, counter: last.counter + 1 }
    : { ms: last.ms + 1, counter: 0 };
}

/** Offset to add to this machine's clock, from one round trip that read the server's clock. */
export function measuredOffsetMs(sentAt: number, serverMs: number, receivedAt: number): number {
  return Math.round(serverMs - (sentAt + receivedAt) / 2);
}
