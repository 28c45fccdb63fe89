import { setTimeout as sleep } from 'node:timers/promises';
import type { OrganizationDirectory } from '@sipadu/directory';
import type { Logger } from '@sipadu/service-kit';
import type { ServicePledgeService } from '../services/service-pledge.service.js';
import {
  systemPrincipal,
  type ServiceStandardService,
} from '../services/service-standard.service.js';

// Demo service standards (Standar Pelayanan, PermenPANRB 15/2014) and pledges (Maklumat
// Pelayanan) of the seeded Pemda (Kota Jambi style, services/identity/src/seed). Regulations cited
// are national ones in force; local ones are named by subject, without invented numbers.

/** How long the seed waits for identity's organizations to reach the projection. */
export const ORGANIZATION_WAIT_MS = 60_000;
const POLL_MS = 1_000;

interface ComponentsSeed {
  legalBasis: string[];
  requirements: string[];
  procedure: string[];
  completionTime: string;
  completionDays: number | null;
  cost: string;
  products: string[];
  facilities: string[];
  officerCompetence: string[];
  internalSupervision: string;
  complaintHandling: string;
  numberOfOfficers: number | null;
  serviceGuarantee: string;
  securityGuarantee: string;
  performanceEvaluation: string;
}

interface StandardSeed {
  organizationCode: string;
  name: string;
  category: string;
  description: string;
  onlineServiceUrl: string | null;
  components: ComponentsSeed;
  /** A second version published over the first (history demo). */
  revised?: Partial<Omit<StandardSeed, 'revised' | 'pendingDraft' | 'draftOnly'>>;
  /** A draft of changes left unpublished (PUBLISHED_WITH_DRAFT demo). */
  pendingDraft?: Partial<Omit<StandardSeed, 'revised' | 'pendingDraft' | 'draftOnly'>>;
  /** Never published (DRAFT demo). */
  draftOnly?: boolean;
}

interface OrganizationContact {
  name: string;
  phone: string | null;
  email: string;
}

const CONTACTS: Record<string, OrganizationContact> = {
  DISDUKCAPIL: {
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    phone: '0741-445566',
    email: 'disdukcapil@jambikota.go.id',
  },
  DPMPTSP: {
    name: 'DPMPTSP',
    phone: '0741-583930',
    email: 'dpmptsp@jambikota.go.id',
  },
  RSUD: { name: 'RSUD H. Abdul Manap', phone: '0741-5911222', email: 'rsud@jambikota.go.id' },
  DINKES: { name: 'Dinas Kesehatan', phone: '0741-33520', email: 'dinkes@jambikota.go.id' },
  'KEC-KOTABARU': {
    name: 'Kecamatan Kota Baru',
    phone: null,
    email: 'kec.kotabaru@jambikota.go.id',
  },
};

const UU_PELAYANAN_PUBLIK = 'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik';
const PERMENPAN_STANDAR =
  'Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan';
const UU_ADMINDUK =
  'Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan sebagaimana telah diubah dengan Undang-Undang Nomor 24 Tahun 2013';
const PERPRES_ADMINDUK =
  'Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil';
const PERMENDAGRI_ADMINDUK =
  'Peraturan Menteri Dalam Negeri Nomor 108 Tahun 2019 tentang Peraturan Pelaksanaan Peraturan Presiden Nomor 96 Tahun 2018';
const PERMENDAGRI_FORMULIR =
  'Peraturan Menteri Dalam Negeri Nomor 109 Tahun 2019 tentang Formulir dan Buku yang Digunakan dalam Administrasi Kependudukan';
const UU_KESEHATAN = 'Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan';
const PP_KESEHATAN =
  'Peraturan Pemerintah Nomor 28 Tahun 2024 tentang Peraturan Pelaksanaan Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan';
const SPM_RS =
  'Keputusan Menteri Kesehatan Nomor 129 Tahun 2008 tentang Standar Pelayanan Minimal Rumah Sakit';
const PERDA_PDRD = 'Peraturan Daerah Kota Jambi tentang Pajak Daerah dan Retribusi Daerah';
const GRATIS_ADMINDUK =
  'Gratis (tidak dipungut biaya, Pasal 79A Undang-Undang Nomor 24 Tahun 2013)';

/** The components every agency words the same way, with its own contact. */
function common(
  code: string,
): Pick<
  ComponentsSeed,
  | 'internalSupervision'
  | 'complaintHandling'
  | 'serviceGuarantee'
  | 'securityGuarantee'
  | 'performanceEvaluation'
> {
  const contact = CONTACTS[code]!;
  return {
    internalSupervision:
      'Pengawasan melekat oleh atasan langsung secara berjenjang dan Sistem Pengendalian Intern Pemerintah (SPIP); pemeriksaan berkala oleh Inspektorat Daerah Kota Jambi.',
    complaintHandling: `Pengaduan, saran, dan masukan disampaikan melalui SP4N-LAPOR! (www.lapor.go.id), kotak saran di ruang pelayanan, ${contact.phone ? `telepon ${contact.phone}, ` : ''}surel ${contact.email}, atau langsung kepada petugas pengaduan ${contact.name}; setiap pengaduan ditanggapi paling lama 5 hari kerja.`,
    serviceGuarantee: `Pelayanan diberikan sesuai standar pelayanan ini dan Maklumat Pelayanan ${contact.name}; petugas yang tidak melayani sesuai standar dikenai sanksi sesuai ketentuan kepegawaian.`,
    securityGuarantee:
      'Data pribadi pemohon dijaga kerahasiaannya dan hanya dipakai untuk keperluan pelayanan; ruang pelayanan dilengkapi CCTV, alat pemadam api ringan, dan jalur evakuasi.',
    performanceEvaluation:
      'Survei Kepuasan Masyarakat (PermenPANRB Nomor 14 Tahun 2017) setiap semester melalui SIPUTRI, dan evaluasi kinerja pelaksana setiap triwulan oleh pimpinan unit.',
  };
}

const STANDARDS: StandardSeed[] = [
  {
    organizationCode: 'DISDUKCAPIL',
    name: 'Penerbitan KTP Elektronik',
    category: 'Administrasi Kependudukan',
    description:
      'Perekaman dan pencetakan Kartu Tanda Penduduk Elektronik (KTP-el) bagi penduduk yang berusia 17 tahun, sudah kawin, atau pernah kawin, serta penggantian KTP-el yang rusak, hilang, atau berubah datanya.',
    onlineServiceUrl: null,
    components: {
      legalBasis: [UU_ADMINDUK, PERPRES_ADMINDUK, PERMENDAGRI_ADMINDUK, PERMENDAGRI_FORMULIR],
      requirements: [
        'Telah berusia 17 tahun, sudah kawin, atau pernah kawin',
        'Kartu Keluarga (KK) asli',
        'KTP-el lama bagi penggantian karena rusak atau perubahan data',
        'Surat keterangan kehilangan dari Kepolisian bagi penggantian karena hilang',
      ],
      procedure: [
        'Pemohon mengambil nomor antrean di loket informasi',
        'Petugas memverifikasi KK dan data kependudukan pemohon pada SIAK',
        'Perekaman foto, tanda tangan, sidik jari, dan iris mata',
        'Pencetakan KTP-el setelah data tunggal terverifikasi',
        'Penyerahan KTP-el kepada pemohon dengan tanda terima',
      ],
      completionTime: '1 hari kerja setelah perekaman, bila data sudah tunggal',
      completionDays: 1,
      cost: GRATIS_ADMINDUK,
      products: ['Kartu Tanda Penduduk Elektronik (KTP-el)'],
      facilities: [
        'Ruang tunggu ber-AC dengan kursi antrean',
        'Mesin antrean dan layar informasi',
        'Alat perekam biometrik dan printer KTP-el',
        'Kursi roda dan jalur landai bagi penyandang disabilitas',
      ],
      officerCompetence: [
        'Memahami peraturan administrasi kependudukan',
        'Mampu mengoperasikan SIAK dan perangkat perekaman biometrik',
        'Ramah, sopan, dan komunikatif',
      ],
      numberOfOfficers: 8,
      ...common('DISDUKCAPIL'),
    },
    revised: {
      onlineServiceUrl: 'https://disdukcapil.jambikota.go.id/layanan-daring',
      components: {
        legalBasis: [UU_ADMINDUK, PERPRES_ADMINDUK, PERMENDAGRI_ADMINDUK, PERMENDAGRI_FORMULIR],
        requirements: [
          'Telah berusia 17 tahun, sudah kawin, atau pernah kawin',
          'Kartu Keluarga (KK) asli atau nomor KK',
          'KTP-el lama bagi penggantian karena rusak atau perubahan data',
          'Surat pernyataan kehilangan (tidak lagi memerlukan surat Kepolisian) bagi penggantian karena hilang',
        ],
        procedure: [
          'Pemohon mengambil nomor antrean di loket atau mendaftar melalui layanan daring',
          'Petugas memverifikasi KK dan data kependudukan pemohon pada SIAK',
          'Perekaman foto, tanda tangan, sidik jari, dan iris mata',
          'Pencetakan KTP-el setelah data tunggal terverifikasi',
          'Penyerahan KTP-el kepada pemohon dengan tanda terima, atau aktivasi Identitas Kependudukan Digital (IKD)',
        ],
        completionTime: '1 hari kerja setelah perekaman, bila data sudah tunggal',
        completionDays: 1,
        cost: GRATIS_ADMINDUK,
        products: [
          'Kartu Tanda Penduduk Elektronik (KTP-el)',
          'Aktivasi Identitas Kependudukan Digital (IKD)',
        ],
        facilities: [
          'Ruang tunggu ber-AC dengan kursi antrean',
          'Mesin antrean dan layar informasi',
          'Alat perekam biometrik dan printer KTP-el',
          'Kursi roda dan jalur landai bagi penyandang disabilitas',
          'Ruang laktasi dan area bermain anak',
        ],
        officerCompetence: [
          'Memahami peraturan administrasi kependudukan',
          'Mampu mengoperasikan SIAK, perangkat perekaman biometrik, dan aplikasi IKD',
          'Ramah, sopan, dan komunikatif',
        ],
        numberOfOfficers: 10,
        ...common('DISDUKCAPIL'),
      },
    },
  },
  {
    organizationCode: 'DISDUKCAPIL',
    name: 'Penerbitan Kartu Keluarga',
    category: 'Administrasi Kependudukan',
    description:
      'Penerbitan Kartu Keluarga (KK) baru karena membentuk keluarga baru, penggantian KK karena perubahan data (kelahiran, kematian, pindah datang), serta KK yang rusak atau hilang.',
    onlineServiceUrl: 'https://disdukcapil.jambikota.go.id/layanan-daring',
    components: {
      legalBasis: [UU_ADMINDUK, PERPRES_ADMINDUK, PERMENDAGRI_ADMINDUK, PERMENDAGRI_FORMULIR],
      requirements: [
        'Formulir biodata keluarga (F-1.01) yang telah diisi',
        'Buku nikah/kutipan akta perkawinan, atau Surat Pernyataan Tanggung Jawab Mutlak (SPTJM) perkawinan, bagi keluarga baru',
        'Surat keterangan pindah bagi penduduk yang pindah datang',
        'KK lama bagi perubahan data, atau surat pernyataan kehilangan bagi KK yang hilang',
      ],
      procedure: [
        'Pemohon menyerahkan berkas di loket atau mengunggahnya melalui layanan daring',
        'Petugas memverifikasi dan memvalidasi berkas',
        'Perekaman data pada SIAK dan penandatanganan elektronik oleh Kepala Dinas',
        'KK dicetak pada kertas HVS atau dikirim dalam bentuk PDF ke surel pemohon',
        'Penyerahan KK kepada pemohon',
      ],
      completionTime: '1 hari kerja sejak berkas dinyatakan lengkap',
      completionDays: 1,
      cost: GRATIS_ADMINDUK,
      products: ['Kartu Keluarga (KK) bertanda tangan elektronik'],
      facilities: [
        'Loket pelayanan dan ruang tunggu',
        'Layanan daring dan kanal WhatsApp informasi',
        'Komputer SIAK dan printer',
      ],
      officerCompetence: [
        'Memahami peraturan administrasi kependudukan',
        'Mampu mengoperasikan SIAK dan tanda tangan elektronik',
      ],
      numberOfOfficers: 6,
      ...common('DISDUKCAPIL'),
    },
    pendingDraft: {
      description:
        'Penerbitan Kartu Keluarga (KK) baru karena membentuk keluarga baru, penggantian KK karena perubahan data (kelahiran, kematian, pindah datang), serta KK yang rusak atau hilang. Dapat diajukan di kelurahan melalui petugas registrasi.',
    },
  },
  {
    organizationCode: 'DISDUKCAPIL',
    name: 'Penerbitan Akta Kelahiran',
    category: 'Pencatatan Sipil',
    description:
      'Pencatatan kelahiran dan penerbitan Kutipan Akta Kelahiran bagi penduduk yang lahir di dalam atau di luar wilayah Kota Jambi.',
    onlineServiceUrl: 'https://disdukcapil.jambikota.go.id/layanan-daring',
    components: {
      legalBasis: [UU_ADMINDUK, PERPRES_ADMINDUK, PERMENDAGRI_ADMINDUK],
      requirements: [
        'Surat keterangan kelahiran dari rumah sakit, puskesmas, fasilitas kesehatan, dokter, atau bidan; atau surat keterangan kelahiran dari lurah',
        'Buku nikah/kutipan akta perkawinan, atau SPTJM kebenaran sebagai pasangan suami istri',
        'Kartu Keluarga tempat anak akan didaftarkan',
        'KTP-el kedua orang tua',
      ],
      procedure: [
        'Pemohon mengisi formulir pelaporan kelahiran (F-2.01) dan menyerahkan berkas',
        'Petugas memverifikasi dan memvalidasi berkas',
        'Pencatatan kelahiran pada register akta kelahiran di SIAK',
        'Penandatanganan elektronik kutipan akta oleh Kepala Dinas',
        'Kutipan akta kelahiran dan KK baru diserahkan atau dikirim ke surel pemohon',
      ],
      completionTime: '1 hari kerja sejak berkas dinyatakan lengkap',
      completionDays: 1,
      cost: GRATIS_ADMINDUK,
      products: ['Kutipan Akta Kelahiran', 'Kartu Keluarga dengan data anak yang baru lahir'],
      facilities: ['Loket pencatatan sipil', 'Ruang tunggu dan ruang laktasi', 'Layanan daring'],
      officerCompetence: [
        'Memahami peraturan pencatatan sipil',
        'Mampu mengoperasikan SIAK dan tanda tangan elektronik',
      ],
      numberOfOfficers: 5,
      ...common('DISDUKCAPIL'),
    },
  },
  {
    organizationCode: 'DPMPTSP',
    name: 'Persetujuan Bangunan Gedung (PBG)',
    category: 'Perizinan Bangunan',
    description:
      'Perizinan untuk membangun baru, mengubah, memperluas, mengurangi, dan/atau merawat bangunan gedung sesuai standar teknis, diajukan melalui Sistem Informasi Manajemen Bangunan Gedung (SIMBG).',
    onlineServiceUrl: 'https://simbg.pu.go.id',
    components: {
      legalBasis: [
        'Undang-Undang Nomor 28 Tahun 2002 tentang Bangunan Gedung sebagaimana telah diubah dengan Undang-Undang Nomor 6 Tahun 2023',
        'Peraturan Pemerintah Nomor 16 Tahun 2021 tentang Peraturan Pelaksanaan Undang-Undang Nomor 28 Tahun 2002 tentang Bangunan Gedung',
        PERDA_PDRD,
      ],
      requirements: [
        'Data pemohon atau pemilik bangunan (KTP-el/akta pendirian badan usaha)',
        'Bukti kepemilikan hak atas tanah atau perjanjian pemanfaatan tanah',
        'Konfirmasi Kesesuaian Kegiatan Pemanfaatan Ruang (KKPR)',
        'Dokumen rencana teknis: gambar arsitektur, struktur, serta mekanikal, elektrikal, dan plambing',
        'Dokumen lingkungan (SPPL, UKL-UPL, atau AMDAL) sesuai skala kegiatan',
      ],
      procedure: [
        'Pemohon mendaftar dan mengunggah dokumen pada SIMBG',
        'Verifikasi kelengkapan dokumen oleh petugas DPMPTSP',
        'Konsultasi perencanaan dengan Tim Profesi Ahli (TPA) atau Tim Penilai Teknis (TPT)',
        'Penerbitan Surat Pernyataan Pemenuhan Standar Teknis',
        'Penghitungan retribusi dan penerbitan Surat Ketetapan Retribusi Daerah (SKRD)',
        'Pemohon membayar retribusi melalui bank persepsi',
        'PBG diterbitkan dan dapat diunduh pada SIMBG',
      ],
      completionTime:
        'Paling lama 28 hari kerja sejak dokumen dinyatakan lengkap, di luar waktu pemohon memperbaiki dokumen dan membayar retribusi',
      completionDays: 28,
      cost: `Retribusi PBG sesuai ${PERDA_PDRD}: luas bangunan × indeks lokalitas × standar harga satuan bangunan gedung × indeks terintegrasi, ditetapkan dalam SKRD dan dibayar ke Kas Daerah`,
      products: ['Persetujuan Bangunan Gedung (PBG) beserta lampiran dokumen teknis'],
      facilities: [
        'Mal Pelayanan Publik dengan loket konsultasi perizinan',
        'SIMBG (simbg.pu.go.id)',
        'Komputer bantuan unggah dokumen (help desk)',
      ],
      officerCompetence: [
        'Memahami standar teknis bangunan gedung dan tata ruang',
        'Mampu mengoperasikan SIMBG',
        'Tim Profesi Ahli bersertifikat keahlian sesuai bidang',
      ],
      numberOfOfficers: 7,
      ...common('DPMPTSP'),
    },
  },
  {
    organizationCode: 'DPMPTSP',
    name: 'Izin Penyelenggaraan Reklame',
    category: 'Perizinan Usaha',
    description:
      'Izin untuk memasang reklame papan/billboard, baliho, kain, dan megatron di wilayah Kota Jambi sesuai titik dan ukuran yang diperbolehkan.',
    onlineServiceUrl: null,
    components: {
      legalBasis: [
        UU_PELAYANAN_PUBLIK,
        PERDA_PDRD,
        'Peraturan Wali Kota Jambi tentang Penyelenggaraan Reklame',
      ],
      requirements: [
        'Formulir permohonan yang ditandatangani pemohon',
        'KTP-el pemohon dan Nomor Pokok Wajib Pajak Daerah (NPWPD)',
        'Gambar desain, ukuran, dan foto lokasi titik reklame',
        'Surat persetujuan pemilik lahan atau bangunan tempat reklame dipasang',
        'Gambar konstruksi bagi reklame permanen berukuran lebih dari 8 m²',
      ],
      procedure: [
        'Pemohon menyerahkan berkas di loket DPMPTSP',
        'Verifikasi berkas dan survei lokasi bersama tim teknis',
        'Penetapan pajak reklame oleh Badan Keuangan Daerah',
        'Pemohon membayar pajak reklame',
        'Izin penyelenggaraan reklame diterbitkan',
      ],
      completionTime: 'Paling lama 5 hari kerja sejak berkas lengkap dan survei lokasi selesai',
      completionDays: 5,
      cost: `Tidak dipungut biaya izin; pajak reklame dibayar sesuai ${PERDA_PDRD}`,
      products: ['Izin Penyelenggaraan Reklame', 'Stiker/peneng tanda reklame resmi'],
      facilities: ['Loket perizinan di Mal Pelayanan Publik', 'Ruang konsultasi'],
      officerCompetence: [
        'Memahami ketentuan reklame dan pajak daerah',
        'Mampu melakukan survei dan pengukuran lokasi',
      ],
      numberOfOfficers: 4,
      ...common('DPMPTSP'),
    },
  },
  {
    organizationCode: 'RSUD',
    name: 'Pelayanan Rawat Jalan',
    category: 'Kesehatan',
    description:
      'Pemeriksaan, pengobatan, dan konsultasi dokter spesialis di poliklinik bagi pasien Jaminan Kesehatan Nasional (JKN) dan pasien umum.',
    onlineServiceUrl: null,
    components: {
      legalBasis: [UU_KESEHATAN, PP_KESEHATAN, SPM_RS],
      requirements: [
        'KTP-el atau Kartu Keluarga pasien',
        'Kartu peserta JKN/KIS bagi peserta JKN',
        'Surat rujukan dari Fasilitas Kesehatan Tingkat Pertama bagi peserta JKN, atau surat kontrol bagi kunjungan ulang',
        'Pasien umum cukup menunjukkan identitas diri',
      ],
      procedure: [
        'Pasien mengambil nomor antrean melalui Mobile JKN atau anjungan pendaftaran mandiri',
        'Pendaftaran dan verifikasi kepesertaan (penerbitan SEP bagi peserta JKN) di loket',
        'Pemeriksaan tanda vital oleh perawat poliklinik',
        'Pemeriksaan dan konsultasi oleh dokter spesialis',
        'Pemeriksaan penunjang (laboratorium, radiologi) bila diperlukan',
        'Pengambilan obat di instalasi farmasi',
        'Pasien pulang, dijadwalkan kontrol, atau dirujuk ke rawat inap',
      ],
      completionTime:
        'Waktu tunggu sampai diperiksa dokter paling lama 60 menit sejak pendaftaran; pelayanan selesai pada hari yang sama',
      completionDays: 0,
      cost: 'Peserta JKN: dijamin BPJS Kesehatan sesuai ketentuan; pasien umum: tarif layanan sesuai Peraturan Wali Kota Jambi tentang Tarif Layanan Badan Layanan Umum Daerah RSUD H. Abdul Manap',
      products: [
        'Pelayanan pemeriksaan dan pengobatan',
        'Resep, hasil pemeriksaan penunjang, surat kontrol atau rujukan',
      ],
      facilities: [
        'Poliklinik spesialis penyakit dalam, anak, kandungan, bedah, saraf, dan mata',
        'Anjungan pendaftaran mandiri dan layar antrean',
        'Laboratorium, radiologi, dan instalasi farmasi',
        'Kursi roda, toilet disabilitas, dan ruang laktasi',
      ],
      officerCompetence: [
        'Dokter spesialis dan perawat dengan STR dan SIP yang berlaku',
        'Petugas pendaftaran memahami ketentuan JKN',
      ],
      numberOfOfficers: 64,
      ...common('RSUD'),
    },
  },
  {
    organizationCode: 'RSUD',
    name: 'Pelayanan Instalasi Gawat Darurat',
    category: 'Kesehatan',
    description:
      'Pertolongan gawat darurat 24 jam setiap hari untuk menyelamatkan nyawa dan mencegah kecacatan, bagi siapa pun tanpa syarat uang muka.',
    onlineServiceUrl: null,
    components: {
      legalBasis: [
        UU_KESEHATAN,
        'Peraturan Menteri Kesehatan Nomor 47 Tahun 2018 tentang Pelayanan Kegawatdaruratan',
        SPM_RS,
      ],
      requirements: [
        'Tidak ada persyaratan untuk mendapat pertolongan pertama',
        'Identitas pasien dan kartu JKN dilengkapi oleh keluarga paling lambat 3 × 24 jam hari kerja',
      ],
      procedure: [
        'Pasien tiba dan langsung dinilai kegawatannya (triase)',
        'Tindakan penyelamatan dan stabilisasi oleh dokter jaga',
        'Pemeriksaan penunjang dan konsultasi dokter spesialis sesuai kebutuhan',
        'Keluarga melengkapi administrasi di loket IGD',
        'Pasien dipulangkan, dirawat inap, dioperasi, atau dirujuk',
      ],
      completionTime:
        'Pasien dilayani paling lama 5 menit setelah tiba (waktu tanggap); IGD buka 24 jam setiap hari',
      completionDays: 0,
      cost: 'Peserta JKN: dijamin BPJS Kesehatan; pasien umum: tarif sesuai Peraturan Wali Kota Jambi tentang Tarif Layanan BLUD RSUD H. Abdul Manap. Rumah sakit dilarang menolak pasien atau meminta uang muka dalam keadaan darurat (Undang-Undang Nomor 17 Tahun 2023).',
      products: ['Pertolongan dan tindakan gawat darurat', 'Rujukan atau surat keterangan medis'],
      facilities: [
        'Ruang triase, resusitasi, dan tindakan',
        'Ambulans gawat darurat 24 jam',
        'Defibrilator, ventilator, dan monitor pasien',
      ],
      officerCompetence: [
        'Dokter jaga bersertifikat ATLS/ACLS',
        'Perawat bersertifikat BTCLS atau PPGD',
      ],
      numberOfOfficers: 28,
      ...common('RSUD'),
    },
  },
  {
    organizationCode: 'DINKES',
    name: 'Penerbitan Surat Izin Praktik Tenaga Kesehatan',
    category: 'Perizinan Kesehatan',
    description:
      'Penerbitan Surat Izin Praktik (SIP) bagi tenaga medis dan tenaga kesehatan (dokter, dokter gigi, bidan, perawat, apoteker, dan lainnya) yang berpraktik di Kota Jambi.',
    onlineServiceUrl: null,
    components: {
      legalBasis: [UU_KESEHATAN, PP_KESEHATAN, UU_PELAYANAN_PUBLIK, PERMENPAN_STANDAR],
      requirements: [
        'Surat Tanda Registrasi (STR) yang berlaku',
        'Surat keterangan dari pimpinan fasilitas pelayanan kesehatan tempat berpraktik, atau bukti tempat praktik mandiri',
        'KTP-el pemohon',
        'Pas foto berwarna terbaru ukuran 4 × 6 cm',
        'SIP lama bagi perpanjangan atau perubahan tempat praktik',
      ],
      procedure: [
        'Pemohon menyerahkan berkas di loket Dinas Kesehatan',
        'Verifikasi berkas dan keabsahan STR',
        'Peninjauan tempat praktik mandiri bila diperlukan',
        'Penandatanganan SIP oleh Kepala Dinas',
        'Penyerahan SIP kepada pemohon',
      ],
      completionTime: 'Paling lama 5 hari kerja sejak berkas dinyatakan lengkap',
      completionDays: 5,
      cost: 'Gratis',
      products: ['Surat Izin Praktik (SIP)'],
      facilities: ['Loket perizinan dan ruang tunggu', 'Komputer verifikasi STR daring'],
      officerCompetence: [
        'Memahami peraturan perizinan tenaga medis dan tenaga kesehatan',
        'Mampu memverifikasi STR secara daring',
      ],
      numberOfOfficers: 3,
      ...common('DINKES'),
    },
  },
  {
    organizationCode: 'DINKES',
    name: 'Penerbitan Sertifikat Laik Higiene Sanitasi',
    category: 'Perizinan Kesehatan',
    description:
      'Sertifikat Laik Higiene Sanitasi (SLHS) bagi tempat pengelolaan pangan seperti jasa boga, rumah makan, dan depot air minum.',
    onlineServiceUrl: null,
    draftOnly: true,
    components: {
      legalBasis: [
        UU_KESEHATAN,
        PP_KESEHATAN,
        'Peraturan Menteri Kesehatan Nomor 14 Tahun 2021 tentang Standar Kegiatan Usaha dan Produk pada Penyelenggaraan Perizinan Berusaha Berbasis Risiko Sektor Kesehatan',
      ],
      requirements: [
        'Nomor Induk Berusaha (NIB) dari OSS',
        'Denah lokasi dan denah tempat pengolahan pangan',
        'Sertifikat pelatihan keamanan pangan penjamah pangan',
        'Hasil uji laboratorium sampel pangan dan/atau air',
      ],
      procedure: [
        'Pemohon mengajukan permohonan di loket Dinas Kesehatan',
        'Inspeksi kesehatan lingkungan oleh sanitarian puskesmas',
        'Pengambilan dan uji laboratorium sampel',
        'Penerbitan SLHS bila memenuhi syarat',
      ],
      completionTime: 'Paling lama 14 hari kerja, termasuk uji laboratorium',
      completionDays: 14,
      cost: 'Gratis; biaya uji laboratorium sesuai tarif laboratorium yang ditunjuk',
      products: ['Sertifikat Laik Higiene Sanitasi (SLHS)'],
      facilities: ['Loket perizinan', 'Kendaraan operasional inspeksi'],
      officerCompetence: ['Sanitarian dengan STR yang berlaku'],
      numberOfOfficers: 4,
      ...common('DINKES'),
    },
  },
  {
    organizationCode: 'KEC-KOTABARU',
    name: 'Penerbitan Surat Keterangan dan Surat Pengantar',
    category: 'Administrasi Umum',
    description:
      'Pelayanan Administrasi Terpadu Kecamatan (PATEN): surat keterangan domisili, surat keterangan tidak mampu, surat keterangan ahli waris, dan surat pengantar untuk keperluan lain.',
    onlineServiceUrl: null,
    components: {
      legalBasis: [
        'Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan',
        'Peraturan Menteri Dalam Negeri Nomor 4 Tahun 2010 tentang Pedoman Pelayanan Administrasi Terpadu Kecamatan',
        'Peraturan Wali Kota Jambi tentang Pelimpahan Sebagian Kewenangan Wali Kota kepada Camat',
        PERMENPAN_STANDAR,
      ],
      requirements: [
        'Surat pengantar dari Ketua RT dan Lurah setempat',
        'KTP-el dan Kartu Keluarga pemohon',
        'Dokumen pendukung sesuai jenis surat (mis. surat kematian dan silsilah keluarga untuk ahli waris)',
      ],
      procedure: [
        'Pemohon menyerahkan berkas di meja PATEN',
        'Petugas memeriksa kelengkapan dan kebenaran berkas',
        'Surat disusun dan diparaf oleh Kepala Seksi Pelayanan',
        'Surat ditandatangani Camat atau Sekretaris Camat',
        'Surat diserahkan kepada pemohon',
      ],
      completionTime:
        '1 hari kerja; surat keterangan domisili selesai ± 30 menit bila berkas lengkap',
      completionDays: 1,
      cost: 'Gratis',
      products: ['Surat keterangan atau surat pengantar yang ditandatangani Camat'],
      facilities: ['Meja PATEN dan ruang tunggu', 'Papan informasi persyaratan', 'Kotak saran'],
      officerCompetence: [
        'Memahami jenis dan persyaratan pelayanan administrasi kecamatan',
        'Mampu mengoperasikan komputer dan aplikasi persuratan',
      ],
      numberOfOfficers: 3,
      ...common('KEC-KOTABARU'),
    },
  },
];

interface PledgeSeed {
  organizationCode: string;
  signatoryName: string;
  signatoryPosition: string;
  commitments: string[];
}

const PLEDGE_TEXT =
  'Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan, dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.';

const COMMON_COMMITMENTS = [
  'Memberikan pelayanan sesuai standar pelayanan yang telah ditetapkan',
  'Tidak memungut biaya di luar ketentuan',
  'Melayani dengan ramah, sopan, cepat, dan tepat',
  'Menanggapi setiap pengaduan paling lama 5 hari kerja',
  'Menjaga kerahasiaan data pribadi pengguna layanan',
];

const PLEDGES: PledgeSeed[] = [
  {
    organizationCode: 'DISDUKCAPIL',
    signatoryName: 'Drs. Kemas Muhammad Fauzi',
    signatoryPosition: 'Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Jambi',
    commitments: [...COMMON_COMMITMENTS, 'Menerbitkan dokumen kependudukan tanpa biaya'],
  },
  {
    organizationCode: 'DPMPTSP',
    signatoryName: 'Hj. Sri Wahyuni, S.H., M.H.',
    signatoryPosition: 'Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Jambi',
    commitments: [...COMMON_COMMITMENTS, 'Menyelesaikan perizinan tepat waktu sesuai standar'],
  },
  {
    organizationCode: 'RSUD',
    signatoryName: 'dr. Rini Hayati, Sp.PD.',
    signatoryPosition: 'Direktur RSUD H. Abdul Manap Kota Jambi',
    commitments: [
      ...COMMON_COMMITMENTS,
      'Tidak menolak pasien gawat darurat dan tidak meminta uang muka',
    ],
  },
  {
    organizationCode: 'DINKES',
    signatoryName: 'dr. Ida Yuliati, M.K.M.',
    signatoryPosition: 'Kepala Dinas Kesehatan Kota Jambi',
    commitments: COMMON_COMMITMENTS,
  },
  {
    organizationCode: 'KEC-KOTABARU',
    signatoryName: 'Ahmad Syukri, S.STP., M.Si.',
    signatoryPosition: 'Camat Kota Baru',
    commitments: COMMON_COMMITMENTS,
  },
];

const PLEDGE_EFFECTIVE_DATE = '2026-01-02';

type StandardFields = Omit<StandardSeed, 'revised' | 'pendingDraft' | 'draftOnly'>;

function inputOf(seed: StandardFields) {
  return {
    organizationCode: seed.organizationCode,
    name: seed.name,
    category: seed.category,
    description: seed.description,
    onlineServiceUrl: seed.onlineServiceUrl,
    components: seed.components,
  };
}

/** Waits until the projection knows `codes` (identity's events arrive asynchronously). */
async function knownOrganizations(
  organizations: OrganizationDirectory,
  codes: string[],
  waitMs: number,
): Promise<Set<string>> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const known = new Set<string>();
    for (const code of codes) if (await organizations.exists(code)) known.add(code);
    if (known.size === codes.length || Date.now() >= deadline) return known;
    await sleep(POLL_MS);
  }
}

/**
 * Loads the demo standards and pledges once: nothing happens when any standard exists. Standards
 * go through the same service methods as an editor's (as the system), so they are validated,
 * versioned and announced like real ones: KTP-el has two published versions, the Kartu Keluarga
 * a pending draft, the SLHS only a draft.
 */
export async function seedDemoStandards(deps: {
  standards: ServiceStandardService;
  pledges: ServicePledgeService;
  organizations: OrganizationDirectory;
  logger: Logger;
  /** Tests shorten the wait for the organizations. */
  waitMs?: number;
}): Promise<{ standards: number; pledges: number }> {
  const { standards, pledges, organizations, logger } = deps;
  if ((await standards.count()) > 0) return { standards: 0, pledges: 0 };
  const codes = [...new Set([...STANDARDS, ...PLEDGES].map((seed) => seed.organizationCode))];
  const known = await knownOrganizations(organizations, codes, deps.waitMs ?? ORGANIZATION_WAIT_MS);
  const missing = codes.filter((code) => !known.has(code));
  if (missing.length > 0) {
    logger.warn({ missing }, 'organisasi belum dikenal; standar pelayanannya tidak dimuat');
  }
  const actor = systemPrincipal;
  let standardCount = 0;
  for (const seed of STANDARDS) {
    if (!known.has(seed.organizationCode)) continue;
    const created = await standards.create(actor, inputOf(seed));
    standardCount += 1;
    if (seed.draftOnly) continue;
    await standards.publish(actor, created.id);
    if (seed.revised) {
      await standards.saveDraft(actor, created.id, inputOf({ ...seed, ...seed.revised }));
      await standards.publish(actor, created.id);
    }
    if (seed.pendingDraft) {
      await standards.saveDraft(actor, created.id, inputOf({ ...seed, ...seed.pendingDraft }));
    }
  }
  let pledgeCount = 0;
  for (const seed of PLEDGES) {
    if (!known.has(seed.organizationCode)) continue;
    await pledges.saveDraft(actor, seed.organizationCode, {
      text: PLEDGE_TEXT,
      commitments: seed.commitments,
      signatoryName: seed.signatoryName,
      signatoryPosition: seed.signatoryPosition,
      effectiveDate: PLEDGE_EFFECTIVE_DATE,
    });
    await pledges.publish(actor, seed.organizationCode);
    pledgeCount += 1;
  }
  return { standards: standardCount, pledges: pledgeCount };
}

/** The demo data, for tests and the web's fixtures. */
export const DEMO_STANDARDS: readonly StandardSeed[] = STANDARDS;
export const DEMO_PLEDGES: readonly PledgeSeed[] = PLEDGES;
