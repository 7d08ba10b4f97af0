import { describe, expect, it } from 'vitest';
import { changeAccountStatus } from './accounts';
import { needsAlertPermission, NoteFields, sortNotesForDisplay } from './notes';

describe('changeAccountStatus', () => {
  it.each([
    ['ACTIVE', 'SUSPENDED', true, false],
    ['SUSPENDED', 'ACTIVE', true, true],
    ['ACTIVE', 'CLOSED', true, false],
    ['ACTIVE', 'PENDING_APPROVAL', true, true],
    ['ACTIVE', 'ACTIVE', false, null],
  ] as const)('%s → %s', (from, to, ok, isActive) => {
    const result = changeAccountStatus(from, to, 'Customer asked us to');
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.change.isActive).toBe(isActive);
    else expect(result).toMatchObject({ field: 'status', message: 'is already ACTIVE' });
  });

  it('requires a reason', () => {
    expect(changeAccountStatus('ACTIVE', 'SUSPENDED', '  ')).toEqual({
      ok: false,
      field: 'reason',
      message: 'is required (say why)',
    });
  });
});

describe('notes', () => {
  it('needs a supervisor for alerts and warnings only', () => {
    expect(needsAlertPermission(NoteFields.parse({ content: 'x' }))).toBe(false);
    expect(needsAlertPermission(NoteFields.parse({ content: 'x', isAlert: true }))).toBe(true);
    expect(needsAlertPermission(NoteFields.parse({ content: 'x', noteType: 'WARNING' }))).toBe(
      true,
    );
  });

  it('names an empty note', () => {
    const parsed = NoteFields.safeParse({ content: '   ' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['content'], message: 'is required' });
  });

  it('shows alerts first, then by priority, then newest', () => {
    const notes = [
      { id: 'old-normal', isAlert: false, priority: 'NORMAL', createdAt: '2025-01-01' },
      { id: 'new-normal', isAlert: false, priority: 'NORMAL', createdAt: '2025-02-01' },
      { id: 'urgent', isAlert: false, priority: 'URGENT', createdAt: '2024-01-01' },
      { id: 'alert', isAlert: true, priority: 'LOW', createdAt: '2023-01-01' },
    ] as const;
    expect(sortNotesForDisplay(notes).map((n) => n.id)).toEqual([
      'alert',
      'urgent',
      'new-normal',
      'old-normal',
    ]);
  });
});
