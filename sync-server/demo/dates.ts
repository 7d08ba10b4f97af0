// Dates in demo records, computed from a reference "now" passed in by the caller, so the pure
// generators never read the clock and a test can pin it.

export const DAY_MS = 86_400_000;
export const YEAR_MS = 365.25 * DAY_MS;

/** A fixed reference time for tests and for callers that want byte-identical output. */
export const DEMO_REFERENCE_TIME = Date.UTC(2026, 0, 15, 8, 0, 0);

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoTimestamp(ms: number): string {
  return new Date(Math.floor(ms)).toISOString();
}
