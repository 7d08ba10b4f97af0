import { describe, expect, it } from 'vitest';
import { Id, Pin, Username } from '../../shared/contract/common';
import { DIVISION_CODES, STAFF_ROLES } from '../../shared/domain/enums';
import { DEMO_CATALOGUE } from './catalogue';
import { DEMO_BUSINESSES, DEMO_DIVISIONS, DEMO_UMBRELLA } from './divisions';
import { DEMO_STAFF } from './staff';

describe('demo divisions', () => {
  it('has the umbrella and one division per division code, with stable valid ids', () => {
    expect(DEMO_UMBRELLA).toMatchObject({ kind: 'UMBRELLA', code: 'GRP', parentId: null });
    expect(DEMO_DIVISIONS.map((d) => d.code)).toEqual([...DIVISION_CODES]);
    for (const d of DEMO_DIVISIONS)
      expect(d).toMatchObject({ kind: 'DIVISION', parentId: DEMO_UMBRELLA.id });
    for (const b of DEMO_BUSINESSES) {
      expect(Id.safeParse(b.id).success).toBe(true);
      expect(b.phone).toMatch(/^\+263(242|292)\d{6}$/);
      expect(b.taxNumber).toMatch(/^\d{10}$/);
    }
    expect(new Set(DEMO_BUSINESSES.map((b) => b.id)).size).toBe(DEMO_BUSINESSES.length);
    expect(DEMO_UMBRELLA.id).toBe('018f4d2a-6c00-7001-8000-000000000001');
  });
});

describe('demo staff', () => {
  it('gives every division every division role, and head office one admin', () => {
    for (const division of DEMO_DIVISIONS) {
      const roles = DEMO_STAFF.filter((s) => s.businessId === division.id).map((s) => s.role);
      expect(roles.sort()).toEqual(STAFF_ROLES.filter((r) => r !== 'HEAD_OFFICE_ADMIN').sort());
    }
    const admins = DEMO_STAFF.filter((s) => s.role === 'HEAD_OFFICE_ADMIN');
    expect(admins).toHaveLength(1);
    expect(admins[0]).toMatchObject({ username: 'admin', businessId: null, pin: '9999' });
    expect(DEMO_STAFF).toHaveLength(DEMO_DIVISIONS.length * 4 + 1);
  });

  it('signs in with the README usernames and PINs', () => {
    const byUsername = new Map(DEMO_STAFF.map((s) => [s.username, s]));
    expect(byUsername.get('clo.cashier')).toMatchObject({ role: 'CASHIER', pin: '1111' });
    expect(byUsername.get('gro.supervisor')).toMatchObject({ role: 'SUPERVISOR', pin: '2222' });
    expect(byUsername.get('hwr.manager')).toMatchObject({ role: 'DIVISION_MANAGER', pin: '3333' });
    expect(byUsername.get('con.credit')).toMatchObject({ role: 'CREDIT_CONTROLLER', pin: '4444' });
    expect(byUsername.size).toBe(DEMO_STAFF.length);
    for (const s of DEMO_STAFF) {
      expect(Username.parse(s.username)).toBe(s.username);
      expect(Pin.safeParse(s.pin).success).toBe(true);
      expect(Id.safeParse(s.id).success).toBe(true);
      expect(Id.safeParse(s.employeeId).success).toBe(true);
    }
    expect(new Set(DEMO_STAFF.map((s) => s.employeeNumber)).size).toBe(DEMO_STAFF.length);
  });
});

describe('demo catalogue', () => {
  it('lists 20 to 40 priced products per division with unique SKUs', () => {
    for (const code of DIVISION_CODES) {
      const products = DEMO_CATALOGUE[code];
      expect(products.length).toBeGreaterThanOrEqual(20);
      expect(products.length).toBeLessThanOrEqual(40);
      expect(new Set(products.map((p) => p.sku)).size).toBe(products.length);
      for (const p of products) {
        expect(p.sku).toMatch(new RegExp(`^${code}-\\d{4}$`));
        expect(Number.isSafeInteger(p.priceCents) && p.priceCents > 0).toBe(true);
        expect(p.currency).toBe('USD');
      }
    }
    expect(DEMO_CATALOGUE.HWR.find((p) => p.name.includes('PPC'))?.priceCents).toBe(1150);
  });
});
