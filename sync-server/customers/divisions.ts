import { eq } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import { businesses } from '../../db/central/schema';
import { DIVISION_CODES, type DivisionCode } from '../../shared/domain/enums';

// The divisions, by id and by code. They change about once a decade, so a copy is kept per
// database for a minute: a search by division number then costs no extra round trip.

export type DivisionRef = { id: string; code: DivisionCode; name: string; currency: string };
export type Divisions = {
  byId: Map<string, DivisionRef>;
  byCode: Map<DivisionCode, DivisionRef>;
};

const TTL_MS = 60_000;
const cache = new WeakMap<object, { at: number; divisions: Divisions }>();

export async function loadDivisions(db: Pick<CentralDb, 'select'>): Promise<Divisions> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.divisions;
  const rows = await db
    .select({
      id: businesses.id,
      code: businesses.code,
      name: businesses.name,
      currency: businesses.defaultCurrency,
    })
    .from(businesses)
    .where(eq(businesses.kind, 'DIVISION'));
  const divisions: Divisions = { byId: new Map(), byCode: new Map() };
  for (const row of rows) {
    const code = DIVISION_CODES.find((c) => c === row.code);
    if (!code) continue;
    const ref = { ...row, code };
    divisions.byId.set(ref.id, ref);
    divisions.byCode.set(code, ref);
  }
  cache.set(db, { at: Date.now(), divisions });
  return divisions;
}
