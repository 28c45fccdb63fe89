import type {
  OrganizationKind,
  ServiceProviderProfileRecord,
} from '../models/organization.model.js';

export interface OrganizationSeed {
  code: string;
  name: string;
  kind: OrganizationKind;
  parentCode: string | null;
  profile: Omit<ServiceProviderProfileRecord, 'updatedAt' | 'latitude' | 'longitude'> & {
    latitude: number;
    longitude: number;
  };
}

const weekdays = [
  { days: 'Senin – Kamis', hours: '07.30 – 16.00 WIB' },
  { days: 'Jumat', hours: '07.30 – 16.30 WIB' },
];

/** Office coordinates (WGS84), read off the map at the office's address. */
const at = (latitude: number, longitude: number) => ({ latitude, longitude });

const profile = (
  address: string,
  office: { latitude: number; longitude: number },
  headName: string,
  headPosition: string,
  tasksAndFunctions: string,
  legalBasis: string[],
  contact: { phone?: string; email?: string; website?: string } = {},
  openingHours = weekdays,
): OrganizationSeed['profile'] => ({
  address,
  ...office,
  headName,
  headPosition,
  tasksAndFunctions,
  legalBasis,
  openingHours,
  phone: contact.phone ?? null,
  email: contact.email ?? null,
  website: contact.website ?? null,
});

const perdaSotk =
  'Peraturan Daerah Kota Jambi Nomor 13 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah';

/** A Pemda in the style of Kota Jambi with its main agencies, kecamatan and the lender PT SMI. */
export const ORGANIZATION_SEEDS: OrganizationSeed[] = [
  {
    code: 'SETDA',
    name: 'Sekretariat Daerah Kota Jambi',
    kind: 'SEKRETARIAT',
    parentCode: null,
    profile: profile(
      'Jl. Basuki Rahmat No. 1, Kota Baru, Kota Jambi 36129',
      at(-1.6256, 103.5975),
      'Drs. H. Ridwan, M.Si.',
      'Sekretaris Daerah',
      'Membantu Wali Kota dalam penyusunan kebijakan dan pengoordinasian administratif terhadap pelaksanaan tugas perangkat daerah serta pelayanan administratif.',
      [perdaSotk],
      { phone: '0741-40050', email: 'setda@jambikota.go.id', website: 'https://jambikota.go.id' },
    ),
  },
  {
    code: 'BPKAD',
    name: 'Badan Pengelolaan Keuangan dan Aset Daerah',
    kind: 'BADAN',
    parentCode: null,
    profile: profile(
      'Jl. Jend. Basuki Rahmat No. 1, Paal Lima, Kota Baru, Kota Jambi',
      at(-1.6263, 103.5983),
      'Hj. Nella Ervina, S.E., M.M.',
      'Kepala Badan',
      'Melaksanakan fungsi penunjang urusan pemerintahan bidang keuangan: penganggaran, perbendaharaan, akuntansi, pinjaman daerah dan pengelolaan barang milik daerah.',
      [perdaSotk, 'Peraturan Pemerintah Nomor 56 Tahun 2018 tentang Pinjaman Daerah'],
      { phone: '0741-40211', email: 'bpkad@jambikota.go.id' },
    ),
  },
  {
    code: 'DPUPR',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    kind: 'DINAS',
    parentCode: null,
    profile: profile(
      'Jl. H. Agus Salim No. 7, Kota Baru, Kota Jambi',
      at(-1.6307, 103.6036),
      'Ir. Ardi, M.T.',
      'Kepala Dinas',
      'Melaksanakan urusan pemerintahan bidang pekerjaan umum dan penataan ruang: jalan, jembatan, sumber daya air, drainase, bangunan gedung dan tata ruang.',
      [perdaSotk],
      { phone: '0741-60321', email: 'pupr@jambikota.go.id' },
    ),
  },
  {
    code: 'RSUD',
    name: 'RSUD H. Abdul Manap Kota Jambi',
    kind: 'RSUD',
    parentCode: 'DINKES',
    profile: profile(
      'Jl. Lingkar Selatan, Paal Merah, Kota Jambi',
      at(-1.6478, 103.6291),
      'dr. Rini Hayati, Sp.PD.',
      'Direktur',
      'Menyelenggarakan pelayanan kesehatan perorangan secara paripurna: rawat jalan, rawat inap dan gawat darurat.',
      [perdaSotk, 'Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan'],
      { phone: '0741-5911222', email: 'rsud@jambikota.go.id' },
      [
        { days: 'Instalasi Gawat Darurat', hours: '24 jam setiap hari' },
        { days: 'Poliklinik Senin – Jumat', hours: '08.00 – 14.00 WIB' },
      ],
    ),
  },
  {
    code: 'PDAM',
    name: 'Perumda Air Minum Tirta Mayang',
    kind: 'BUMD',
    parentCode: null,
    profile: profile(
      'Jl. Dr. Sumarno No. 1, Sipin, Kota Jambi',
      at(-1.6028, 103.6004),
      'Dr. Dwi Haryono, S.E., M.M.',
      'Direktur Utama',
      'Menyelenggarakan pelayanan air minum bagi masyarakat Kota Jambi.',
      ['Peraturan Daerah Kota Jambi tentang Perusahaan Umum Daerah Air Minum Tirta Mayang'],
      { phone: '0741-60155', email: 'info@tirtamayang.co.id' },
    ),
  },
  {
    code: 'DINKES',
    name: 'Dinas Kesehatan',
    kind: 'DINAS',
    parentCode: null,
    profile: profile(
      'Jl. Sultan Agung No. 3, Kota Jambi',
      at(-1.6021, 103.6143),
      'dr. Ida Yuliati, M.K.M.',
      'Kepala Dinas',
      'Melaksanakan urusan pemerintahan bidang kesehatan: upaya kesehatan masyarakat, pencegahan dan pengendalian penyakit, sumber daya kesehatan dan pembinaan puskesmas.',
      [perdaSotk],
      { phone: '0741-33520', email: 'dinkes@jambikota.go.id' },
    ),
  },
  {
    code: 'DISDUKCAPIL',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    kind: 'DINAS',
    parentCode: null,
    profile: profile(
      'Jl. Kapten A. Bakaruddin No. 1, Kota Baru, Kota Jambi',
      at(-1.6193, 103.5924),
      'Drs. Kemas Muhammad Fauzi',
      'Kepala Dinas',
      'Melaksanakan pelayanan pendaftaran penduduk dan pencatatan sipil: KTP-el, Kartu Keluarga, akta kelahiran dan kematian.',
      [perdaSotk, 'Undang-Undang Nomor 24 Tahun 2013 tentang Administrasi Kependudukan'],
      { phone: '0741-445566', email: 'disdukcapil@jambikota.go.id' },
    ),
  },
  {
    code: 'DPMPTSP',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    kind: 'DINAS',
    parentCode: null,
    profile: profile(
      'Jl. Jend. Basuki Rahmat, Kota Baru, Kota Jambi',
      at(-1.6247, 103.5991),
      'Hj. Sri Wahyuni, S.H., M.H.',
      'Kepala Dinas',
      'Melaksanakan pelayanan perizinan dan nonperizinan secara terpadu satu pintu serta promosi penanaman modal.',
      [perdaSotk],
      { phone: '0741-583930', email: 'dpmptsp@jambikota.go.id' },
    ),
  },
  {
    code: 'DISKOMINFO',
    name: 'Dinas Komunikasi dan Informatika',
    kind: 'DINAS',
    parentCode: null,
    profile: profile(
      'Jl. Jend. Basuki Rahmat No. 1, Kota Baru, Kota Jambi',
      at(-1.6259, 103.5968),
      'Abdullah Sani, S.Kom., M.M.',
      'Kepala Dinas',
      'Melaksanakan urusan komunikasi dan informatika, statistik dan persandian; pengelola SIPADU.',
      [
        perdaSotk,
        'Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik',
      ],
      { phone: '0741-7552100', email: 'diskominfo@jambikota.go.id' },
    ),
  },
  {
    code: 'INSPEKTORAT',
    name: 'Inspektorat Daerah',
    kind: 'INSPEKTORAT',
    parentCode: null,
    profile: profile(
      'Jl. Jend. Basuki Rahmat, Kota Baru, Kota Jambi',
      at(-1.6241, 103.5998),
      'Drs. H. Fahmi, M.M.',
      'Inspektur',
      'Membantu Wali Kota membina dan mengawasi pelaksanaan urusan pemerintahan oleh perangkat daerah, termasuk evaluasi pelayanan publik.',
      [perdaSotk],
      { phone: '0741-60500', email: 'inspektorat@jambikota.go.id' },
    ),
  },
  {
    code: 'KEC-KOTABARU',
    name: 'Kecamatan Kota Baru',
    kind: 'KECAMATAN',
    parentCode: 'SETDA',
    profile: profile(
      'Jl. Marsda Surya Darma, Kota Baru, Kota Jambi',
      at(-1.6334, 103.5893),
      'Ahmad Syukri, S.STP., M.Si.',
      'Camat',
      'Menyelenggarakan urusan pemerintahan umum dan pelayanan administrasi terpadu kecamatan (PATEN).',
      ['Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan'],
    ),
  },
  {
    code: 'KEC-TELANAIPURA',
    name: 'Kecamatan Telanaipura',
    kind: 'KECAMATAN',
    parentCode: 'SETDA',
    profile: profile(
      'Jl. Arif Rahman Hakim, Telanaipura, Kota Jambi',
      at(-1.6016, 103.5866),
      'Rahmad Hidayat, S.Sos.',
      'Camat',
      'Menyelenggarakan urusan pemerintahan umum dan pelayanan administrasi terpadu kecamatan (PATEN).',
      ['Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan'],
    ),
  },
  {
    code: 'KEC-JAMBISELATAN',
    name: 'Kecamatan Jambi Selatan',
    kind: 'KECAMATAN',
    parentCode: 'SETDA',
    profile: profile(
      'Jl. Lingkar Selatan, Jambi Selatan, Kota Jambi',
      at(-1.6418, 103.6196),
      'Yuliana, S.E., M.M.',
      'Camat',
      'Menyelenggarakan urusan pemerintahan umum dan pelayanan administrasi terpadu kecamatan (PATEN).',
      ['Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan'],
    ),
  },
  {
    code: 'PTSMI',
    name: 'PT Sarana Multi Infrastruktur (Persero)',
    kind: 'LENDER',
    parentCode: null,
    profile: profile(
      'Sahid Sudirman Center Lt. 47–48, Jl. Jend. Sudirman Kav. 86, Jakarta 10220',
      at(-6.2297, 106.8295),
      'Reynaldi Hermansjah',
      'Direktur Utama',
      'Sumber pinjaman daerah: pembiayaan infrastruktur pemerintah daerah.',
      ['Peraturan Pemerintah Nomor 56 Tahun 2018 tentang Pinjaman Daerah'],
      { phone: '021-80825288', email: 'corsec@ptsmi.co.id', website: 'https://www.ptsmi.co.id' },
    ),
  },
];

export const PUBLIC_OFFICER_SEEDS = [
  {
    organizationCode: 'DISDUKCAPIL',
    name: 'Siti Rahmawati, S.Kom.',
    position: 'Petugas Loket KTP-el',
    competence: 'Perekaman biometrik dan pencetakan KTP-el',
    published: true,
  },
  {
    organizationCode: 'DISDUKCAPIL',
    name: 'M. Iqbal Pratama',
    position: 'Petugas Akta Kelahiran',
    competence: 'Pencatatan sipil; pelayanan akta secara daring',
    published: true,
  },
  {
    organizationCode: 'DPMPTSP',
    name: 'Dewi Anggraini, S.H.',
    position: 'Front Office Perizinan',
    competence: 'Perizinan berusaha berbasis risiko (OSS RBA)',
    published: true,
  },
  {
    organizationCode: 'RSUD',
    name: 'Ns. Fitri Handayani, S.Kep.',
    position: 'Petugas Informasi dan Pengaduan',
    competence: 'Pelayanan informasi pasien dan penanganan pengaduan',
    published: true,
  },
  {
    organizationCode: 'DINKES',
    name: 'Rudi Hartono, S.K.M.',
    position: 'Petugas Pelayanan Perizinan Kesehatan',
    competence: 'Rekomendasi izin praktik tenaga kesehatan',
    published: false,
  },
];
