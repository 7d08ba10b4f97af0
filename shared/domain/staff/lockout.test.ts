import { describe, expect, it } from 'vitest';
import { afterFailure, isLockedOut, LOCKOUT_POLICY } from './lockout';

const t0 = new Date('2026-11-24T08:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('lockout', () => {
  it('locks after the fifth wrong PIN and not before', () => {
    let state = afterFailure(undefined, t0);
    for (let i = 2; i < LOCKOUT_POLICY.maxFailures; i += 1) state = afterFailure(state, t0);
    expect(isLockedOut(state, t0)).toBe(false);
    state = afterFailure(state, t0);
    expect(isLockedOut(state, t0)).toBe(true);
    expect(isLockedOut(state, later(LOCKOUT_POLICY.lockMinutes - 1))).toBe(true);
  });

  it('lifts the lock when its time has passed and starts counting afresh', () => {
    let state = afterFailure(undefined, t0);
    for (let i = 1; i < LOCKOUT_POLICY.maxFailures; i += 1) state = afterFailure(state, t0);
    const after = later(LOCKOUT_POLICY.lockMinutes + 1);
    expect(isLockedOut(state, after)).toBe(false);
    expect(afterFailure(state, after)).toEqual({ failures: 1, lockedUntil: null });
  });
});
