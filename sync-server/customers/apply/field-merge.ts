import type { UniversalCustomerRow } from '../../../db/central/schema';
import { compareClocks, type FieldClock } from '../clocks';
import type { FieldConflict } from '../conflicts';
import { same } from './support';

// Field-by-field merge of a till's edit with what the server holds. The payload says, per
// field, the value the till saw (from) and the value it wants (to):
//   server still holds `from` → nobody else changed it: take `to`;
//   server already holds `to` → nothing to do;
//   otherwise someone changed it concurrently → the later clock wins, the loser is logged.

export type FieldChange = { from: unknown; to: unknown };

export type FieldMerge = {
  accepted: Record<string, unknown>;
  conflicts: Omit<FieldConflict, 'entityType' | 'entityId' | 'businessId'>[];
};

export function mergeFields(
  row: UniversalCustomerRow,
  changes: Record<string, FieldChange | undefined>,
  clocks: Map<string, FieldClock>,
  incoming: FieldClock,
): FieldMerge {
  const result: FieldMerge = { accepted: {}, conflicts: [] };
  for (const [field, change] of Object.entries(changes)) {
    if (!change) continue;
    const current: unknown = row[field as keyof UniversalCustomerRow];
    if (same(current, change.to)) continue;
    if (same(current, change.from)) {
      result.accepted[field] = change.to;
      continue;
    }
    // No clock: the server's value predates every clocked edit, so the edit is newer.
    const stored = clocks.get(field) ?? { at: '', tillId: null, mutationId: null };
    const tillWins = compareClocks(incoming, stored) > 0;
    const mine = { ...incoming, value: change.to };
    const theirs = { ...stored, value: current };
    result.conflicts.push({
      field,
      winner: tillWins ? mine : theirs,
      loser: tillWins ? theirs : mine,
    });
    if (tillWins) result.accepted[field] = change.to;
  }
  return result;
}
