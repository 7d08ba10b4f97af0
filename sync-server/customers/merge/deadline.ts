// A merge can be undone until the close of the next business day. Zimbabwe keeps Central
// Africa Time (UTC+2) all year, and a business day closes at local midnight; both are
// constants here so a group elsewhere changes one line.
export const BUSINESS_UTC_OFFSET_MINUTES = 120;
const DAY_MS = 86_400_000;

/** Local midnight at the end of the day after `mergedAt`'s local day, as an instant. */
export function undoDeadline(mergedAt: Date): Date {
  const offset = BUSINESS_UTC_OFFSET_MINUTES * 60_000;
  const localDayStart = Math.floor((mergedAt.getTime() + offset) / DAY_MS) * DAY_MS;
  return new Date(localDayStart + 2 * DAY_MS - offset);
}
