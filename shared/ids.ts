// Ids are born where the record is born (a till never asks the server), as UUIDv7: time-
// ordered, so SQLite and PostgreSQL b-tree inserts stay append-mostly.
//
// Two ids born in the same millisecond still sort in birth order (RFC 9562 §6.2, method 3):
// the second takes the first's random tail plus one. Print jobs, outbox rows and the like are
// read back "oldest first" by id, so a random tie would reorder receipts taken in one ms.
let lastMs = -1;
const lastBytes = new Uint8Array(16);

export function uuidv7(now: number = Date.now()): string {
  const bytes = new Uint8Array(16);
  if (now === lastMs && incrementTail(lastBytes)) {
    bytes.set(lastBytes);
  } else {
    globalThis.crypto.getRandomValues(bytes);
    lastMs = now;
  }
  lastBytes.set(bytes);
  let ms = now;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type IdGenerator = () => string;
export type Clock = () => Date;

/** Adds one to the last 7 random bytes (56 bits); false on the (never seen) overflow. */
function incrementTail(bytes: Uint8Array): boolean {
  for (let i = 15; i >= 9; i -= 1) {
    const next = (bytes[i] ?? 0) + 1;
    bytes[i] = next & 0xff;
    if (next <= 0xff) return true;
  }
  return false;
}
