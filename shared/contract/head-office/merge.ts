import { z } from 'zod';
import { Id } from '../common';
import { DUPLICATE_REASONS } from '../../domain/customers/duplicates';
import { FieldChoices } from '../../domain/customers/merge';
import { Customer, CustomerSummary } from './customers';
import { pageOf, PageQuery } from './paging';

// Finding and merging duplicate customers (HEAD_OFFICE_ADMIN). A merge is undoable until the
// close of the next business day; the merged record keeps a redirect to its survivor.

export const DuplicatesQuery = PageQuery.extend({
  customerId: Id.optional().describe("only this customer's likely duplicates (adds similar names)"),
});

export const DuplicatePair = z.object({
  first: CustomerSummary,
  second: CustomerSummary,
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
});
export const DuplicatePage = pageOf(DuplicatePair);

export const MergeRequest = z
  .object({ survivorId: Id, mergedId: Id, fieldChoices: FieldChoices.default({}) })
  .strict()
  .refine((request) => request.survivorId !== request.mergedId, {
    path: ['mergedId'],
    message: 'must differ from survivorId',
  });
export type MergeRequest = z.output<typeof MergeRequest>;

export const MergeResult = z.object({
  mergeId: Id,
  survivor: Customer,
  mergedId: Id,
  undoUntil: z.string(),
  combinedAccounts: z.array(z.string()).describe('divisions where two accounts became one'),
  movedAccounts: z.array(z.string()).describe('divisions whose account moved to the survivor'),
  moved: z.record(z.string(), z.number().int()).describe('rows re-pointed, per kind'),
});
export type MergeResult = z.infer<typeof MergeResult>;

export const MergeIdParams = z.object({ mergeId: Id });

export const UndoMergeResult = z.object({ mergeId: Id, survivor: Customer, restored: Customer });
export type UndoMergeResult = z.infer<typeof UndoMergeResult>;
