import { createEvent, type EventDataInput } from '@sipadu/events';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_RULES, RULE_STREAM_SUBJECTS, RULE_STREAMS } from './index.js';

const raised = (data: Partial<EventDataInput<'insights.alert.raised'>> = {}) =>
  createEvent(
    'insights.alert.raised',
    {
      alertId: 'PROJECT_BEHIND_PLAN:p-1:2026-07',
      kind: 'PROJECT_BEHIND_PLAN',
      severity: 'SEDANG',
      title: 'Proyek PIN-2026-001 di bawah rencana fisik',
      detail:
        'Laporan kemajuan Juli 2026 proyek «Jalan Lingkar Barat»: fisik 40% dari rencana 55% (selisih 15 poin).',
      organizationCode: 'DPUPR',
      reference: 'PIN-2026-001',
      link: '/proyek/p-1?tab=progres',
      ...data,
    },
    {
      actor: { type: 'system', id: null, org: null },
      subject: { type: 'DashboardAlert', id: 'PROJECT_BEHIND_PLAN:p-1:2026-07' },
      org: 'DPUPR',
    },
  );

const rulesOfAlerts = NOTIFICATION_RULES.filter((rule) => rule.on === 'insights.alert.raised');

describe('insights rules', () => {
  it('consume the whole insights stream', () => {
    expect(RULE_STREAMS).toContain('insights');
    expect(RULE_STREAM_SUBJECTS.insights).toBeUndefined();
    expect(rulesOfAlerts.map((rule) => rule.id)).toEqual(['dashboard-alert-raised']);
  });

  it('tell every pimpinan of a raised alert, linking to the record behind it', () => {
    const [rule] = rulesOfAlerts;
    const event = raised();
    expect(rule!.when?.(event) ?? true).toBe(true);
    expect(rule!.recipients(event)).toEqual([{ kind: 'role', role: 'pimpinan' }]);
    expect(rule!.content(event)).toEqual({
      category: 'PENGINGAT',
      title: 'Proyek PIN-2026-001 di bawah rencana fisik',
      body: 'Laporan kemajuan Juli 2026 proyek «Jalan Lingkar Barat»: fisik 40% dari rencana 55% (selisih 15 poin). Peringatan ini juga tampil di dasbor pimpinan.',
      link: '/proyek/p-1?tab=progres',
      subject: null,
      threadId: null,
    });
  });

  it('lead to the dashboard when the alert has no page of its own', () => {
    const event = raised({ kind: 'IKM_GRADE_FELL', link: null, organizationCode: null });
    expect(rulesOfAlerts[0]!.content(event).link).toBe('/dasbor');
  });
});
