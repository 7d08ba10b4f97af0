import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  endOfShopDay,
  ShopDate,
  shopDate,
  startOfShopDay,
} from './dates';
import { RUNS, shopDateArb } from './testing/arbitraries';

describe('shop days (CAT, UTC+2)', () => {
  it('turns over at 22:00 UTC, whatever the machine zone', () => {
    expect(shopDate(new Date('2025-03-01T21:59:59.999Z'))).toBe('2025-03-01');
    expect(shopDate(new Date('2025-03-01T22:00:00.000Z'))).toBe('2025-03-02');
    expect(shopDate(new Date('2024-12-31T22:30:00.000Z'))).toBe('2025-01-01');
  });

  it('starts at 22:00 UTC the day before and ends a millisecond before the next', () => {
    expect(startOfShopDay('2025-03-01')).toBe('2025-02-28T22:00:00.000Z');
    expect(endOfShopDay('2025-03-01')).toBe('2025-03-01T21:59:59.999Z');
    expect(startOfShopDay('2025-01-01')).toBe('2024-12-31T22:00:00.000Z');
  });

  it('adds and counts days across month, leap-day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2025-01-31', '2025-04-30')).toBe(89);
    expect(daysBetween('2024-01-31', '2024-04-30')).toBe(90);
    expect(daysBetween('2025-04-30', '2025-01-31')).toBe(-89);
    expect(daysBetween('2025-06-01', '2025-06-01')).toBe(0);
  });

  it('adds months clamped to the month end: 31 January → 28/29 February → 31 March', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 2)).toBe('2025-03-31');
    expect(addMonths('2025-01-31', 3)).toBe('2025-04-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 2)).toBe('2026-01-30');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2025-05-10', 0)).toBe('2025-05-10');
  });

  it('round-trips: a shop day is its own start and end', () => {
    fc.assert(
      fc.property(shopDateArb, (d) => {
        expect(ShopDate.safeParse(d).success).toBe(true);
        expect(shopDate(new Date(startOfShopDay(d)))).toBe(d);
        expect(shopDate(new Date(endOfShopDay(d)))).toBe(d);
        expect(shopDate(new Date(Date.parse(endOfShopDay(d)) + 1))).toBe(addDays(d, 1));
      }),
      { numRuns: RUNS },
    );
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(shopDateArb, fc.integer({ min: -800, max: 800 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
      { numRuns: RUNS },
    );
  });

  it('addMonths keeps the day of month or clamps it to the month end', () => {
    fc.assert(
      fc.property(shopDateArb, fc.integer({ min: -36, max: 36 }), (d, k) => {
        const [y, m, day] = d.split('-').map(Number) as [number, number, number];
        const out = addMonths(d, k);
        const [oy, om, oday] = out.split('-').map(Number) as [number, number, number];
        expect(oy * 12 + om - (y * 12 + m)).toBe(k);
        const lastDay = new Date(Date.UTC(oy, om, 0)).getUTCDate();
        expect(oday).toBe(Math.min(day, lastDay));
      }),
      { numRuns: RUNS },
    );
  });
});
