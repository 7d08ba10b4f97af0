import { createHash, randomBytes, randomInt } from 'node:crypto';

// Bearer tokens are 32 random bytes; only their SHA-256 is stored, so a leaked database
// cannot be replayed. (A slow hash adds nothing for 256 bits of randomness.)
export type TokenKind = 'staff' | 'device';
const PREFIX: Record<TokenKind, string> = { staff: 'st_', device: 'dv_' };

export function newToken(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function tokenKind(token: string): TokenKind | null {
  if (token.startsWith(PREFIX.staff)) return 'staff';
  if (token.startsWith(PREFIX.device)) return 'device';
  return null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// No 0/O or 1/I: the code is read aloud over the phone to a store.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newEnrollmentCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}
