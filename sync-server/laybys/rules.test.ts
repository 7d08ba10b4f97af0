import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, laybyRules, users } from '../../db/central/schema';
import { DEFAULT_LAYBY_RULES } from '../../shared/domain/layby/rules';
import { uuidv7 } from '../../shared/ids';
import { hashPin } from '../../shared/node/pin-hash';
import { pullPage } from '../sync/pull';
import { useLaybySuite } from './testing/builders';

const { s, db } = useLaybySuite();
let manager = '';

beforeAll(async () => {
  await db()
    .insert(users)
    .values({
      id: uuidv7(),
      username: 'clo.manager',
      fullName: 'Clothing manager',
      role: 'DIVISION_MANAGER',
      businessId: s.h.org.clothing.id,
      pinHash: await hashPin('3333'),
    });
  manager = await s.h.signIn('clo.manager', '3333');
});

const url = (code: string) => `/api/divisions/${code}/layby-rules`;
const error = (response: { json<T>(): T }) =>
  response.json<{ error: { code: string; message: string; field?: string } }>().error;

describe('GET /api/divisions/:code/layby-rules', () => {
  it('answers the defaults with custom: false while none were saved', async () => {
    const response = await s.h.call('GET', url('HWR'), s.h.tokens.cashier);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      divisionCode: 'HWR',
      currency: 'USD',
      rules: DEFAULT_LAYBY_RULES.HWR,
      custom: false,
    });
  });

  it('names an unknown division', async () => {
    const response = await s.h.call('GET', url('XYZ'), s.h.tokens.admin);
    expect(response.statusCode).toBe(400);
    expect(error(response).field).toBe('code');
    expect((await s.h.call('GET', url('CON'), s.h.tokens.admin)).statusCode).toBe(404);
  });
});

describe('PUT /api/divisions/:code/layby-rules', () => {
  const edited = { ...DEFAULT_LAYBY_RULES.CLO, minDepositBp: 2_500, releaseBy: 'SUPERVISOR' };

  it('saves the division’s rules, stamped for its tills, audited; GET then answers them', async () => {
    const response = await s.h.call('PUT', url('CLO'), manager, edited);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ rules: edited, custom: true });
    const read = await s.h.call('GET', url('CLO'), s.h.tokens.cashier);
    expect(read.json()).toMatchObject({ rules: edited, custom: true });
    const [row] = await db()
      .select()
      .from(laybyRules)
      .where(eq(laybyRules.businessId, s.h.org.clothing.id));
    expect(row?.serverSeq).toBeGreaterThan(0);
    const firstSeq = row?.serverSeq ?? 0;

    const again = { ...edited, minDepositBp: 3_000 };
    expect((await s.h.call('PUT', url('CLO'), s.h.tokens.admin, again)).statusCode).toBe(200);
    const [updated] = await db()
      .select()
      .from(laybyRules)
      .where(eq(laybyRules.businessId, s.h.org.clothing.id));
    expect(updated).toMatchObject({ id: row?.id, rules: again });
    expect(updated?.serverSeq).toBeGreaterThan(firstSeq);
    const audits = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, s.h.org.clothing.id));
    expect(audits.map((a) => a.action)).toEqual(['laybyRules.update', 'laybyRules.update']);
    // The division's tills pull the row; another division's do not.
    const pulled = async (businessId: string) =>
      (
        await pullPage(db(), { kind: 'till', tillId: s.tillA, businessId, name: 'T' }, 0, 5_000)
      ).changes
        .filter((c) => c.entity === 'layby_rules')
        .map((c) => c.row.rules);
    expect(await pulled(s.h.org.clothing.id)).toEqual([again]);
    expect(await pulled(s.h.org.hardware.id)).toEqual([]);
  });

  it('lets only head office or the division’s own manager change them', async () => {
    const cashier = await s.h.call('PUT', url('CLO'), s.h.tokens.cashier, edited);
    expect(cashier.statusCode).toBe(403);
    const supervisor = await s.h.call('PUT', url('CLO'), s.h.tokens.supervisor, edited);
    expect(supervisor.statusCode).toBe(403);
    const otherDivision = await s.h.call('PUT', url('HWR'), manager, DEFAULT_LAYBY_RULES.HWR);
    expect(otherDivision.statusCode).toBe(403);
    expect(error(otherDivision).message).toContain('your own division');
  });

  it('refuses invalid rules with a 400 naming the field, and saves nothing', async () => {
    const before = await s.h.call('GET', url('HWR'), s.h.tokens.admin);
    const cases: [unknown, string][] = [
      [{ ...DEFAULT_LAYBY_RULES.HWR, minDepositBp: 20_000 }, 'minDepositBp'],
      [{ ...DEFAULT_LAYBY_RULES.HWR, frequencies: [] }, 'frequencies'],
      [{ ...DEFAULT_LAYBY_RULES.HWR, maxTermDays: 3 }, 'maxTermDays'],
      [{ ...DEFAULT_LAYBY_RULES.HWR, lateFee: { kind: 'PERCENT', bp: -1 } }, 'lateFee.bp'],
      [
        {
          ...DEFAULT_LAYBY_RULES.HWR,
          cancellation: { ...DEFAULT_LAYBY_RULES.HWR.cancellation, STORE: { keepsFees: true } },
        },
        'cancellation.STORE.fee',
      ],
      [{ ...DEFAULT_LAYBY_RULES.HWR, releaseBy: 'ANYONE' }, 'releaseBy'],
    ];
    for (const [body, field] of cases) {
      const response = await s.h.call('PUT', url('HWR'), s.h.tokens.admin, body);
      expect(response.statusCode, field).toBe(400);
      expect(error(response).field).toBe(field);
      expect(error(response).message.startsWith(`${field}: `)).toBe(true);
    }
    const { enabled: _enabled, ...missing } = DEFAULT_LAYBY_RULES.HWR;
    expect(error(await s.h.call('PUT', url('HWR'), s.h.tokens.admin, missing)).field).toBe(
      'enabled',
    );
    const extra = await s.h.call('PUT', url('HWR'), s.h.tokens.admin, {
      ...DEFAULT_LAYBY_RULES.HWR,
      depositPercent: 20,
    });
    expect(extra.statusCode).toBe(400);
    expect(error(extra).message).toContain('depositPercent');
    expect((await s.h.call('GET', url('HWR'), s.h.tokens.admin)).json()).toEqual(before.json());
  });

  it('opens new laybys under the saved rules; open laybys keep the rules they were signed under', async () => {
    // CLO now asks for a 30 % deposit (saved above): a 20 % deposit is refused at head office.
    const customer = await s.h.call('POST', '/api/customers', s.h.tokens.admin, {
      firstName: 'Chipo',
      lastName: 'Dube',
      primaryPhone: '0772999111',
    });
    const customerId = customer.json<{ id: string }>().id;
    await s.h.call('POST', `/api/customers/${customerId}/divisions`, s.h.tokens.admin, {
      divisionId: s.h.org.clothing.id,
    });
    const response = await s.h.call(
      'POST',
      `/api/customers/${customerId}/laybys`,
      s.h.tokens.admin,
      {
        divisionId: s.h.org.clothing.id,
        items: [{ description: 'Suit', quantityMilli: 1000, unitPriceCents: 10_000 }],
        plan: { frequency: 'MONTHLY', instalments: 2 },
        deposit: { amountCents: 2_000 },
      },
    );
    expect(response.statusCode).toBe(400);
    expect(error(response)).toMatchObject({ field: 'deposit.amountCents' });
    expect(error(response).message).toContain('at least 3000 cents');
  });
});
