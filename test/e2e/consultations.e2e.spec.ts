/// <reference lib="dom" />
// Issue 8 (SI-KIMR) staff pages in a real browser, each role on its own account: a consultation
// from the unit through routing, drafting, a kasubdit's return (a stale second tab meets the
// CONFLICT message), the redraft, approval and delivery to the unit's acknowledgement (Selesai,
// with the officer's points); an ICT complaint filed, routed from pengelola-tik's board, resolved,
// declared not solved (a note is required), resolved again, confirmed and documented; a work item
// returned once by super-admin and then accepted. A role outside consultations meets the
// forbidden page. The direktur reads the officer's points and the month's recap (the completed
// case linked, the Excel file downloaded); super-admin sees the refused lines of a holiday import.
// The consultation page, /kinerja and /kalender-kerja pass axe's WCAG 2.1 AA rules.
import { readFile } from 'node:fs/promises';
import { DEV_PASSWORD, decodeClaims, getUserToken } from '@sipadu/test-kit';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_URL } from '../../scripts/lib/web.js';
import { accessibilityViolations, launchChromium, withPage } from './browser.js';
import { startWebStack, type WebStack } from './web-stack.js';

const RUN = Date.now().toString(36);
const TOPIC = `Penyesuaian harga satuan pekerjaan jalan (uji peramban ${RUN})`;
const DETAIL = 'Mohon arahan penyesuaian harga satuan untuk paket pemeliharaan jalan tahun ini.';
const FIRST_ANSWER = 'Gunakan harga satuan tahun lalu.';
const RETURN_NOTE = `Lengkapi dasar hukum penyesuaian harga (uji ${RUN}).`;
const SECOND_ANSWER = 'Gunakan harga satuan terbaru sesuai Perwali tentang standar harga.';
const PROBLEM = `Printer lantai 2 tidak dapat mencetak (uji peramban ${RUN})`;
const WORK_TITLE = `Rekap data jalan rusak triwulan (uji peramban ${RUN})`;

let stack: WebStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startWebStack('sipadu_consultations_web_e2e');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Signs in through Keycloak's own login form and lands on `target`. */
async function signIn(page: Page, username: string, target: string): Promise<void> {
  const pathname = new URL(target, WEB_URL).pathname;
  await page.goto(`${WEB_URL}/masuk?callbackUrl=${encodeURIComponent(target)}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEV_PASSWORD);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.origin === WEB_URL && url.pathname === pathname);
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}

/** Runs `body` signed in as `username` on `target`, in a browser context of its own. */
function as(
  username: string,
  target: string,
  name: string,
  body: (page: Page) => Promise<void>,
): Promise<void> {
  return withPage(browser, `${name} (${username})`, async (page) => {
    await signIn(page, username, target);
    await body(page);
  });
}

/** Waits for the case's status badge to read `status`. */
async function expectStatus(page: Page, status: string): Promise<void> {
  await page.getByTestId('status-kasus').locator(`[data-status="${status}"]`).waitFor();
}

/**
 * Takes the step named `button` on the case page: opens its dialog, lets `fill` answer it and
 * confirms it; waits until the status reads `status`.
 */
async function act(
  page: Page,
  button: string,
  status: string,
  fill: (dialog: Locator) => Promise<void> = async () => undefined,
): Promise<void> {
  await page
    .getByTestId('tindakan-kasus')
    .getByRole('button', { name: button, exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: button });
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expectStatus(page, status);
}

/**
 * The select option of a demo user, by account id: people may share a name (the identity tests
 * add another "Budi Santoso" to DPUPR in the shared Keycloak).
 */
async function staffOption(page: Page, username: string): Promise<Locator> {
  const id = String(decodeClaims(await getUserToken(username)).sub);
  return page.locator(`[role="option"][value="${id}"]`);
}

/** Picks the demo user `username` in the select labelled `label` (in `scope`). */
async function choose(page: Page, scope: Locator | Page, label: string, username: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await (await staffOption(page, username)).click();
}

describe('SI-KIMR staff pages in the browser', () => {
  let consultationPath = '';
  let consultationNumber = '';

  it('runs a consultation from the unit to its acknowledgement, with a return', async () => {
    await as('unit-kerja', '/konsultasi', 'unit submits', async (page) => {
      await page.getByRole('heading', { level: 1, name: 'Konsultasi' }).waitFor();
      await page.getByRole('link', { name: 'Ajukan konsultasi' }).click();
      await page.waitForURL(`${WEB_URL}/konsultasi/baru`);
      // Empty fields are refused beside them first.
      await page.getByRole('button', { name: 'Ajukan konsultasi' }).click();
      await page.getByText('Tuliskan topik konsultasi.').waitFor();
      await page.getByRole('textbox', { name: 'Topik konsultasi' }).fill(TOPIC);
      await page.getByRole('textbox', { name: 'Uraian' }).fill(DETAIL);
      await page.getByRole('button', { name: 'Ajukan konsultasi' }).click();
      await page.waitForURL((url) => /^\/konsultasi\/(?!baru$)[^/]+$/.test(url.pathname));
      consultationPath = new URL(page.url()).pathname;
      await page.getByRole('heading', { level: 1, name: TOPIC }).waitFor();
      await expectStatus(page, 'SUBMITTED');
      consultationNumber = (await page.getByTestId('nomor-kasus').textContent()) ?? '';
      expect(consultationNumber).toMatch(/^KNS-\d{4}-\d{5}$/);
      await page.getByTestId('jam-layanan').waitFor();
      // The unit may not route its own consultation: no step is offered yet.
      expect(await page.getByTestId('tindakan-kasus').count()).toBe(0);
    });
    expect(consultationPath).not.toBe('');

    await as('super-admin', '/konsultasi', 'super-admin routes', async (page) => {
      // The routing inbox: what waits for super-admin.
      const row = page.getByTestId('daftar-kasus').locator('tr').filter({ hasText: TOPIC });
      await row.getByRole('link', { name: TOPIC }).click();
      await page.waitForURL(`${WEB_URL}${consultationPath}`);
      await expectStatus(page, 'SUBMITTED');
      expect(await accessibilityViolations(page), consultationPath).toEqual([]);
      await act(page, 'Disposisikan', 'DRAFTING', async (dialog) => {
        // Confirming without an officer is refused inside the dialog.
        await dialog.getByRole('button', { name: 'Disposisikan', exact: true }).click();
        await dialog.getByText('Pilih petugas yang ditugaskan.').waitFor();
        await choose(page, dialog, 'Petugas', 'petugas-konsultasi');
      });
    });

    await as('petugas-konsultasi', consultationPath, 'officer drafts', async (page) => {
      await expectStatus(page, 'DRAFTING');
      await act(page, 'Kirim jawaban ke kasubdit', 'IN_REVIEW', async (dialog) => {
        await dialog
          .getByRole('textbox', { name: 'Jawaban / rencana tindak lanjut' })
          .fill(FIRST_ANSWER);
      });
    });

    await withPage(browser, 'kasubdit returns (kasubdit)', async (page, context) => {
      await signIn(page, 'kasubdit', consultationPath);
      await expectStatus(page, 'IN_REVIEW');
      // A second tab shows the same revision; it goes stale once the first one acts.
      const stale = await context.newPage();
      await stale.goto(`${WEB_URL}${consultationPath}`);
      await expectStatus(stale, 'IN_REVIEW');

      await act(page, 'Kembalikan jawaban', 'DRAFTING', async (dialog) => {
        await dialog.getByRole('button', { name: 'Kembalikan jawaban', exact: true }).click();
        await dialog.getByText('Tuliskan catatan untuk langkah ini.').waitFor();
        await dialog.getByRole('textbox', { name: 'Catatan (wajib)' }).fill(RETURN_NOTE);
      });
      const returned = page
        .getByTestId('riwayat-kasus')
        .locator('[data-transition="return"]')
        .filter({ hasText: RETURN_NOTE });
      await returned.waitFor();

      await stale
        .getByTestId('tindakan-kasus')
        .getByRole('button', { name: 'Setujui jawaban' })
        .click();
      const dialog = stale.getByRole('dialog', { name: 'Setujui jawaban' });
      await dialog.getByRole('button', { name: 'Setujui jawaban', exact: true }).click();
      await dialog.getByText('Kasus sudah diubah').waitFor();
      await dialog.getByRole('button', { name: 'Muat ulang' }).click();
      await expectStatus(stale, 'DRAFTING');
    });

    await as('petugas-konsultasi', consultationPath, 'officer redrafts', async (page) => {
      await page.getByTestId('catatan-kasubdit').getByText(RETURN_NOTE).waitFor();
      await act(page, 'Kirim jawaban ke kasubdit', 'IN_REVIEW', async (dialog) => {
        const answer = dialog.getByRole('textbox', { name: 'Jawaban / rencana tindak lanjut' });
        // The dialog starts from the returned draft.
        expect(await answer.inputValue()).toBe(FIRST_ANSWER);
        await answer.fill(SECOND_ANSWER);
      });
    });

    await as('kasubdit', consultationPath, 'kasubdit approves', async (page) => {
      await page.getByTestId('jawaban-konsultasi').getByText(SECOND_ANSWER).waitFor();
      await act(page, 'Setujui jawaban', 'APPROVED');
    });

    await as('petugas-konsultasi', consultationPath, 'officer delivers', async (page) => {
      await act(page, 'Sampaikan jawaban', 'DELIVERED');
      // Waiting for the unit stops the clock.
      await page.locator('[data-testid="jam-layanan"][data-clock="paused"]').waitFor();
      expect(await page.getByTestId('jam-layanan').textContent()).toContain('Jeda');
    });

    await as('unit-kerja', consultationPath, 'unit acknowledges', async (page) => {
      await page.getByTestId('jawaban-konsultasi').getByText(SECOND_ANSWER).waitFor();
      await act(page, 'Terima jawaban', 'ACKNOWLEDGED');
      expect(await page.getByTestId('status-kasus').textContent()).toBe('Selesai');
      expect(await page.getByTestId('poin-kasus').textContent()).toMatch(/^\d+ poin petugas$/);
      const steps = await page
        .getByTestId('riwayat-kasus')
        .locator('[data-transition]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-transition')));
      expect(steps.filter((step) => step !== 'create')).toEqual([
        'route',
        'submitDraft',
        'return',
        'submitDraft',
        'approve',
        'deliver',
        'acknowledge',
      ]);
    });
  });

  it('runs an ICT complaint through the board, a reopening and its documentation', async () => {
    let path = '';
    await as('pelaksana', '/pengaduan-tik/baru', 'employee files', async (page) => {
      await page.getByRole('heading', { level: 1, name: 'Laporkan masalah TIK' }).waitFor();
      // The requester is the signed-in user (Lampiran 2: "Nama pemohon").
      expect(await page.getByRole('textbox', { name: 'Nama pemohon' }).inputValue()).toBe(
        'Budi Santoso',
      );
      await page.getByRole('textbox', { name: 'Unit kerja/balai' }).fill('Bidang Bina Marga');
      await page.getByRole('textbox', { name: 'Pengaduan/permasalahan' }).fill(PROBLEM);
      await page
        .getByRole('textbox', { name: 'Penanganan yang sudah dilakukan' })
        .fill('Printer sudah dimatikan dan dinyalakan kembali.');
      await page.getByRole('button', { name: 'Kirim laporan' }).click();
      await page.waitForURL((url) => /^\/pengaduan-tik\/(?!baru$)[^/]+$/.test(url.pathname));
      path = new URL(page.url()).pathname;
      await expectStatus(page, 'FILED');
    });

    await as('pengelola-tik', '/pengaduan-tik', 'manager routes from the board', async (page) => {
      const card = page
        .getByTestId('papan-kasus')
        .locator('[data-column="FILED"] li')
        .filter({ hasText: PROBLEM });
      await card.getByRole('link').click();
      await page.waitForURL(`${WEB_URL}${path}`);
      await act(page, 'Teruskan ke petugas TIK', 'HANDLING', async (dialog) => {
        await choose(page, dialog, 'Petugas', 'petugas-tik');
      });
    });

    await as('petugas-tik', path, 'officer resolves', async (page) => {
      await act(page, 'Catat penanganan', 'AWAITING_CONFIRMATION', async (dialog) => {
        await dialog
          .getByRole('textbox', { name: 'Penanganan yang dilakukan' })
          .fill('Driver printer dipasang ulang.');
      });
    });

    await as('pelaksana', path, 'reporter reopens', async (page) => {
      await act(page, 'Belum selesai', 'HANDLING', async (dialog) => {
        await dialog.getByRole('button', { name: 'Belum selesai', exact: true }).click();
        await dialog.getByText('Tuliskan catatan untuk langkah ini.').waitFor();
        await dialog
          .getByRole('textbox', { name: 'Catatan (wajib)' })
          .fill('Masih macet di lembar kedua.');
      });
    });

    await as('petugas-tik', path, 'officer resolves again', async (page) => {
      await act(page, 'Catat penanganan', 'AWAITING_CONFIRMATION', async (dialog) => {
        await dialog
          .getByRole('textbox', { name: 'Penanganan yang dilakukan' })
          .fill('Rol penarik kertas diganti.');
      });
    });

    await as('pelaksana', path, 'reporter confirms', async (page) => {
      await act(page, 'Masalah sudah selesai', 'SOLVED');
    });

    await as('petugas-tik', path, 'officer documents', async (page) => {
      await act(page, 'Dokumentasikan hasil', 'REPORTED', async (dialog) => {
        await dialog
          .getByRole('textbox', { name: 'Tindak lanjut (hasil yang didokumentasikan)' })
          .fill('Rol penarik kertas printer lantai 2 diganti; printer berfungsi normal.');
      });
      await page
        .getByTestId('tindak-lanjut')
        .getByText(/Rol penarik kertas/)
        .waitFor();
      expect(
        await page.getByTestId('riwayat-kasus').locator('[data-transition="reopen"]').count(),
      ).toBe(1);
    });
  });

  it('returns a work item once and then accepts it', async () => {
    let path = '';
    await as('pemberi-tugas', '/pekerjaan/baru', 'assigner creates', async (page) => {
      await page.getByRole('textbox', { name: 'Judul pekerjaan' }).fill(WORK_TITLE);
      await page
        .getByRole('textbox', { name: 'Uraian pekerjaan' })
        .fill('Rekap ruas jalan rusak per kecamatan dari laporan lapangan.');
      await choose(page, page, 'Petugas yang ditugaskan', 'pelaksana');
      await page.getByRole('button', { name: 'Berikan pekerjaan' }).click();
      await page.waitForURL((url) => /^\/pekerjaan\/(?!baru$)[^/]+$/.test(url.pathname));
      path = new URL(page.url()).pathname;
      await expectStatus(page, 'ASSIGNED');
    });

    await as('pelaksana', '/pekerjaan', 'officer accepts and reports', async (page) => {
      const row = page.getByTestId('daftar-kasus').locator('tr').filter({ hasText: WORK_TITLE });
      await row.getByRole('link', { name: WORK_TITLE }).click();
      await page.waitForURL(`${WEB_URL}${path}`);
      await act(page, 'Terima pekerjaan', 'IN_PROGRESS');
      await act(page, 'Laporkan hasil', 'IN_VERIFICATION', async (dialog) => {
        await dialog.getByRole('textbox', { name: 'Hasil pekerjaan' }).fill('Rekap 12 ruas.');
      });
    });

    await as('super-admin', path, 'super-admin returns', async (page) => {
      await act(page, 'Kembalikan hasil', 'IN_PROGRESS', async (dialog) => {
        await dialog
          .getByRole('textbox', { name: 'Catatan (wajib)' })
          .fill('Sertakan panjang ruas.');
      });
    });

    await as('pelaksana', path, 'officer reports again', async (page) => {
      await page.getByTestId('catatan-pengembalian').getByText('Sertakan panjang ruas.').waitFor();
      await act(page, 'Laporkan hasil', 'IN_VERIFICATION', async (dialog) => {
        await dialog
          .getByRole('textbox', { name: 'Hasil pekerjaan' })
          .fill('Rekap 12 ruas, total 8,4 km.');
      });
    });

    await as('super-admin', path, 'super-admin accepts', async (page) => {
      await act(page, 'Terima hasil', 'COMPLETED');
      await page.getByTestId('hasil-pekerjaan').getByText('Rekap 12 ruas, total 8,4 km.').waitFor();
    });
  });

  it("shows the direktur the officer's points and the month's recap, as Excel too", async () => {
    expect(consultationNumber, 'konsultasi dari tes pertama').not.toBe('');
    await as('direktur', '/kinerja', 'direktur reads the recap', async (page) => {
      await page.getByRole('heading', { level: 1, name: 'Kinerja & Rekap' }).waitFor();
      const officer = page
        .getByTestId('tabel-kinerja')
        .locator('tr')
        .filter({ hasText: 'Nurul Hidayah' });
      await officer.waitFor();
      expect(Number(await officer.locator('td').first().textContent())).toBeGreaterThan(0);
      // The completed case behind the recap's figure links to it through the list.
      await page
        .getByTestId('kasus-selesai')
        .getByRole('link', { name: consultationNumber })
        .waitFor();
      expect(await accessibilityViolations(page), '/kinerja').toEqual([]);
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByRole('button', { name: 'Unduh Excel' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/i);
      const bytes = await readFile(await download.path());
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

      await page
        .getByTestId('kasus-selesai')
        .getByRole('link', { name: consultationNumber })
        .click();
      await page
        .getByTestId('daftar-kasus')
        .locator(`tr[data-number="${consultationNumber}"]`)
        .waitFor();
    });
  });

  it('lists the holidays and shows super-admin the refused lines of an import', async () => {
    await as('super-admin', '/kalender-kerja', 'super-admin imports', async (page) => {
      await page.getByRole('heading', { level: 1, name: 'Kalender Kerja' }).waitFor();
      await page.getByTestId('tabel-libur').locator('tr[data-date]').first().waitFor();
      expect(await accessibilityViolations(page), '/kalender-kerja').toEqual([]);
      const year =
        new URL(page.url()).searchParams.get('tahun') ?? String(new Date().getFullYear());
      await page
        .getByRole('textbox', { name: 'Isi CSV' })
        .fill(`${year}-01-01;libur-nasional;Tahun Baru\nbukan-tanggal;libur-nasional;Salah`);
      await page.getByRole('button', { name: 'Impor', exact: true }).click();
      await page.getByTestId('galat-impor-libur').locator('tr[data-line="2"]').waitFor();
    });
  });

  it('refuses /konsultasi to a role outside consultations', async () => {
    await as('pengelola-tik', '/pengaduan-tik', 'forbidden', async (page) => {
      const menu = page.getByRole('navigation', { name: 'Navigasi utama' });
      expect(await menu.locator('a[href="/konsultasi"]').count()).toBe(0);
      const refused = await page.goto(`${WEB_URL}/konsultasi`);
      expect(refused?.status()).toBe(403);
      await page.getByRole('heading', { level: 1, name: 'Akses ditolak' }).waitFor();
    });
  });
});
