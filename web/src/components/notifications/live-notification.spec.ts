import { describe, expect, it } from 'vitest';
import {
  badgeText,
  mergeLatest,
  notificationHref,
  parseNotificationEvent,
  parseUnreadEvent,
  threadHref,
  toNotificationCategory,
  type LiveNotification,
} from './live-notification';

const notification = (sequence: number, id = `n${sequence}`): LiveNotification => ({
  id,
  category: 'KORESPONDENSI',
  title: `Pesan ${sequence}`,
  body: 'Isi',
  link: null,
  threadId: 'DocumentRequirement:7f3',
  sequence,
  read: false,
  createdAt: '2026-03-01T03:00:00.000Z',
});

describe('live notifications', () => {
  it('reads the stream events and ignores anything else', () => {
    const data = JSON.stringify({
      ...notification(4),
      subject: { type: 'DocumentRequirement', id: '7f3' },
      readAt: null,
    });
    expect(parseNotificationEvent(data)).toEqual(notification(4));
    expect(parseNotificationEvent('{"id":"x"}')).toBeNull();
    expect(parseNotificationEvent('bukan json')).toBeNull();
    expect(
      parseNotificationEvent(JSON.stringify({ ...notification(1), category: 'LAIN' })),
    ).toBeNull();
    expect(parseUnreadEvent('{"count":3}')).toBe(3);
    expect(parseUnreadEvent('{"count":-1}')).toBeNull();
    expect(parseUnreadEvent('')).toBeNull();
  });

  it('keeps the newest notifications first, once each, within the limit', () => {
    const list = [notification(3), notification(2), notification(1)];
    expect(mergeLatest(list, notification(4), 3).map((item) => item.sequence)).toEqual([4, 3, 2]);
    const updated = { ...notification(2), read: true };
    expect(mergeLatest(list, updated)).toEqual([notification(3), updated, notification(1)]);
  });

  it('opens the link inside the portal, else the thread, else the inbox', () => {
    expect(notificationHref({ link: '/dokumen/subjek/LoanProject/1', threadId: null })).toBe(
      '/dokumen/subjek/LoanProject/1',
    );
    expect(notificationHref({ link: 'https://elsewhere.example/', threadId: 'A:1' })).toBe(
      '/notifikasi/korespondensi/A%3A1',
    );
    expect(notificationHref({ link: '//elsewhere.example/', threadId: null })).toBe('/notifikasi');
    expect(threadHref('DocumentRequirement:7f3')).toBe(
      '/notifikasi/korespondensi/DocumentRequirement%3A7f3',
    );
  });

  it('caps the badge and knows the categories', () => {
    expect(badgeText(7)).toBe('7');
    expect(badgeText(100)).toBe('99+');
    expect(toNotificationCategory('AKUN')).toBe('AKUN');
    expect(toNotificationCategory('lain')).toBeNull();
  });
});
