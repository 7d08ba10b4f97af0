import type { IdGenerator } from '../../shared/ids';

// UUIDv7s in bulk for the million-customer generator. shared/ids.ts uuidv7() costs ~5 µs an id
// (a getRandomValues call and a hex join per id), which is 13 s of a 2.6-million-id run; this
// draws random bytes 64 KiB at a time and formats through a lookup table, ~0.3 µs an id. The
// layout is the same: 48-bit Unix ms, version 7, RFC variant, 74 random bits.

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const POOL_BYTES = 65_536; // the most getRandomValues fills in one call

export function createBulkUuidv7(clock: () => number = Date.now): IdGenerator {
  const pool = new Uint8Array(POOL_BYTES);
  let offset = POOL_BYTES;
  let lastMs = -1;
  let timeHex = '';
  const byte = (): string => HEX[pool[offset++] ?? 0] ?? '00';
  return () => {
    if (offset + 10 > POOL_BYTES) {
      globalThis.crypto.getRandomValues(pool);
      offset = 0;
    }
    const ms = clock();
    if (ms !== lastMs) {
      lastMs = ms;
      timeHex = ms.toString(16).padStart(12, '0');
    }
    const version = HEX[((pool[offset++] ?? 0) & 0x0f) | 0x70] ?? '70';
    const b7 = byte();
    const variant = HEX[((pool[offset++] ?? 0) & 0x3f) | 0x80] ?? '80';
    const b9 = byte();
    return `${timeHex.slice(0, 8)}-${timeHex.slice(8)}-${version}${b7}-${variant}${b9}-${byte()}${byte()}${byte()}${byte()}${byte()}${byte()}`;
  };
}
