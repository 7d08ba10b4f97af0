import { exchangeRates } from '../../../../db/till/schema';
import { CustomerCreateInput } from '../../../../shared/domain/customers/validate';
import type { DivisionCode } from '../../../../shared/domain/enums';
import { shopDate } from '../../../../shared/domain/layby/dates';
import type { LaybyItem } from '../../../../shared/domain/layby/records';
import { uuidv7 } from '../../../../shared/ids';
import { createCustomer } from '../../customers/create';
import { openCustomerFixture, type CustomerFixture } from '../../testing/customer-fixture';
import { seedNumberBlocks } from '../../testing/seed-number-blocks';

// Tests only: a clothing till with layby and receipt numbers, a customer, and head office's
// USD/ZWG rate of the day (1 USD = 26.7512 ZWG).

export type LaybyFixture = CustomerFixture & { customerId: string };

export const USD_TO_ZWG_MICROS = 26_751_200;

export async function openLaybyFixture(
  options: { pins?: boolean; division?: DivisionCode } = {},
): Promise<LaybyFixture> {
  const f = await openCustomerFixture(options);
  seedNumberBlocks(f.handle.db, [
    { series: 'LAYBY', businessId: f.businessId, rangeStart: 1, rangeEnd: 10_000 },
    { series: 'RECEIPT', businessId: f.businessId, rangeStart: 1, rangeEnd: 1_000_000 },
  ]);
  const customer = createCustomer(
    f.handle.db,
    CustomerCreateInput.parse({
      firstName: 'Chipo',
      lastName: 'Ndlovu',
      primaryPhone: '0772 555 010',
    }),
    f.actor(),
  );
  return { ...f, customerId: customer.id };
}

export function seedRate(f: CustomerFixture, now: Date, rateMicros = USD_TO_ZWG_MICROS): void {
  f.handle.db
    .insert(exchangeRates)
    .values({
      id: uuidv7(),
      date: shopDate(now),
      fromCurrency: 'USD',
      toCurrency: 'ZWG',
      rateMicros,
    })
    .run();
}

/** A dress and two metres of fabric: US$100.00 of goods. */
export const DRESS_AND_FABRIC: LaybyItem[] = [
  {
    productId: null,
    sku: 'DRS-01',
    description: 'Evening dress',
    quantityMilli: 1000,
    unitPriceCents: 8000,
  },
  {
    productId: null,
    sku: 'FAB-02',
    description: 'Cotton print fabric (m)',
    quantityMilli: 2000,
    unitPriceCents: 1000,
  },
];
