import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuplicatePage } from '../../shared/contract/head-office/merge';
import { createCustomer } from './testing/builders';
import { startHarness, type Harness } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const reasonsFor = (page: DuplicatePage, a: string, b: string) =>
  page.items.find((p) => [p.first.id, p.second.id].sort().join() === [a, b].sort().join())?.reasons;
type DuplicatePage = ReturnType<typeof DuplicatePage.parse>;

describe('GET /api/customers/duplicates', () => {
  it('pairs customers that share a phone, or a name and birth date, with the reasons', async () => {
    const a = await createCustomer(h, { primaryPhone: '0772 400 001', firstName: 'Rudo' });
    const b = await createCustomer(h, { primaryPhone: '0772 400 001', firstName: 'Rumbi' });
    const c = await createCustomer(h, {
      primaryPhone: '0772 400 002',
      alternatePhone: '0772 400 003',
    });
    const d = await createCustomer(h, { primaryPhone: '0772 400 003' });
    const e = await createCustomer(h, {
      firstName: 'Nyasha',
      lastName: 'Dube',
      dateOfBirth: '1990-07-14',
    });
    const f = await createCustomer(h, {
      firstName: 'NYASHA',
      lastName: 'DUBE',
      dateOfBirth: '1990-07-14',
    });
    const lonely = await createCustomer(h, {
      firstName: 'Nyasha',
      lastName: 'Dube',
      dateOfBirth: '1991-01-01',
    });
    const response = await h.call('GET', '/api/customers/duplicates', h.tokens.admin);
    expect(response.statusCode).toBe(200);
    const page = DuplicatePage.parse(response.json());
    expect(reasonsFor(page, a.id, b.id)).toEqual(['SAME_PHONE']);
    expect(reasonsFor(page, c.id, d.id)).toEqual(['SAME_PHONE']);
    expect(reasonsFor(page, e.id, f.id)).toEqual(['SIMILAR_NAME_SAME_BIRTH_DATE']);
    expect(page.items.some((p) => p.first.id === lonely.id || p.second.id === lonely.id)).toBe(
      false,
    );
    expect(page.total).toBe(3);
  });

  it("finds one customer's similar names through the trigram index", async () => {
    const tendai = await createCustomer(h, {
      firstName: 'Tendai',
      lastName: 'Moyo',
      dateOfBirth: '1985-02-03',
    });
    const typo = await createCustomer(h, {
      firstName: 'Tendayi',
      lastName: 'Moyo',
      dateOfBirth: '1985-02-03',
    });
    const response = await h.call(
      'GET',
      `/api/customers/duplicates?customerId=${tendai.id}`,
      h.tokens.admin,
    );
    const page = DuplicatePage.parse(response.json());
    expect(reasonsFor(page, tendai.id, typo.id)).toEqual(['SIMILAR_NAME_SAME_BIRTH_DATE']);
  });

  it('is for head-office admins', async () => {
    expect((await h.call('GET', '/api/customers/duplicates', h.tokens.supervisor)).statusCode).toBe(
      403,
    );
  });
});
