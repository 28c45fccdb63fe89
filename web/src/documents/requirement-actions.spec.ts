import { describe, expect, it } from 'vitest';
import { actionKind, groupRequirements } from './requirement-actions';

describe('requirement actions', () => {
  it('maps the workflow actions to their forms by name, else by target status', () => {
    expect(actionKind({ name: 'submit', to: 'SUBMITTED' })).toBe('submit');
    expect(actionKind({ name: 'forward', to: 'UNDER_REVIEW' })).toBe('forward');
    expect(actionKind({ name: 'requestRevision', to: 'REVISION_REQUESTED' })).toBe(
      'requestRevision',
    );
    expect(actionKind({ name: 'approve', to: 'APPROVED' })).toBe('approve');
    expect(actionKind({ name: 'waive', to: 'WAIVED' })).toBe('waive');
    expect(actionKind({ name: 'kirimUlang', to: 'SUBMITTED' })).toBe('submit');
    expect(actionKind({ name: 'archive', to: 'ARCHIVED' })).toBeNull();
  });

  it('groups requirements under headings in the given order', () => {
    const grouped = groupRequirements([
      { id: 1, group: 'Termin 1' },
      { id: 2, group: null },
      { id: 3, group: 'Termin 1 ' },
      { id: 4, group: 'Termin 2' },
      { id: 5, group: '' },
    ]);
    expect(grouped.map((g) => [g.group, g.items.map((i) => i.id)])).toEqual([
      ['Termin 1', [1, 3]],
      [null, [2, 5]],
      ['Termin 2', [4]],
    ]);
  });
});
