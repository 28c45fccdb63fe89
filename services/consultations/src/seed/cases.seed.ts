// Demo cases of the four flows (issue 8): consultations, work items, ICT complaints and public
// complaints in every stage, spread over the last three months of working days, created through
// the flow services with back-dated steps (each case's history stays chronological) by the demo
// users of the realm. Runs only while the service holds no case at all.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StaffMemberRecord } from '@sipadu/directory';
import { isRole, type Logger, type Principal, type Role } from '@sipadu/service-kit';
import type { IsoDate, WorkingCalendar } from '@sipadu/workflow';
import type { ConsultationsServices } from '../context.js';

/** Demo users (username = role) the cases need; the identity consumer brings them in. */
const DEMO_USERS = [
  'unit-kerja',
  'petugas-konsultasi',
  'kasubdit',
  'super-admin',
  'pemberi-tugas',
  'pengelola-tik',
  'petugas-tik',
] as const satisfies readonly Role[];
type DemoUser = (typeof DEMO_USERS)[number];

const STAFF_WAIT_MS = 60_000;
const STAFF_POLL_MS = 1_000;

/** A demo user as a signed-in caller. */
function principalOf(member: StaffMemberRecord): Principal {
  return {
    kind: 'user',
    id: member.id,
    username: member.username,
    name: member.name,
    email: null,
    organizationCode: member.organizationCode,
    roles: member.roles.filter(isRole),
    clientId: 'sipadu-seed',
    scopes: [],
    expiresAt: 0,
  };
}

/** The demo users once the staff directory knows them all (with their organization), or null. */
async function demoUsers(
  services: ConsultationsServices,
  logger: Logger,
): Promise<Record<DemoUser, Principal> | null> {
  const deadline = Date.now() + STAFF_WAIT_MS;
  for (;;) {
    const found = await Promise.all(
      DEMO_USERS.map(async (username) => {
        const members = await services.staff.withRole(username);
        return members.find((member) => member.username === username && member.organizationCode);
      }),
    );
    if (found.every(Boolean)) {
      return Object.fromEntries(
        DEMO_USERS.map((username, index) => [
          username,
          principalOf(found[index] as StaffMemberRecord),
        ]),
      ) as Record<DemoUser, Principal>;
    }
    if (Date.now() >= deadline) {
      const missing = DEMO_USERS.filter((_, index) => !found[index]);
      logger.warn({ missing }, 'pengguna demo belum dikenal: demo kasus SI-KIMR tidak dimuat');
      return null;
    }
    await sleep(STAFF_POLL_MS);
  }
}

/** The local date `n` working days before `date`. */
function workingDaysBefore(calendar: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  let day = date;
  for (let left = n; left > 0;) {
    day = calendar.dateOf(new Date(calendar.startOf(day).getTime() - 12 * 3_600_000));
    if (calendar.isWorkingDay(day)) left -= 1;
  }
  return day;
}

function workingDaysAfter(calendar: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  let day = date;
  for (let left = n; left > 0;) {
    day = calendar.nextDate(day);
    if (calendar.isWorkingDay(day)) left -= 1;
  }
  return day;
}

/**
 * Instants of one case's story: `at(day, 'HH:MM')` is that local time on the `day`-th working day
 * after the case's first day, which lies `daysAgo` working days before today.
 */
function timeline(calendar: WorkingCalendar, now: Date, daysAgo: number) {
  const first = workingDaysBefore(calendar, calendar.dateOf(now), daysAgo);
  return (day: number, time: string): Date => {
    const [hours, minutes] = time.split(':').map(Number) as [number, number];
    const date = workingDaysAfter(calendar, first, day);
    const instant = new Date(calendar.startOf(date).getTime() + (hours * 60 + minutes) * 60_000);
    // A demo step in the future would be a mistake in this file.
    if (instant >= now) throw new Error(`Demo step ${date} ${time} is not in the past`);
    return instant;
  };
}

/** Creates the demo cases; returns how many (0 when cases exist or the demo users are unknown). */
export async function seedDemoCases({
  services,
  logger,
}: {
  services: ConsultationsServices;
  logger: Logger;
}): Promise<number> {
  if (await services.engine.model.exists({})) return 0;
  const users = await demoUsers(services, logger);
  if (!users) return 0;
  const now = new Date();
  const calendar = services.calendar.calendar();
  const context: SeedContext = {
    users,
    story: (daysAgo) => timeline(calendar, now, daysAgo),
  };
  // One flow after the other: each flow's numbers follow its cases' dates.
  let created = 0;
  for (const seed of [seedConsultations, seedWorkItems, seedIctComplaints, seedPublicComplaints]) {
    created += await seed(services, context);
  }
  return created;
}

interface SeedContext {
  users: Record<DemoUser, Principal>;
  /** The instants of a case that started `daysAgo` working days ago. */
  story: (daysAgo: number) => (day: number, time: string) => Date;
}

// -----------------------------------------------------------------------------------------------
// Konsultasi: Balai Pemeliharaan Jalan asks, Dinas PUPR's consultation officer answers.
// -----------------------------------------------------------------------------------------------

async function seedConsultations(
  { consultations }: ConsultationsServices,
  { users, story }: SeedContext,
): Promise<number> {
  const unit = users['unit-kerja'];
  const officer = users['petugas-konsultasi'];
  const kasubdit = users.kasubdit;
  const admin = users['super-admin'];

  /** Submitted on day 0 and routed the same day (unless `routeAt` is null). */
  const submitted = async (
    at: (day: number, time: string) => Date,
    topic: string,
    detail: string,
    routeAt: [number, string] | null = [0, '10:15'],
  ) => {
    const created = await consultations.submit(unit, { topic, detail }, { now: at(0, '08:40') });
    if (!routeAt) return created;
    return consultations.route(
      admin,
      {
        id: created.id,
        officerId: officer.id,
        note: 'Mohon ditindaklanjuti sesuai SOP konsultasi.',
        revision: created.revision,
      },
      { now: at(...routeAt) },
    );
  };
  type View = Awaited<ReturnType<typeof submitted>>;
  const draft = (view: View, answer: string, now: Date) =>
    consultations.draftAnswer(officer, { id: view.id, answer, revision: view.revision }, { now });
  const approve = (view: View, now: Date) =>
    consultations.review(
      kasubdit,
      { id: view.id, decision: 'APPROVE', revision: view.revision },
      { now },
    );
  const deliver = (view: View, now: Date) =>
    consultations.deliver(
      officer,
      {
        id: view.id,
        note: 'Jawaban disampaikan; tembusan ke Super Admin.',
        revision: view.revision,
      },
      { now },
    );
  const acknowledge = (view: View, now: Date) =>
    consultations.acknowledge(
      unit,
      { id: view.id, note: 'Jawaban diterima, terima kasih.', revision: view.revision },
      { now },
    );

  // 1. Answered and acknowledged within every service time.
  {
    const at = story(58);
    let c = await submitted(
      at,
      'Standar tebal perkerasan jalan lingkungan',
      'Mohon arahan standar tebal perkerasan beton untuk jalan lingkungan lebar 3 meter yang dilalui kendaraan roda empat ringan di wilayah Kecamatan Telanaipura.',
    );
    c = await draft(
      c,
      'Untuk jalan lingkungan dengan beban kendaraan ringan digunakan perkerasan beton K-250 setebal 15 cm di atas lapis pondasi agregat kelas B setebal 10 cm, sesuai Pedoman Perencanaan Perkerasan Jalan Beton Semen.',
      at(1, '14:00'),
    );
    c = await approve(c, at(2, '09:30'));
    c = await deliver(c, at(2, '13:00'));
    await acknowledge(c, at(3, '08:30'));
  }

  // 2. Returned once by the kasubdit, corrected, approved and acknowledged.
  {
    const at = story(50);
    let c = await submitted(
      at,
      'Perhitungan RAB rehabilitasi saluran irigasi tersier',
      'Mohon verifikasi metode perhitungan rencana anggaran biaya rehabilitasi saluran irigasi tersier sepanjang 450 meter di Daerah Irigasi Kenali Asam.',
    );
    c = await draft(
      c,
      'Perhitungan RAB mengikuti AHSP bidang sumber daya air; volume galian dan pasangan batu dihitung per segmen 50 meter.',
      at(1, '11:00'),
    );
    c = await consultations.review(
      kasubdit,
      {
        id: c.id,
        decision: 'RETURN',
        note: 'Lengkapi rujukan harga satuan tahun berjalan dan koefisien AHSP yang dipakai.',
        revision: c.revision,
      },
      { now: at(1, '15:30') },
    );
    c = await draft(
      c,
      'Perhitungan RAB mengikuti AHSP bidang sumber daya air (Permen PUPR 1/2022) dengan harga satuan dasar Kota Jambi tahun berjalan; volume galian dan pasangan batu dihitung per segmen 50 meter, koefisien tenaga kerja terlampir.',
      at(2, '10:00'),
    );
    c = await approve(c, at(2, '14:00'));
    c = await deliver(c, at(3, '09:00'));
    await acknowledge(c, at(3, '13:45'));
  }

  // 3. The officer asked the unit for more information (clock stopped), then answered.
  {
    const at = story(41);
    let c = await submitted(
      at,
      'Persyaratan izin galian utilitas di ruang milik jalan',
      'Penyedia jaringan fiber optik mengajukan galian di bahu Jalan Sultan Agung. Mohon penjelasan persyaratan teknis dan jaminan pemulihan jalan.',
    );
    c = await consultations.requestInformation(
      officer,
      {
        id: c.id,
        note: 'Mohon lampirkan rencana trase galian dan kedalaman pemasangan pipa.',
        revision: c.revision,
      },
      { now: at(0, '14:00') },
    );
    c = await consultations.provideInformation(
      unit,
      {
        id: c.id,
        note: 'Trase sepanjang 1,2 km di bahu kiri jalan, kedalaman pipa 1,5 meter.',
        revision: c.revision,
      },
      { now: at(3, '09:15') },
    );
    c = await draft(
      c,
      'Galian di ruang milik jalan wajib berjarak minimal 1 meter dari tepi perkerasan, kedalaman minimal 1,5 meter, dengan jaminan pemulihan sebesar biaya perbaikan perkerasan yang terdampak.',
      at(4, '10:30'),
    );
    c = await approve(c, at(4, '15:00'));
    c = await deliver(c, at(5, '08:45'));
    await acknowledge(c, at(5, '11:00'));
  }

  // 4. Answered late: the draft took four working days instead of two.
  {
    const at = story(30);
    let c = await submitted(
      at,
      'Penanganan darurat longsor tebing jalan',
      'Tebing di sisi Jalan Lingkar Selatan longsor sepanjang 20 meter setelah hujan deras. Mohon arahan penanganan darurat sebelum perbaikan permanen.',
    );
    c = await draft(
      c,
      'Penanganan darurat: pasang bronjong kawat sementara di kaki tebing, tutup retakan dengan terpal, alihkan air permukaan; perbaikan permanen dengan dinding penahan tanah diusulkan pada perubahan anggaran.',
      at(4, '16:00'),
    );
    c = await approve(c, at(5, '09:00'));
    c = await deliver(c, at(5, '10:00'));
    await acknowledge(c, at(6, '08:00'));
  }

  // 5. Delivered, waiting for the unit to acknowledge.
  {
    const at = story(6);
    let c = await submitted(
      at,
      'Spesifikasi lampu penerangan jalan umum tenaga surya',
      'Mohon rekomendasi spesifikasi teknis PJU tenaga surya untuk jalan kolektor, termasuk kapasitas baterai dan tinggi tiang.',
    );
    c = await draft(
      c,
      'Untuk jalan kolektor dianjurkan lampu LED 60 W dengan panel surya 150 Wp, baterai LiFePO4 40 Ah, tinggi tiang 9 meter dan jarak antartiang 30 meter.',
      at(1, '10:00'),
    );
    c = await approve(c, at(1, '15:00'));
    await deliver(c, at(2, '09:00'));
  }

  // 6. Waiting for information from the unit.
  {
    const at = story(4);
    const c = await submitted(
      at,
      'Kajian kelayakan jembatan gantung Kelurahan Pasir Panjang',
      'Jembatan gantung penghubung permukiman mengalami korosi pada kabel utama. Mohon arahan kajian kelayakan dan batas beban sementara.',
    );
    await consultations.requestInformation(
      officer,
      {
        id: c.id,
        note: 'Mohon kirim foto kondisi angkur dan data tahun pembangunan jembatan.',
        revision: c.revision,
      },
      { now: at(1, '09:30') },
    );
  }

  // 7. Draft waiting for the kasubdit's verification.
  {
    const at = story(2);
    const c = await submitted(
      at,
      'Metode pelaksanaan drainase perkotaan di kawasan pasar',
      'Mohon arahan metode pelaksanaan saluran drainase tertutup di kawasan Pasar Angso Duo agar aktivitas pasar tetap berjalan.',
    );
    await draft(
      c,
      'Pelaksanaan dibagi per segmen 25 meter pada malam hari, memakai saluran pracetak U-ditch dengan tutup beban berat, dan jalur pejalan kaki sementara di setiap segmen.',
      at(1, '11:30'),
    );
  }

  // 8. Just submitted, waiting for routing.
  {
    const at = story(1);
    await submitted(
      at,
      'Pemeliharaan rutin atap gedung kantor balai',
      'Atap gedung kantor Balai Pemeliharaan Jalan bocor di beberapa titik. Mohon arahan apakah masuk pemeliharaan rutin atau rehabilitasi ringan.',
      null,
    );
  }
  return 8;
}

// -----------------------------------------------------------------------------------------------
// Pekerjaan internal: Kepala Bagian Umum assigns work to staff of Dinas PUPR.
// -----------------------------------------------------------------------------------------------

async function seedWorkItems(
  { workItems }: ConsultationsServices,
  { users, story }: SeedContext,
): Promise<number> {
  const assigner = users['pemberi-tugas'];
  const admin = users['super-admin'];
  const create = (
    at: (day: number, time: string) => Date,
    assignee: Principal,
    title: string,
    description: string,
  ) =>
    workItems.create(
      assigner,
      { title, description, assigneeId: assignee.id },
      { now: at(0, '08:30') },
    );
  type View = Awaited<ReturnType<typeof create>>;
  const accept = (view: View, by: Principal, now: Date) =>
    workItems.accept(by, { id: view.id, revision: view.revision }, { now });
  const report = (view: View, by: Principal, result: string, now: Date) =>
    workItems.submitResult(by, { id: view.id, result, revision: view.revision }, { now });
  const approve = (view: View, now: Date) =>
    workItems.verify(admin, { id: view.id, decision: 'APPROVE', revision: view.revision }, { now });

  const officer = users['petugas-konsultasi'];
  const unit = users['unit-kerja'];

  {
    const at = story(45);
    let w = await create(
      at,
      officer,
      'Rekap data kondisi jalan kota triwulan I',
      'Susun rekap kondisi jalan kota (baik, sedang, rusak ringan, rusak berat) per kecamatan dari hasil survei triwulan I.',
    );
    w = await accept(w, officer, at(0, '10:00'));
    w = await report(
      w,
      officer,
      'Rekap kondisi 312 ruas jalan kota per kecamatan selesai; 68% baik, 19% sedang, 9% rusak ringan, 4% rusak berat.',
      at(2, '15:00'),
    );
    await approve(w, at(3, '09:00'));
  }
  {
    const at = story(25);
    let w = await create(
      at,
      unit,
      'Laporan realisasi fisik kegiatan pemeliharaan jalan',
      'Siapkan laporan realisasi fisik kegiatan pemeliharaan berkala jalan bulan lalu lengkap dengan dokumentasi foto.',
    );
    w = await accept(w, unit, at(0, '09:00'));
    w = await report(
      w,
      unit,
      'Realisasi fisik pemeliharaan berkala mencapai 72%, rincian per paket terlampir.',
      at(1, '16:00'),
    );
    w = await workItems.verify(
      admin,
      {
        id: w.id,
        decision: 'RETURN',
        note: 'Dokumentasi foto 0%-50%-100% belum lengkap untuk paket 3 dan 5.',
        revision: w.revision,
      },
      { now: at(2, '10:00') },
    );
    w = await report(
      w,
      unit,
      'Realisasi fisik pemeliharaan berkala mencapai 72%; rincian per paket dan dokumentasi foto lengkap untuk kelima paket terlampir.',
      at(3, '14:00'),
    );
    await approve(w, at(4, '08:45'));
  }
  {
    const at = story(15);
    const w = await create(
      at,
      officer,
      'Survei lokasi pembangunan pos jaga jembatan',
      'Lakukan survei lokasi rencana pos jaga di ujung Jembatan Makalam dan buat sketsa tata letak.',
    );
    await workItems.cancel(
      assigner,
      {
        id: w.id,
        note: 'Kegiatan digabung dengan paket penataan kawasan jembatan tahun depan.',
        revision: w.revision,
      },
      { now: at(1, '09:00') },
    );
  }
  {
    const at = story(4);
    let w = await create(
      at,
      unit,
      'Pemutakhiran peta jaringan drainase primer',
      'Mutakhirkan peta jaringan drainase primer pada sistem informasi geografis berdasarkan hasil pengukuran terbaru.',
    );
    w = await accept(w, unit, at(0, '11:00'));
    await report(
      w,
      unit,
      'Peta jaringan drainase primer diperbarui: 14 ruas baru dan 3 ruas yang dialihkan telah dipetakan.',
      at(3, '10:00'),
    );
  }
  {
    const at = story(2);
    const w = await create(
      at,
      officer,
      'Inventarisasi aset alat berat',
      'Catat kondisi dan lokasi seluruh alat berat milik dinas, termasuk jadwal servis terakhir.',
    );
    await accept(w, officer, at(0, '13:00'));
  }
  {
    const at = story(1);
    await create(
      at,
      officer,
      'Penyiapan bahan rapat koordinasi pemeliharaan jalan',
      'Siapkan bahan paparan rapat koordinasi pemeliharaan jalan dengan camat se-Kota Jambi.',
    );
  }
  return 6;
}

// -----------------------------------------------------------------------------------------------
// Pengaduan TIK: staff report, pengelola-tik routes to petugas-tik (Diskominfo).
// -----------------------------------------------------------------------------------------------

async function seedIctComplaints(
  { ictComplaints }: ConsultationsServices,
  { users, story }: SeedContext,
): Promise<number> {
  const manager = users['pengelola-tik'];
  const officer = users['petugas-tik'];
  const file = (
    at: (day: number, time: string) => Date,
    complainant: Principal,
    unit: string,
    problem: string,
    handlingTried: string | null,
  ) => ictComplaints.file(complainant, { unit, problem, handlingTried }, { now: at(0, '08:20') });
  type View = Awaited<ReturnType<typeof file>>;
  const route = (view: View, now: Date) =>
    ictComplaints.route(
      manager,
      { id: view.id, officerId: officer.id, revision: view.revision },
      { now },
    );
  const resolve = (view: View, handling: string, now: Date) =>
    ictComplaints.resolve(officer, { id: view.id, handling, revision: view.revision }, { now });
  const confirm = (view: View, complainant: Principal, now: Date) =>
    ictComplaints.confirm(
      complainant,
      { id: view.id, solved: true, revision: view.revision },
      { now },
    );
  const document = (view: View, followUp: string, now: Date) =>
    ictComplaints.document(officer, { id: view.id, followUp, revision: view.revision }, { now });

  {
    const at = story(55);
    const complainant = users.kasubdit;
    let t = await file(
      at,
      complainant,
      'Subdirektorat Pengendalian',
      'Printer jaringan di ruang Subdirektorat Pengendalian tidak terdeteksi oleh komputer mana pun.',
      'Printer sudah dimatikan dan dinyalakan kembali.',
    );
    t = await route(t, at(0, '09:00'));
    t = await resolve(
      t,
      'Alamat IP printer bentrok dengan perangkat lain; printer diberi alamat IP tetap.',
      at(0, '13:30'),
    );
    t = await confirm(t, complainant, at(0, '15:00'));
    await document(
      t,
      'Alamat IP tetap printer dicatat pada daftar inventaris jaringan Dinas PUPR.',
      at(1, '09:00'),
    );
  }
  {
    const at = story(35);
    const complainant = users['unit-kerja'];
    let t = await file(
      at,
      complainant,
      'Balai Pemeliharaan Jalan',
      'Koneksi internet di kantor Balai Pemeliharaan Jalan terputus-putus sejak pagi.',
      'Modem sudah dinyalakan ulang, kabel LAN sudah diperiksa.',
    );
    t = await route(t, at(0, '09:10'));
    t = await resolve(t, 'Konfigurasi ulang router dan penggantian kabel patch.', at(0, '14:00'));
    t = await ictComplaints.confirm(
      complainant,
      {
        id: t.id,
        solved: false,
        note: 'Koneksi masih terputus setiap siang, terutama di ruang lantai 2.',
        revision: t.revision,
      },
      { now: at(1, '09:00') },
    );
    t = await resolve(
      t,
      'Access point di lantai 2 rusak dan sudah diganti; sinyal stabil setelah uji 2 jam.',
      at(1, '15:30'),
    );
    t = await confirm(t, complainant, at(2, '08:30'));
    await document(
      t,
      'Access point lantai 2 diganti; perangkat lama diusulkan untuk penghapusan aset.',
      at(2, '10:00'),
    );
  }
  {
    const at = story(4);
    const complainant = users['pemberi-tugas'];
    let t = await file(
      at,
      complainant,
      'Bagian Umum',
      'Akun email dinas tidak bisa masuk, muncul pesan kata sandi kedaluwarsa.',
      null,
    );
    t = await route(t, at(0, '10:00'));
    t = await resolve(
      t,
      'Kata sandi diatur ulang dan verifikasi dua langkah diaktifkan.',
      at(1, '09:00'),
    );
    await confirm(t, complainant, at(1, '10:00'));
  }
  {
    const at = story(2);
    let t = await file(
      at,
      users['petugas-konsultasi'],
      'Bidang Bina Konstruksi',
      'Aplikasi e-SPJ menampilkan galat saat mengunggah berkas PDF lebih dari 5 MB.',
      'Berkas sudah dikompres, tetapi galat tetap muncul.',
    );
    t = await route(t, at(0, '11:00'));
    await resolve(t, 'Batas unggah pada server aplikasi dinaikkan menjadi 20 MB.', at(1, '10:00'));
  }
  {
    const at = story(1);
    await file(
      at,
      users['unit-kerja'],
      'Balai Pemeliharaan Jalan',
      'Komputer di ruang arsip sering mati sendiri setelah dinyalakan sekitar satu jam.',
      'Debu pada kipas sudah dibersihkan.',
    );
  }
  return 5;
}

// -----------------------------------------------------------------------------------------------
// Pengaduan masyarakat: citizens file without an account; super-admin handles (any agency).
// -----------------------------------------------------------------------------------------------

async function seedPublicComplaints(
  { publicComplaints }: ConsultationsServices,
  { users, story }: SeedContext,
): Promise<number> {
  const admin = users['super-admin'];
  const file = async (
    now: Date,
    input: {
      title: string;
      description: string;
      categoryCode: string;
      anonymous?: boolean;
      visibility?: 'PUBLIC' | 'CONFIDENTIAL';
      address?: string;
    },
  ) => {
    const filed = await publicComplaints.file(
      {
        title: input.title,
        description: input.description,
        categoryCode: input.categoryCode,
        anonymous: input.anonymous ?? false,
        contact: input.anonymous ? null : { name: 'Warga Kota Jambi', phone: '+6281234567890' },
        location: input.address
          ? { latitude: -1.6101, longitude: 103.6131, address: input.address }
          : null,
        visibility: input.visibility ?? 'PUBLIC',
        submissionId: randomUUID(),
      },
      null,
      { now },
    );
    const page = await publicComplaints.list(admin, { search: filed.number, first: 1 });
    const view = page.edges[0]?.node;
    if (!view) throw new Error(`Demo complaint ${filed.number} is not listed`);
    return { ...view, trackingCode: filed.trackingCode };
  };
  type View = { id: string; revision: number };
  const accept = (view: View, now: Date) =>
    publicComplaints.verify(
      admin,
      { id: view.id, decision: 'ACCEPT', revision: view.revision },
      { now },
    );
  const answer = (view: View, text: string, now: Date) =>
    publicComplaints.answer(admin, { id: view.id, answer: text, revision: view.revision }, { now });

  {
    const at = story(40);
    const c = await file(at(0, '07:45'), {
      title: 'Jalan berlubang di Jalan Lingkar Barat',
      description:
        'Terdapat lubang besar di Jalan Lingkar Barat dekat simpang Mayang yang membahayakan pengendara motor, terutama malam hari.',
      categoryCode: 'JALAN',
      address: 'Jl. Lingkar Barat, Simpang Mayang',
    });
    const accepted = await accept(c, at(1, '09:00'));
    await answer(
      accepted,
      'Lubang telah ditambal dengan aspal dingin oleh tim pemeliharaan rutin pada tanggal ini; perbaikan permanen dijadwalkan bersama paket pemeliharaan berkala.',
      at(3, '14:00'),
    );
    await publicComplaints.rate(
      c.trackingCode,
      { rating: 5, comment: 'Cepat ditangani, terima kasih.' },
      null,
      { now: at(4, '19:30') },
    );
  }
  {
    const at = story(28);
    const c = await file(at(0, '06:30'), {
      title: 'Saluran drainase tersumbat sampah',
      description:
        'Saluran drainase di depan pasar tersumbat sampah sehingga air meluap ke jalan setiap hujan.',
      categoryCode: 'KEBERSIHAN',
      address: 'Jl. Hayam Wuruk, depan Pasar Talang Banjar',
    });
    const accepted = await accept(c, at(1, '08:30'));
    const answered = await answer(
      accepted,
      'Saluran telah dibersihkan oleh petugas kebersihan dan sampah diangkut pada hari yang sama.',
      at(2, '15:00'),
    );
    await publicComplaints.reply(
      c.trackingCode,
      'Terima kasih, namun saluran di sisi seberang jalan belum dibersihkan.',
      null,
      { now: at(3, '18:00') },
    );
    const replied = await publicComplaints.get(admin, answered.id);
    if (!replied) throw new Error('Demo complaint disappeared');
    await answer(
      replied,
      'Saluran di sisi seberang jalan juga telah dibersihkan dan dijadwalkan pembersihan rutin setiap bulan.',
      at(5, '10:00'),
    );
    await publicComplaints.rate(
      c.trackingCode,
      { rating: 4, comment: 'Sudah bersih, semoga rutin.' },
      null,
      { now: at(6, '07:00') },
    );
  }
  {
    const at = story(20);
    const c = await file(at(0, '20:15'), {
      title: 'Pengaduan tanpa keterangan lokasi',
      description: 'Pelayanan di kantor lambat sekali, tolong diperbaiki.',
      categoryCode: 'JALAN',
      anonymous: true,
      visibility: 'CONFIDENTIAL',
    });
    await publicComplaints.verify(
      admin,
      {
        id: c.id,
        decision: 'REJECT',
        note: 'Pengaduan tidak menyebutkan kantor dan layanan yang dimaksud; silakan ajukan kembali dengan keterangan yang lengkap.',
        revision: c.revision,
      },
      { now: at(1, '10:00') },
    );
  }
  {
    const at = story(8);
    const c = await file(at(0, '09:20'), {
      title: 'Antrean imunisasi di puskesmas terlalu panjang',
      description:
        'Antrean imunisasi anak di Puskesmas Simpang Kawat sangat panjang dan tidak ada nomor antrean, banyak ibu menunggu lebih dari tiga jam.',
      categoryCode: 'JALAN',
    });
    const rerouted = await publicComplaints.reroute(
      admin,
      {
        id: c.id,
        organizationCode: 'DINKES',
        note: 'Layanan imunisasi puskesmas adalah kewenangan Dinas Kesehatan.',
        revision: c.revision,
      },
      { now: at(0, '13:00') },
    );
    const accepted = await accept(rerouted, at(1, '09:00'));
    await answer(
      accepted,
      'Puskesmas Simpang Kawat mulai menerapkan nomor antrean dan jadwal imunisasi per kelurahan mulai pekan depan.',
      at(3, '11:00'),
    );
  }
  {
    const at = story(3);
    const c = await file(at(0, '08:05'), {
      title: 'Lampu penerangan jalan padam',
      description:
        'Lampu penerangan jalan umum di sepanjang Jalan Kapten Pattimura padam sejak seminggu terakhir, jalan menjadi gelap dan rawan.',
      categoryCode: 'JALAN',
      address: 'Jl. Kapten Pattimura',
    });
    await accept(c, at(1, '10:30'));
  }
  {
    const at = story(1);
    await file(at(0, '07:10'), {
      title: 'Pendaftaran rawat jalan RSUD lama',
      description:
        'Pendaftaran rawat jalan di RSUD memakan waktu lebih dari dua jam meskipun sudah mendaftar daring sehari sebelumnya.',
      categoryCode: 'RUMAH-SAKIT',
      visibility: 'CONFIDENTIAL',
    });
  }
  return 6;
}
