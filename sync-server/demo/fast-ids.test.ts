import { describe, expect, it } from 'vitest';
import { Id } from '../../shared/contract/common';
import { createBulkUuidv7 } from './fast-ids';

describe('createBulkUuidv7', () => {
  it('makes valid, unique UUIDv7s that carry the clock in their first 48 bits', () => {
    const at = Date.UTC(2026, 0, 15);
    const next = createBulkUuidv7(() => at);
    const ids = Array.from({ length: 100_000 }, next);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 2_000)) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Id.safeParse(id).success).toBe(true);
      expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
    }
  });
});
