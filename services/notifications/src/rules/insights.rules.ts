import { defineRule, type RecipientSpec } from './rule.js';

/**
 * Notifications of the leaders' dashboard (insights service, issue 9). Every alert it raises (a
 * loan project behind plan, an organization whose IKM fell a grade, a public complaint past its
 * service time) is raised once per cause and announced to every `pimpinan`, linking to the record
 * behind it. Category PENGINGAT: like the deadline reminders, an alert says something is late or
 * slipping and someone should act.
 */

const leaders: RecipientSpec = { kind: 'role', role: 'pimpinan' };

/** Where an alert without a record of its own leads: the leaders' dashboard. */
export const LEADER_DASHBOARD_LINK = '/dasbor';

export const insightsRules = [
  defineRule({
    id: 'dashboard-alert-raised',
    on: 'insights.alert.raised',
    recipients: () => [leaders],
    content: ({ data }) => ({
      category: 'PENGINGAT',
      title: data.title,
      body: `${data.detail} Peringatan ini juga tampil di dasbor pimpinan.`,
      link: data.link ?? LEADER_DASHBOARD_LINK,
      subject: null,
      threadId: null,
    }),
  }),
];
