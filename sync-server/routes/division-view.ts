import { and, eq } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import { businesses } from '../../db/central/schema';
import { toDivision, type Division } from '../../shared/contract/common';
import { AppError } from '../../shared/contract/result';

export async function loadDivision(db: CentralDb, businessId: string): Promise<Division> {
  const [row] = await db
    .select()
    .from(businesses)
    .where(and(eq(businesses.id, businessId), eq(businesses.kind, 'DIVISION')));
  const division = toDivision(row);
  if (!division) throw new AppError('NOT_FOUND', 'No such division.', 'divisionId');
  return division;
}
