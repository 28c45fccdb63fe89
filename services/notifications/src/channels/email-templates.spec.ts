import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  portalUrl,
  renderDigestEmail,
  renderNotificationEmail,
  type EmailNotification,
} from './email-templates.js';

const settings = { publicWebUrl: 'https://sipadu.example.go.id/', timeZone: 'Asia/Jakarta' };

const notification: EmailNotification = {
  title: 'Permintaan revisi: Laporan <Keuangan> 2026',
  body: 'Dinas "PUPR" meminta revisi.\nMohon unggah ulang sebelum 1 Oktober.',
  link: '/dokumen/subjek/LoanProject/123',
  category: 'PERSYARATAN',
  // 02:30 UTC = 09:30 WIB
  createdAt: new Date('2026-09-15T02:30:00Z'),
};

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('portalUrl', () => {
  it('joins the portal origin and a site path', () => {
    expect(portalUrl('https://sipadu.example.go.id/', '/notifikasi/preferensi')).toBe(
      'https://sipadu.example.go.id/notifikasi/preferensi',
    );
  });

  it('sends anything but a site path to the inbox', () => {
    for (const link of [
      null,
      'https://evil.example/x',
      '//evil.example/x',
      'javascript:alert(1)',
    ]) {
      expect(portalUrl('https://sipadu.example.go.id', link)).toBe(
        'https://sipadu.example.go.id/notifikasi',
      );
    }
  });
});

describe('renderNotificationEmail', () => {
  const email = renderNotificationEmail(
    { ...notification, recipientName: 'Budi <Admin>' },
    settings,
  );

  it('puts the title in the subject on one line', () => {
    expect(
      renderNotificationEmail({ ...notification, title: 'A\nB', recipientName: null }, settings)
        .subject,
    ).toBe('[SIPADU] A B');
    expect(email.subject).toBe('[SIPADU] Permintaan revisi: Laporan <Keuangan> 2026');
  });

  it('escapes every value in the HTML', () => {
    expect(email.html).toContain('Laporan &lt;Keuangan&gt; 2026');
    expect(email.html).toContain('Dinas &quot;PUPR&quot; meminta revisi.<br>Mohon unggah ulang');
    expect(email.html).toContain('Yth. Budi &lt;Admin&gt;,');
    expect(email.html).not.toContain('<Keuangan>');
    expect(email.html).not.toContain('<Admin>');
  });

  it('links to the portal with absolute addresses only', () => {
    expect(email.html).toContain(
      'href="https://sipadu.example.go.id/dokumen/subjek/LoanProject/123"',
    );
    expect(email.html).toContain('href="https://sipadu.example.go.id/notifikasi/preferensi"');
    const hrefs = [...email.html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs.length).toBeGreaterThanOrEqual(2);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/sipadu\.example\.go\.id\//);
  });

  it('has a plain-text version with the same content', () => {
    expect(email.text).toContain('Permintaan revisi: Laporan <Keuangan> 2026');
    expect(email.text).toContain('Mohon unggah ulang sebelum 1 Oktober.');
    expect(email.text).toContain(
      'Buka di SIPADU: https://sipadu.example.go.id/dokumen/subjek/LoanProject/123',
    );
    expect(email.text).toContain('https://sipadu.example.go.id/notifikasi/preferensi');
    expect(email.text).not.toContain('<br>');
  });

  it('names the category, the Pemda time and why the e-mail came', () => {
    for (const part of [email.text, email.html]) {
      expect(part).toContain('Persyaratan dokumen');
      expect(part).toContain('Selasa, 15 September 2026 pukul 09.30 WIB');
      expect(part).toContain('Anda menerima email ini karena notifikasi kategori');
    }
  });

  it('writes the time in the configured zone', () => {
    const wita = renderNotificationEmail(
      { ...notification, recipientName: null },
      { ...settings, timeZone: 'Asia/Makassar' },
    );
    expect(wita.text).toContain('pukul 10.30 WITA');
    expect(wita.text).toContain('Yth. Bapak/Ibu,');
  });
});

describe('renderDigestEmail', () => {
  const digest = renderDigestEmail(
    {
      recipientName: 'Sari',
      day: '2026-09-15',
      notifications: [
        notification,
        {
          ...notification,
          title: 'Pesan baru',
          category: 'KORESPONDENSI',
          link: '/notifikasi/korespondensi/x',
        },
        { ...notification, title: 'Dokumen disetujui', link: null },
      ],
    },
    settings,
  );

  it('counts the notifications in the subject', () => {
    expect(digest.subject).toBe(
      '[SIPADU] Ringkasan notifikasi Selasa, 15 September 2026 (3 notifikasi)',
    );
  });

  it('groups by category in catalogue order, with counts', () => {
    const persyaratan = digest.text.indexOf('Persyaratan dokumen (2)');
    const korespondensi = digest.text.indexOf('Korespondensi (1)');
    expect(persyaratan).toBeGreaterThan(-1);
    expect(korespondensi).toBeGreaterThan(persyaratan);
    expect(digest.html).toContain('Persyaratan dokumen (2)</h2>');
    expect(digest.html).toContain('Korespondensi (1)</h2>');
  });

  it('links every item absolutely and escapes it', () => {
    expect(digest.text).toContain('  https://sipadu.example.go.id/dokumen/subjek/LoanProject/123');
    expect(digest.text).toContain('  https://sipadu.example.go.id/notifikasi/korespondensi/x');
    expect(digest.html).toContain('Laporan &lt;Keuangan&gt; 2026</a>');
    const hrefs = [...digest.html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/sipadu\.example\.go\.id\//);
  });

  it('explains the digest choice and links the preferences', () => {
    expect(digest.text).toContain('ringkasan harian');
    expect(digest.text).toContain(
      'Atur notifikasi Anda: https://sipadu.example.go.id/notifikasi/preferensi',
    );
  });
});
