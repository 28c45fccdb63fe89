import { CATEGORIES, categoryInfo, type NotificationCategory } from '../rules/categories.js';

export interface EmailSettings {
  /** Portal origin, e.g. `https://sipadu.example.go.id`; links in e-mails are made absolute with it. */
  publicWebUrl: string;
  /** TZ_PEMDA: times are written as the Pemda reads its clock. */
  timeZone: string;
}

export interface EmailNotification {
  title: string;
  body: string;
  /** Portal path (`/dokumen/…`); null links to the inbox. */
  link: string | null;
  category: NotificationCategory;
  createdAt: Date;
}

export interface NotificationEmailInput extends EmailNotification {
  recipientName: string | null;
}

export interface DigestEmailInput {
  recipientName: string | null;
  /** Pemda-local date of the digest, `yyyy-mm-dd`. */
  day: string;
  notifications: EmailNotification[];
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const INBOX_PATH = '/notifikasi';
const PREFERENCES_PATH = '/notifikasi/preferensi';
const APP_NAME = 'SIPADU';
const APP_FULL_NAME = 'Sistem Informasi Pemerintahan Daerah Terpadu';
const NO_REPLY = 'Email ini dikirim otomatis oleh SIPADU; mohon tidak membalas email ini.';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Absolute portal address of a notification link. Only site-relative paths are accepted, so a
 * link can never send the reader to another host; anything else opens the inbox.
 */
export function portalUrl(publicWebUrl: string, link: string | null): string {
  const base = publicWebUrl.replace(/\/+$/, '');
  const path = link && link.startsWith('/') && !link.startsWith('//') ? link : INBOX_PATH;
  return `${base}${path}`;
}

export function renderNotificationEmail(
  input: NotificationEmailInput,
  settings: EmailSettings,
): RenderedEmail {
  const label = categoryInfo(input.category).label;
  const url = portalUrl(settings.publicWebUrl, input.link);
  const time = formatTime(input.createdAt, settings.timeZone, 'long');
  const reason = `Anda menerima email ini karena notifikasi kategori "${label}" diatur untuk dikirim ke email Anda di SIPADU.`;
  const preferencesUrl = portalUrl(settings.publicWebUrl, PREFERENCES_PATH);

  const text = [
    ...textHeader(),
    greeting(input.recipientName),
    '',
    input.title,
    '',
    input.body,
    '',
    `Buka di SIPADU: ${url}`,
    '',
    `Kategori: ${label}`,
    `Waktu: ${time}`,
    ...textFooter(reason, preferencesUrl),
  ].join('\n');

  const content = [
    paragraph(escapeHtml(greeting(input.recipientName))),
    `<h1 style="margin:0 0 12px;font-size:20px;line-height:1.3;color:#1a1b1e;">${escapeHtml(input.title)}</h1>`,
    paragraph(multiline(input.body)),
    button(url, 'Buka di SIPADU'),
    `<p style="margin:16px 0 0;font-size:13px;color:#495057;">Kategori: <strong>${escapeHtml(label)}</strong><br>Waktu: ${escapeHtml(time)}</p>`,
  ].join('\n');

  return {
    subject: `[${APP_NAME}] ${oneLine(input.title)}`,
    html: htmlLayout(input.title, content, reason, preferencesUrl),
    text,
  };
}

export function renderDigestEmail(input: DigestEmailInput, settings: EmailSettings): RenderedEmail {
  const day = formatDay(input.day);
  const count = input.notifications.length;
  const groups = CATEGORIES.map((info) => ({
    label: info.label,
    items: input.notifications.filter((n) => n.category === info.category),
  })).filter((group) => group.items.length > 0);
  const inboxUrl = portalUrl(settings.publicWebUrl, INBOX_PATH);
  const preferencesUrl = portalUrl(settings.publicWebUrl, PREFERENCES_PATH);
  const reason =
    'Anda menerima email ini karena Anda memilih ringkasan harian: notifikasi yang belum dibaca dan kategorinya diatur ke email dikumpulkan dalam satu email setiap hari.';
  const intro = `Ada ${count} notifikasi belum dibaca dalam 24 jam terakhir.`;
  const item = (n: EmailNotification) => ({
    url: portalUrl(settings.publicWebUrl, n.link),
    time: formatTime(n.createdAt, settings.timeZone, 'short'),
  });

  const text = [
    ...textHeader(),
    greeting(input.recipientName),
    '',
    `Ringkasan notifikasi ${day}`,
    intro,
    ...groups.flatMap((group) => [
      '',
      `${group.label} (${group.items.length})`,
      ...group.items.flatMap((n) => {
        const { url, time } = item(n);
        return [`- ${oneLine(n.title)} (${time})`, `  ${oneLine(n.body)}`, `  ${url}`];
      }),
    ]),
    '',
    `Lihat semua notifikasi: ${inboxUrl}`,
    ...textFooter(reason, preferencesUrl),
  ].join('\n');

  const content = [
    paragraph(escapeHtml(greeting(input.recipientName))),
    `<h1 style="margin:0 0 12px;font-size:20px;line-height:1.3;color:#1a1b1e;">Ringkasan notifikasi ${escapeHtml(day)}</h1>`,
    paragraph(escapeHtml(intro)),
    ...groups.map((group) => {
      const rows = group.items.map((n) => {
        const { url, time } = item(n);
        return `<li style="margin:0 0 12px;"><a href="${escapeHtml(url)}" style="color:#1c7ed6;font-weight:600;text-decoration:none;">${escapeHtml(oneLine(n.title))}</a><br><span style="font-size:13px;color:#495057;">${escapeHtml(oneLine(n.body))}</span><br><span style="font-size:12px;color:#868e96;">${escapeHtml(time)}</span></li>`;
      });
      return `<h2 style="margin:20px 0 8px;font-size:16px;color:#1a1b1e;">${escapeHtml(group.label)} (${group.items.length})</h2>\n<ul style="margin:0;padding-left:20px;">\n${rows.join('\n')}\n</ul>`;
    }),
    button(inboxUrl, 'Lihat semua notifikasi'),
  ].join('\n');

  return {
    subject: `[${APP_NAME}] Ringkasan notifikasi ${day} (${count} notifikasi)`,
    html: htmlLayout(`Ringkasan notifikasi ${day}`, content, reason, preferencesUrl),
    text,
  };
}

function greeting(name: string | null): string {
  return name ? `Yth. ${oneLine(name)},` : 'Yth. Bapak/Ibu,';
}

/** Header lines must not carry line breaks; titles and names may. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function formatTime(date: Date, timeZone: string, style: 'long' | 'short'): string {
  return new Intl.DateTimeFormat('id-ID', {
    ...(style === 'long'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
      : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}

/** `2026-09-15` → `Selasa, 15 September 2026` (a calendar date, so no zone shift). */
function formatDay(day: string): string {
  return new Intl.DateTimeFormat('id-ID', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

function textHeader(): string[] {
  return [`${APP_NAME} — Pemerintah Daerah`, APP_FULL_NAME, '', ''];
}

function textFooter(reason: string, preferencesUrl: string): string[] {
  return ['', '--', reason, `Atur notifikasi Anda: ${preferencesUrl}`, NO_REPLY];
}

function paragraph(html: string): string {
  return `<p style="margin:0 0 12px;font-size:15px;line-height:1.5;color:#1a1b1e;">${html}</p>`;
}

function multiline(value: string): string {
  return escapeHtml(value.trim()).replace(/\r?\n/g, '<br>');
}

function button(url: string, label: string): string {
  return `<p style="margin:20px 0;"><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 18px;background:#1c7ed6;color:#ffffff;border-radius:6px;font-weight:600;text-decoration:none;">${escapeHtml(label)}</a></p>
<p style="margin:0;font-size:12px;color:#868e96;">Bila tombol tidak berfungsi, salin alamat ini ke peramban: ${escapeHtml(url)}</p>`;
}

/** Table layout with inline styles: what mail clients render consistently. */
function htmlLayout(
  title: string,
  content: string,
  reason: string,
  preferencesUrl: string,
): string {
  return `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(oneLine(title))}</title>
</head>
<body style="margin:0;padding:0;background:#f1f3f5;font-family:Arial,Helvetica,sans-serif;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1f3f5;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px;">
<tr><td style="padding:16px 24px;background:#1864ab;border-radius:8px 8px 0 0;color:#ffffff;">
<div style="font-size:20px;font-weight:700;">${APP_NAME}</div>
<div style="font-size:12px;">${escapeHtml(APP_FULL_NAME)} · Pemerintah Daerah</div>
</td></tr>
<tr><td style="padding:24px;">
${content}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e9ecef;font-size:12px;line-height:1.5;color:#868e96;">
${escapeHtml(reason)}<br>
<a href="${escapeHtml(preferencesUrl)}" style="color:#1c7ed6;">Atur notifikasi Anda</a><br>
${escapeHtml(NO_REPLY)}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
}
