import type { TillDb } from '../../../../db/till/connect';
import { businesses, tillIdentity } from '../../../../db/till/schema';
import type { SessionInfo } from '../../../../shared/contract/till-api';

// Just enough of an enrolled till for slips to name their store, till and cashier.
export const CLOTHING_ID = '01920000-0000-7000-8000-0000000000c1';

export function enrollForTests(db: TillDb): void {
  db.insert(businesses)
    .values({
      id: CLOTHING_ID,
      kind: 'DIVISION',
      code: 'CLO',
      name: 'Unitill Clothing',
      address: '45 Samora Machel Avenue, Harare',
      phone: '+263 242 700 100',
      taxNumber: '10023456',
    })
    .run();
  db.insert(tillIdentity)
    .values({
      id: 1,
      tillId: '01920000-0000-7000-8000-00000000aa01',
      tillName: 'Front counter 1',
      businessId: CLOTHING_ID,
      serverUrl: 'http://127.0.0.1:9',
      deviceToken: 'test',
      enrolledAt: '2025-03-01T08:00:00.000Z',
    })
    .run();
}

export const supervisor: SessionInfo = {
  staff: {
    id: '01920000-0000-7000-8000-0000000000e2',
    username: 'clo.supervisor',
    fullName: 'Farai Moyo',
    role: 'SUPERVISOR',
    businessId: CLOTHING_ID,
  },
  signedInAt: '2025-03-12T07:00:00.000Z',
};
