// Dates in demo records, computed from a reference "now" passed in by the caller, so the pure
// generators never read the clock and a test can pin it.

export const DAY_MS = 86_400_000;
export const YEAR_MS = 365.25 * DAY_MS;

/** A fixed reference time for tests and for callers that want byte-identical output. */
export const DEMO_REFERENCE_TIME = Date.UTC(2026, 0, 15, 8, 0, 0);

// A million customers need about five million timestamps; formatting the calendar part once
// per day instead of through a Date each time takes a tenth of the generator's time off.
const dayPrefixes = new Map<number, string>();

function dayPrefix(day: number): string {
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayPrefixes.set(day, prefix);
  }
  return prefix;
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function isoDate(ms: number): string {
  return dayPrefix(Math.floor(ms / DAY_MS));
}

/** The same text as Date#toISOString: 2026-01-15T08:00:00.000Z. */
export function isoTimestamp(ms: number): string {
  const t = Math.floor(ms);
  const day = Math.floor(t / DAY_MS);
  let rest = t - day * DAY_MS;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  const fraction = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : `${millis}`;
  return `${dayPrefix(day)}T${two(hours)}:${two(minutes)}:${two(seconds)}.${fraction}Z`;
}
