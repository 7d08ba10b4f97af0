import { and, asc, eq, or, sql } from 'drizzle-orm';
import { products } from '../../../db/till/schema';
import type { ProductView } from '../../../shared/contract/till/layby-views';
import type { TillTx } from '../db-types';
import { escapeLike } from '../sql-like';

/** The division's active products whose SKU starts with, or name contains, the query. */
export function searchCatalogue(
  tx: Pick<TillTx, 'select'>,
  businessId: string,
  query: string,
): ProductView[] {
  const q = escapeLike(query.trim());
  return tx
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      priceCents: products.priceCents,
      currency: products.currency,
    })
    .from(products)
    .where(
      and(
        eq(products.businessId, businessId),
        eq(products.isActive, true),
        sql`${products.deletedAt} is null`,
        q
          ? or(
              sql`${products.sku} like ${`${q}%`} escape '\\'`,
              sql`${products.name} like ${`%${q}%`} escape '\\'`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(products.name))
    .limit(30)
    .all();
}
