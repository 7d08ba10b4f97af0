import { conflictLog } from '../../db/central/schema';
import { uuidv7 } from '../../shared/ids';
import type { CentralTx } from '../sync/change-sequence';
import type { FieldClock } from './clocks';

// The losing side of a concurrent edit is never thrown away: it goes to conflict_log for head
// office to review (and to put back by hand if the rule chose wrong).

export type FieldConflict = {
  entityType: 'customer' | 'division_account';
  entityId: string;
  businessId: string | null;
  field: string;
  winner: FieldClock & { value: unknown };
  loser: FieldClock & { value: unknown };
};

export async function logConflict(
  tx: Pick<CentralTx, 'insert'>,
  conflict: FieldConflict,
): Promise<void> {
  await tx.insert(conflictLog).values({
    id: uuidv7(),
    entityType: conflict.entityType,
    entityId: conflict.entityId,
    field: conflict.field,
    winningValue: conflict.winner.value ?? null,
    losingValue: conflict.loser.value ?? null,
    winningTillId: conflict.winner.tillId,
    losingTillId: conflict.loser.tillId,
    winningMutationId: conflict.winner.mutationId,
    losingMutationId: conflict.loser.mutationId,
    businessId: conflict.businessId,
  });
}
