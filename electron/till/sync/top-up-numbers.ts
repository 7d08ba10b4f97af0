import { numberBlocks } from '../../../db/till/schema';
import type { TillDb } from '../../../db/till/connect';
import type { NumberSeries } from '../../../shared/domain/enums';
import { numbersLeft } from './number-blocks';
import type { ServerClient } from './server-client';

// The series a till numbers offline, and whether each is per division (CLO-CUST-…) or
// group-wide (UCST-…). Leased while online so an offline day never runs dry.
const TILL_SERIES: { series: NumberSeries; divisionScoped: boolean; lowWater: number }[] = [
  { series: 'CUSTOMER', divisionScoped: false, lowWater: 100 },
  { series: 'DIVISION_ACCOUNT', divisionScoped: true, lowWater: 100 },
  { series: 'LAYBY', divisionScoped: true, lowWater: 50 },
  { series: 'RECEIPT', divisionScoped: true, lowWater: 500 },
  { series: 'ORDER', divisionScoped: true, lowWater: 500 },
];

export async function topUpNumberBlocks(
  db: TillDb,
  client: ServerClient,
  businessId: string,
): Promise<void> {
  for (const { series, divisionScoped, lowWater } of TILL_SERIES) {
    const scope = { series, businessId: divisionScoped ? businessId : null };
    if (numbersLeft(db, scope) >= lowWater) continue;
    const block = await client.lease(series, divisionScoped);
    db.insert(numberBlocks)
      .values({ ...block, nextValue: block.rangeStart })
      .onConflictDoNothing()
      .run();
  }
}
