import type { Division } from '../../../shared/contract/common';

// How the till writes its own facts for a cashier: short, unambiguous, 24-hour clock.

export function divisionLabel(division: Pick<Division, 'name' | 'code'>): string {
  return `${division.name} · ${division.code}`;
}

/**
 * Till ids are UUIDv7: the leading characters are a timestamp, so tills enrolled on the same
 * day share them. The tail is random, so it tells tills apart and still matches the end of
 * the full id head office sees.
 */
export function shortTillId(id: string): string {
  return '…' + id.replaceAll('-', '').slice(-8);
}

const timeOnly = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** "14:32" today, "3 Mar, 14:32" on another day, "never" before the first sync. */
export function formatSyncTime(iso: string | null, now: Date = new Date()): string {
  if (iso === null) return 'never';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toDateString() === now.toDateString() ? timeOnly.format(at) : dayAndTime.format(at);
}

export function formatTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : timeOnly.format(at);
}
