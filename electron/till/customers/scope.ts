import { eq } from 'drizzle-orm';
import type { TillDb } from '../../../db/till/connect';
import { businesses, tillIdentity } from '../../../db/till/schema';
import type { StaffMember } from '../../../shared/contract/common';
import { AppError } from '../../../shared/contract/result';
import type { SessionInfo } from '../../../shared/contract/till-api';
import { DIVISION_CODES, type DivisionCode } from '../../../shared/domain/enums';
import { isCurrency, type Currency } from '../../../shared/money/money';
import type { TillTx } from '../db-types';

/** Where a customer change happens: which till, which division. */
export type TillScope = {
  tillId: string;
  businessId: string;
  divisionCode: DivisionCode;
  divisionName: string;
  currency: Currency;
};

/** Who makes a change, where and when: what every write and its audit entry need. */
export type Actor = { staff: StaffMember; scope: TillScope; now: Date };

type Reader = Pick<TillTx, 'select'> | TillDb;

export function readScope(db: Reader): TillScope {
  const row = db
    .select({
      tillId: tillIdentity.tillId,
      businessId: tillIdentity.businessId,
      code: businesses.code,
      name: businesses.name,
      currency: businesses.defaultCurrency,
    })
    .from(tillIdentity)
    .innerJoin(businesses, eq(businesses.id, tillIdentity.businessId))
    .where(eq(tillIdentity.id, 1))
    .get();
  const divisionCode = DIVISION_CODES.find((code) => code === row?.code);
  if (!row || !divisionCode) {
    throw new AppError('NOT_ENROLLED', 'Enroll this till in a division before using customers.');
  }
  return {
    tillId: row.tillId,
    businessId: row.businessId,
    divisionCode,
    divisionName: row.name,
    currency: isCurrency(row.currency) ? row.currency : 'USD',
  };
}

/** The dispatcher has already checked the permission; this only narrows the type. */
export function actorOf(db: Reader, session: SessionInfo | null, now: Date): Actor {
  if (!session) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return { staff: session.staff, scope: readScope(db), now };
}

export const isHeadOffice = (staff: StaffMember) => staff.role === 'HEAD_OFFICE_ADMIN';
