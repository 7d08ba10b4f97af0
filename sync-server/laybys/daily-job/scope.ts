import { AppError } from '../../../shared/contract/result';
import type { DivisionCode } from '../../../shared/domain/enums';
import type { StaffPrincipal } from '../../auth/principal';
import type { Divisions } from '../../customers/divisions';

/**
 * The division a head-office list or report covers: division staff see their own (asking for
 * another is refused, not silently narrowed); head office sees the one asked for, or all (null).
 */
export function divisionScope(
  staff: StaffPrincipal,
  asked: DivisionCode | undefined,
  divisions: Divisions,
): string | null {
  const wanted = asked === undefined ? undefined : divisions.byCode.get(asked);
  if (asked !== undefined && !wanted)
    throw new AppError('NOT_FOUND', `No division ${asked}.`, 'division');
  if (staff.businessId === null) return wanted?.id ?? null;
  if (wanted && wanted.id !== staff.businessId)
    throw new AppError('FORBIDDEN', 'You may only see your own division.', 'division');
  return staff.businessId;
}
