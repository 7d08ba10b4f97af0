import { describe, expect, it } from 'vitest';
import { fromZodError } from '../result';
import { isMutationName, mutationPayloads } from './mutations';

const id = '0190a0b0-0000-7000-8000-000000000001';
const actorUserId = '0190a0b0-0000-7000-8000-000000000002';

describe('customer mutations', () => {
  it('are registered by name', () => {
    for (const name of [
      'customer.create',
      'customer.update',
      'customer.setActive',
      'customer.setBlacklist',
      'account.open',
      'account.setStatus',
      'customer.link',
      'note.add',
    ]) {
      expect(isMutationName(name)).toBe(true);
    }
  });

  it('an update carries each changed field with its previous value, re-validated', () => {
    const payload = mutationPayloads['customer.update'].parse({
      id,
      actorUserId,
      changes: { primaryPhone: { from: '0772 123 456', to: '0772 999 888' } },
    });
    expect(payload.changes.primaryPhone).toEqual({ from: '0772 123 456', to: '+263772999888' });
  });

  it('refuses an update that changes nothing, or a field that is not editable', () => {
    const empty = mutationPayloads['customer.update'].safeParse({ id, actorUserId, changes: {} });
    expect(empty.success).toBe(false);
    const link = mutationPayloads['customer.update'].safeParse({
      id,
      actorUserId,
      changes: { linkedUserId: { from: null, to: id } },
    });
    expect(link.success).toBe(false);
  });

  it('names the bad field of a payload', () => {
    const parsed = mutationPayloads['customer.update'].safeParse({
      id,
      actorUserId,
      changes: { primaryEmail: { from: null, to: 'nope' } },
    });
    expect(parsed.success || fromZodError(parsed.error).field).toBe('changes.primaryEmail.to');
  });

  it('blacklisting needs a reason', () => {
    const parsed = mutationPayloads['customer.setBlacklist'].safeParse({
      id,
      actorUserId,
      isBlacklisted: true,
      reason: '',
    });
    expect(parsed.success || fromZodError(parsed.error).field).toBe('reason');
  });
});
