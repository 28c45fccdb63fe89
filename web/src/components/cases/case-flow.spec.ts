import { describe, expect, it } from 'vitest';
import { ACTION_SPECS, actionFieldPath, actionSpec, checkActionValues } from './case-action-specs';
import {
  CASE_STATUSES,
  caseHref,
  caseNumberHref,
  caseStatusColor,
  caseStatusOf,
  monthOf,
  monthParam,
  monthsBefore,
  queueOf,
  searchOf,
  staffOptions,
} from './case-flow';

describe('case lists', () => {
  it('reads the queue, status and search of the URL', () => {
    const offered = ['MINE', 'REQUESTED', 'ALL', 'OVERDUE'] as const;
    expect(queueOf('terlambat', offered)).toBe('OVERDUE');
    expect(queueOf('semua', offered)).toBe('ALL');
    // Unknown or not offered on this page: the first queue.
    expect(queueOf('ditugaskan', offered)).toBe('MINE');
    expect(queueOf(undefined, offered)).toBe('MINE');
    expect(caseStatusOf('CONSULTATION', 'IN_REVIEW')).toBe('IN_REVIEW');
    expect(caseStatusOf('CONSULTATION', 'FILED')).toBeNull();
    expect(caseStatusOf('ICT_COMPLAINT', 'FILED')).toBe('FILED');
    expect(searchOf('  KNS-2026  ')).toBe('KNS-2026');
    expect(searchOf('   ')).toBeNull();
    expect(searchOf('x'.repeat(300))).toHaveLength(100);
  });

  it('links cases by id and recap numbers by a search of their list', () => {
    expect(caseHref('ICT_COMPLAINT', 'a/b')).toBe('/pengaduan-tik/a%2Fb');
    expect(caseHref('PUBLIC_COMPLAINT', 'x')).toBe('/pengaduan/x');
    expect(caseNumberHref('CONSULTATION', 'KNS-2026-00012')).toBe(
      '/konsultasi?antrean=semua&cari=KNS-2026-00012',
    );
  });

  it('colours every status of every flow', () => {
    for (const [flow, statuses] of Object.entries(CASE_STATUSES)) {
      for (const status of statuses) {
        expect(caseStatusColor(flow as keyof typeof CASE_STATUSES, status)).toMatch(/^#/);
      }
    }
    expect(caseStatusColor('WORK_ITEM', 'COMPLETED')).not.toBe(
      caseStatusColor('WORK_ITEM', 'CANCELLED'),
    );
  });

  it('counts months in the Pemda time zone', () => {
    // 31 Jan 20:00 UTC is already 1 February in Jakarta.
    expect(monthOf(new Date('2026-01-31T20:00:00Z'), 'Asia/Jakarta')).toBe('2026-02');
    expect(monthsBefore('2026-02', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(monthParam('2026-13')).toBeNull();
    expect(monthParam('2026-07')).toBe('2026-07');
  });
});

describe('case actions', () => {
  const values = { note: '', text: '', choice: null, attachmentFileIds: [] };

  it('performs only the staff steps of each workflow', () => {
    expect(actionSpec('CONSULTATION', 'route')?.choice).toBe('officer');
    expect(actionSpec('CONSULTATION', 'submitDraft')?.text).toBe('answer');
    expect(actionSpec('PUBLIC_COMPLAINT', 'reroute')?.choice).toBe('organization');
    // The citizen's and the system's steps have no button.
    expect(actionSpec('PUBLIC_COMPLAINT', 'reply')).toBeNull();
    expect(actionSpec('PUBLIC_COMPLAINT', 'autoClose')).toBeNull();
    expect(actionSpec('WORK_ITEM', 'toString')).toBeNull();
    expect(Object.keys(ACTION_SPECS.ICT_COMPLAINT)).toEqual([
      'route',
      'resolve',
      'confirmSolved',
      'reopen',
      'document',
    ]);
  });

  it('asks for the note, text and choice a step needs before sending', () => {
    const messages = { note: 'catatan', text: 'isian', choice: 'pilihan' };
    const route = actionSpec('CONSULTATION', 'route');
    const draft = actionSpec('CONSULTATION', 'submitDraft');
    const ret = actionSpec('CONSULTATION', 'return');
    if (!route || !draft || !ret) throw new Error('spesifikasi hilang');
    expect(checkActionValues(route, false, values, messages)).toEqual({ choice: 'pilihan' });
    expect(checkActionValues(draft, false, values, messages)).toEqual({ text: 'isian' });
    expect(checkActionValues(ret, true, values, messages)).toEqual({ note: 'catatan' });
    expect(checkActionValues(ret, true, { ...values, note: ' alasan ' }, messages)).toEqual({});
  });

  it('places the fields the service names beside the dialog fields', () => {
    expect(actionFieldPath('note')).toBe('note');
    expect(actionFieldPath('answer')).toBe('text');
    expect(actionFieldPath('followUp')).toBe('text');
    expect(actionFieldPath('officerId')).toBe('choice');
    expect(actionFieldPath('attachmentFileIds.0')).toBe('attachments');
    expect(actionFieldPath('revision')).toBeNull();
  });
});

describe('staff options', () => {
  it('adds the username only where two people share a name', () => {
    expect(
      staffOptions([
        { id: 'a', name: 'Budi Santoso', username: 'pelaksana', organizationCode: 'DPUPR' },
        { id: 'b', name: 'Budi Santoso', username: 'staf-x1', organizationCode: 'DPUPR' },
        { id: 'c', name: 'Nurul Hidayah', username: 'petugas-konsultasi', organizationCode: null },
      ]),
    ).toEqual([
      { value: 'a', label: 'Budi Santoso · pelaksana (DPUPR)' },
      { value: 'b', label: 'Budi Santoso · staf-x1 (DPUPR)' },
      { value: 'c', label: 'Nurul Hidayah' },
    ]);
  });
});
