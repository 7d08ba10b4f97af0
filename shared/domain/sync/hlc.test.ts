import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, measuredOffsetMs, parseHlc, tick } from './hlc';

const T = Date.parse('2026-11-25T02:51:00.000Z');

describe('hybrid logical clock', () => {
  it('follows the clock, counts within a millisecond, never goes back', () => {
    const a = tick(null, T);
    expect(a).toEqual({ ms: T, counter: 0 });
    expect(tick(a, T)).toEqual({ ms: T, counter: 1 });
    expect(tick(a, T - 60_000)).toEqual({ ms: T, counter: 1 });
    expect(tick(a, T + 5)).toEqual({ ms: T + 5, counter: 0 });
    expect(tick({ ms: T, counter: 9999 }, T)).toEqual({ ms: T + 1, counter: 0 });
  });

  it('stamps sort as strings in clock order, after a plain ISO time of the same millisecond', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -86_400_000, max: 86_400_000 }), {
          minLength: 2,
          maxLength: 50,
        }),
        (steps) => {
          let last = tick(null, T);
          const stamps = [formatHlc(last)];
          for (const step of steps) {
            last = tick(last, T + step);
            stamps.push(formatHlc(last));
          }
          expect([...stamps].sort()).toEqual(stamps);
          expect(new Set(stamps).size).toBe(stamps.length);
        },
      ),
    );
    expect(new Date(T).toISOString() < formatHlc({ ms: T, counter: 0 })).toBe(true);
  });

  it('parses its own stamps and plain ISO times', () => {
    expect(parseHlc(formatHlc({ ms: T, counter: 42 }))).toEqual({ ms: T, counter: 42 });
    expect(parseHlc('2026-11-25T02:51:00.000Z')).toEqual({ ms: T, counter: 0 });
    expect(parseHlc('yesterday')).toBeNull();
  });

  it('measures the offset from the middle of the round trip', () => {
    // Sent at local 1000, answered 1200; the server read 86,400,100 in between: a day behind.
    expect(measuredOffsetMs(1_000, 86_400_100 + 1_000, 1_200)).toBe(86_400_000);
  });
});
