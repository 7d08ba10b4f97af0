import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIVISION_CODES } from '../enums';
import { chargeOn, DEFAULT_LAYBY_RULES, LaybyRules, laybyRulesFor } from './rules';
import { chargeArb, laybyRulesArb, RUNS } from './testing/arbitraries';

describe('layby rules per division', () => {
  it('follows the feature matrix: on for clothing, hardware, construction; off for grocery and restaurant', () => {
    expect(DEFAULT_LAYBY_RULES.CLO.enabled).toBe(true);
    expect(DEFAULT_LAYBY_RULES.HWR.enabled).toBe(true);
    expect(DEFAULT_LAYBY_RULES.CON.enabled).toBe(true);
    expect(DEFAULT_LAYBY_RULES.GRO.enabled).toBe(false);
    expect(DEFAULT_LAYBY_RULES.RST.enabled).toBe(false);
  });

  it('clothing: 20 % deposit, US$5 minimum instalment, 92 days, US$2 admin fee, 5 % late fee capped at US$10', () => {
    const clo = DEFAULT_LAYBY_RULES.CLO;
    expect(clo.minDepositBp).toBe(2000);
    expect(clo.minInstalmentCents).toBe(500);
    // three calendar months at their longest (31 May → 31 August)
    expect(clo.maxTermDays).toBe(92);
    expect(clo.frequencies).toEqual(['WEEKLY', 'FORTNIGHTLY', 'MONTHLY']);
    expect(clo.administrationFee).toEqual({ kind: 'FIXED', cents: 200 });
    expect(clo.lateFee).toEqual({ kind: 'PERCENT', bp: 500, capCents: 1000 });
    expect(clo.lateFeeGraceDays).toBe(7);
    expect(clo.defaultAfterMissed).toBe(3);
    expect(clo.releaseBy).toBe('CASHIER');
  });

  it('hardware and construction: 30 % deposit, 120 days, supervisor releases', () => {
    for (const code of ['HWR', 'CON'] as const) {
      const r = DEFAULT_LAYBY_RULES[code];
      expect(r.minDepositBp).toBe(3000);
      expect(r.maxTermDays).toBe(120);
      expect(r.releaseBy).toBe('SUPERVISOR');
    }
  });

  it('every default parses unchanged through the schema', () => {
    for (const code of DIVISION_CODES) {
      expect(LaybyRules.parse(DEFAULT_LAYBY_RULES[code])).toEqual(DEFAULT_LAYBY_RULES[code]);
    }
  });

  it('uses the stored row when it parses, the defaults when there is none', () => {
    const stored = { ...DEFAULT_LAYBY_RULES.CLO, minDepositBp: 2500, maxTermDays: 60 };
    expect(laybyRulesFor('CLO', stored)).toEqual(stored);
    expect(laybyRulesFor('CLO', null)).toBe(DEFAULT_LAYBY_RULES.CLO);
    expect(laybyRulesFor('HWR', undefined)).toBe(DEFAULT_LAYBY_RULES.HWR);
    // head office can switch grocery on
    expect(laybyRulesFor('GRO', { ...DEFAULT_LAYBY_RULES.GRO, enabled: true }).enabled).toBe(true);
  });

  it('fills a percentage charge without a cap as uncapped', () => {
    const stored = { ...DEFAULT_LAYBY_RULES.CLO, lateFee: { kind: 'PERCENT', bp: 250 } };
    expect(laybyRulesFor('CLO', stored).lateFee).toEqual({
      kind: 'PERCENT',
      bp: 250,
      capCents: null,
    });
  });

  it.each([
    ['an unknown key (the schema is strict)', { ...DEFAULT_LAYBY_RULES.CLO, surprise: 1 }],
    ['no frequencies', { ...DEFAULT_LAYBY_RULES.CLO, frequencies: [] }],
    ['a deposit over 100 %', { ...DEFAULT_LAYBY_RULES.CLO, minDepositBp: 10_001 }],
    ['a term under a week', { ...DEFAULT_LAYBY_RULES.CLO, maxTermDays: 6 }],
    ['a term over a year', { ...DEFAULT_LAYBY_RULES.CLO, maxTermDays: 366 }],
    ['fractional cents', { ...DEFAULT_LAYBY_RULES.CLO, minInstalmentCents: 1.5 }],
    ['never defaulting', { ...DEFAULT_LAYBY_RULES.CLO, defaultAfterMissed: 0 }],
    ['an unknown charge kind', { ...DEFAULT_LAYBY_RULES.CLO, lateFee: { kind: 'DOUBLE' } }],
    [
      'a missing initiator',
      {
        ...DEFAULT_LAYBY_RULES.CLO,
        cancellation: { CUSTOMER: DEFAULT_LAYBY_RULES.CLO.cancellation.CUSTOMER },
      },
    ],
    ['not an object', 'yes please'],
  ])('falls back to the defaults for a stored row with %s', (_, stored) => {
    expect(laybyRulesFor('CLO', stored)).toBe(DEFAULT_LAYBY_RULES.CLO);
  });

  it('says "needs at least one" for an empty frequency list', () => {
    const parsed = LaybyRules.safeParse({ ...DEFAULT_LAYBY_RULES.CLO, frequencies: [] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['frequencies']);
    expect(parsed.error?.issues[0]?.message).toBe('needs at least one');
  });

  it('any rules the arbitrary makes survive a stored round trip', () => {
    fc.assert(
      fc.property(laybyRulesArb, (rules) => {
        expect(laybyRulesFor('CLO', JSON.parse(JSON.stringify(rules)))).toEqual(rules);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('chargeOn', () => {
  it('charges nothing, a fixed sum, or a rounded percentage under its cap', () => {
    expect(chargeOn({ kind: 'NONE' }, 10_000)).toBe(0);
    expect(chargeOn({ kind: 'FIXED', cents: 200 }, 10_000)).toBe(200);
    expect(chargeOn({ kind: 'FIXED', cents: 200 }, 0)).toBe(200);
    expect(chargeOn({ kind: 'PERCENT', bp: 250, capCents: null }, 10_000)).toBe(250);
    // 5 % of US$27.33 = 136.65 c → 137 (half away from zero)
    expect(chargeOn({ kind: 'PERCENT', bp: 500, capCents: 1000 }, 2733)).toBe(137);
    // 5 % of 10 c = 0.5 c → 1
    expect(chargeOn({ kind: 'PERCENT', bp: 500, capCents: null }, 10)).toBe(1);
    // 5 % of 9 c = 0.45 c → 0
    expect(chargeOn({ kind: 'PERCENT', bp: 500, capCents: null }, 9)).toBe(0);
    // 5 % of US$300 = US$15, capped at US$10
    expect(chargeOn({ kind: 'PERCENT', bp: 500, capCents: 1000 }, 30_000)).toBe(1000);
    // exactly at the cap
    expect(chargeOn({ kind: 'PERCENT', bp: 500, capCents: 1000 }, 20_000)).toBe(1000);
    expect(chargeOn({ kind: 'PERCENT', bp: 500, capCents: 0 }, 20_000)).toBe(0);
    expect(chargeOn({ kind: 'PERCENT', bp: 10_000, capCents: null }, 12_345)).toBe(12_345);
  });

  it('is whole cents, never negative, never over its cap, and a percentage never over its base', () => {
    fc.assert(
      fc.property(chargeArb(), fc.integer({ min: 0, max: 100_000_000 }), (charge, base) => {
        const c = chargeOn(charge, base);
        expect(Number.isInteger(c)).toBe(true);
        expect(c).toBeGreaterThanOrEqual(0);
        if (charge.kind === 'NONE') expect(c).toBe(0);
        if (charge.kind === 'FIXED') expect(c).toBe(charge.cents);
        if (charge.kind === 'PERCENT') {
          expect(c).toBeLessThanOrEqual(base);
          if (charge.capCents !== null) expect(c).toBeLessThanOrEqual(charge.capCents);
          // within half a cent of the exact percentage (or at the cap)
          const exact = (base * charge.bp) / 10_000;
          if (charge.capCents === null || exact <= charge.capCents)
            expect(Math.abs(c - exact)).toBeLessThanOrEqual(0.5);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a percentage grows with its base', () => {
    fc.assert(
      fc.property(
        chargeArb(),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (charge, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(chargeOn(charge, lo)).toBeLessThanOrEqual(chargeOn(charge, hi));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
