// The four loan projects of the SIPOPI demo (Kota Jambi, financed by PT SMI): what BPKAD enters
// when it creates each proposal. Planning codes are picked from the seeded nomenclature at run
// time (`planningCode`), so the demo always cites codes that exist.

export interface DemoLocation {
  latitude: number;
  longitude: number;
  address: string;
  administrativeArea: string;
  outline?: { lng: number; lat: number }[];
}

export interface DemoProject {
  key: 'lingkar-barat' | 'drainase-telanaipura' | 'rawat-inap-rsud' | 'sultan-thaha';
  fiscalYear: number;
  name: string;
  description: string;
  borrowingReason: string;
  organizationCode: 'DPUPR' | 'RSUD';
  /** The executing agency's demo user. */
  uploader: 'pelaksana' | 'pelaksana-rsud';
  lenderOrganizationCode: 'PTSMI';
  amount: number;
  tenorMonths: number;
  consultant: { name: string; contractNumber: string; supervisor: string; contact: string };
  /** Which sub-kegiatan to cite: a code prefix of the nomenclature and the preferred name. */
  planningCode: { prefix: string; prefer: RegExp; keyword: string };
  locations: DemoLocation[];
}

/** Thin corridor around a road centre line (a polygon of {lng, lat}, closed). */
function corridor(points: [number, number][], halfWidth = 0.0004): { lng: number; lat: number }[] {
  const left = points.map(([lat, lng]) => ({ lng: lng - halfWidth, lat }));
  const right = points.map(([lat, lng]) => ({ lng: lng + halfWidth, lat })).reverse();
  return [...left, ...right, left[0]!];
}

export const DEMO_PROJECTS: readonly DemoProject[] = [
  {
    key: 'lingkar-barat',
    fiscalYear: 2025,
    name: 'Peningkatan Jalan Lingkar Barat',
    description:
      'Peningkatan struktur dan pelebaran Jalan Lingkar Barat Kota Jambi dari Simpang Rimbo sampai ' +
      'Simpang Mayang sepanjang 6,2 km menjadi 2 lajur 2 arah dengan perkerasan aspal beton (AC-WC), ' +
      'bahu jalan, saluran samping dan penerangan jalan umum.',
    borrowingReason:
      'Ruas lingkar barat menjadi jalur angkutan barang dari Kabupaten Muaro Jambi dan Batanghari; ' +
      'kerusakan berat memperlambat logistik dan kemampuan APBD tahun berjalan tidak mencukupi ' +
      'untuk penanganan sekaligus, sehingga dibiayai Pinjaman Daerah PT SMI dengan tenor 10 tahun.',
    organizationCode: 'DPUPR',
    uploader: 'pelaksana',
    lenderOrganizationCode: 'PTSMI',
    amount: 84_750_000_000,
    tenorMonths: 120,
    consultant: {
      name: 'PT Bina Karya Rekayasa Sumatera',
      contractNumber: '602.1/027/KONS-PJ/DPUPR/2025',
      supervisor: 'Ir. Hendra Saputra, M.T.',
      contact: '+62 741 7551234',
    },
    planningCode: {
      prefix: '1.03.10',
      prefer: /pelebaran jalan menuju standar/i,
      keyword: 'jalan',
    },
    locations: [
      {
        latitude: -1.63852,
        longitude: 103.56941,
        address: 'Jl. Lingkar Barat I, Simpang Rimbo (STA 0+000)',
        administrativeArea: 'Kelurahan Rawasari, Kecamatan Alam Barajo, Kota Jambi',
        outline: corridor([
          [-1.63852, 103.56941],
          [-1.62911, 103.57122],
          [-1.61987, 103.57318],
          [-1.61205, 103.57563],
          [-1.60512, 103.57841],
        ]),
      },
      {
        latitude: -1.60512,
        longitude: 103.57841,
        address: 'Jl. Lingkar Barat I, Simpang Mayang (STA 6+200)',
        administrativeArea: 'Kelurahan Mayang Mangurai, Kecamatan Alam Barajo, Kota Jambi',
      },
    ],
  },
  {
    key: 'drainase-telanaipura',
    fiscalYear: 2025,
    name: 'Pembangunan Drainase Primer Kawasan Telanaipura',
    description:
      'Pembangunan saluran drainase primer beton bertulang sepanjang 3,4 km dari Jl. Jenderal ' +
      'Sudirman ke outlet Sungai Batanghari beserta 2 pintu air dan rumah pompa untuk kawasan ' +
      'perkantoran dan permukiman Telanaipura.',
    borrowingReason:
      'Genangan berulang setiap musim hujan di kawasan Telanaipura mengganggu layanan ' +
      'pemerintahan dan permukiman; penanganan tuntas butuh biaya di atas kemampuan belanja modal ' +
      'APBD satu tahun.',
    organizationCode: 'DPUPR',
    uploader: 'pelaksana',
    lenderOrganizationCode: 'PTSMI',
    amount: 32_400_000_000,
    tenorMonths: 96,
    consultant: {
      name: 'CV Tirta Andalas Konsultan',
      contractNumber: '602.1/041/KONS-SDA/DPUPR/2025',
      supervisor: 'Rahmat Hidayat, S.T., M.Eng.',
      contact: '+62 812 7400 2211',
    },
    planningCode: {
      prefix: '1.03.06',
      prefer: /pembangunan sistem drainase/i,
      keyword: 'drainase',
    },
    locations: [
      {
        latitude: -1.59418,
        longitude: 103.57652,
        address: 'Jl. Jenderal Sudirman s.d. outlet Sungai Batanghari',
        administrativeArea: 'Kelurahan Telanaipura, Kecamatan Telanaipura, Kota Jambi',
      },
    ],
  },
  {
    key: 'rawat-inap-rsud',
    fiscalYear: 2026,
    name: 'Pembangunan Gedung Rawat Inap Kelas III RSUD H. Abdul Manap',
    description:
      'Pembangunan gedung rawat inap kelas III 5 lantai (120 tempat tidur) beserta selasar ' +
      'penghubung, instalasi gas medis dan lift pasien di kompleks RSUD H. Abdul Manap.',
    borrowingReason:
      'Tingkat hunian rawat inap kelas III di atas 90% dan antrean rujukan peserta JKN; ' +
      'pembangunan sekaligus dengan Pinjaman Daerah lebih cepat daripada bertahap dari APBD.',
    organizationCode: 'RSUD',
    uploader: 'pelaksana-rsud',
    lenderOrganizationCode: 'PTSMI',
    amount: 60_250_000_000,
    tenorMonths: 96,
    consultant: {
      name: 'PT Arsigraha Medika Konsultan',
      contractNumber: '027/015/KONS-RSUD/2026',
      supervisor: 'Ar. Dwi Lestari, S.T., IAI',
      contact: '+62 811 7420 3344',
    },
    planningCode: { prefix: '1.02.02', prefer: /pembangunan rumah sakit/i, keyword: 'rumah sakit' },
    locations: [
      {
        latitude: -1.63378,
        longitude: 103.58861,
        address: 'Jl. Kol. Pol. M. Taher No. 1, kompleks RSUD H. Abdul Manap',
        administrativeArea: 'Kelurahan Kenali Asam Bawah, Kecamatan Kota Baru, Kota Jambi',
      },
    ],
  },
  {
    key: 'sultan-thaha',
    fiscalYear: 2026,
    name: 'Rekonstruksi Jalan Sultan Thaha',
    description:
      'Rekonstruksi perkerasan kaku (rigid pavement) Jl. Sultan Thaha sepanjang 1,3 km di kawasan ' +
      'Pasar Jambi beserta trotoar ramah disabilitas dan saluran tepi jalan.',
    borrowingReason:
      'Jalan utama kawasan perdagangan Pasar Jambi rusak akibat beban kendaraan barang dan banjir ' +
      'rob; usulan masih disusun bersama BPKAD sebelum diajukan ke pemberi pinjaman.',
    organizationCode: 'DPUPR',
    uploader: 'pelaksana',
    lenderOrganizationCode: 'PTSMI',
    amount: 18_600_000_000,
    tenorMonths: 60,
    consultant: {
      name: 'CV Batanghari Cipta Perencana',
      contractNumber: '602.1/009/KONS-PJ/DPUPR/2026',
      supervisor: 'M. Fadli, S.T.',
      contact: '+62 852 6600 1188',
    },
    planningCode: { prefix: '1.03.10', prefer: /rekonstruksi jalan/i, keyword: 'jalan' },
    locations: [
      {
        latitude: -1.58874,
        longitude: 103.61382,
        address: 'Jl. Sultan Thaha, depan Pasar Angso Duo lama s.d. Tugu Juang',
        administrativeArea: 'Kelurahan Orang Kayo Hitam, Kecamatan Pasar Jambi, Kota Jambi',
      },
    ],
  },
];

/** What each requirement document of the PT SMI template says in the demo PDFs. */
export const REQUIREMENT_CONTENT: Record<string, string[]> = {
  'Berita Acara Mutual Check 0% (MC-0)': [
    'Berita Acara Pemeriksaan Bersama (Mutual Check 0%)',
    'Ditandatangani PPK, penyedia jasa dan konsultan pengawas.',
    'Lampiran: back up data kuantitas dan gambar kondisi awal.',
  ],
  'SPTJM Kepala Daerah': [
    'Surat Pernyataan Tanggung Jawab Mutlak Wali Kota Jambi',
    'atas penggunaan Pinjaman Daerah sesuai peruntukan.',
  ],
  'Rencana Penggunaan Uang Muka': [
    'Rincian rencana penggunaan uang muka oleh penyedia jasa:',
    'mobilisasi alat berat, material awal, direksi keet.',
  ],
  'Jaminan Uang Muka': [
    'Jaminan uang muka dari bank umum sebesar nilai uang muka,',
    'berlaku sampai dengan pelunasan uang muka.',
  ],
  'Kontrak Pekerjaan Konstruksi': [
    'Salinan kontrak antara PPK dan penyedia jasa konstruksi,',
    'beserta syarat-syarat umum dan khusus kontrak.',
  ],
};
