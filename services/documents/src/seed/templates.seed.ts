import type { TemplateInput } from '../services/template.service.js';

/**
 * Standard requirement lists. The PT SMI list follows the SIPOPI seed (B.1.1: "Dokumen MC 0,
 * SPTJM kepala Daerah, rencana penggunaan uang muka") and SIPOPI step 5–6: BPKAD checks first
 * and forwards to the lender, who approves.
 */
export const TEMPLATE_SEEDS: { owner: string; template: TemplateInput }[] = [
  {
    owner: 'PTSMI',
    template: {
      code: 'PTSMI-PENCAIRAN-UANG-MUKA',
      name: 'PT SMI — syarat pencairan uang muka',
      description:
        'Dokumen yang diminta PT Sarana Multi Infrastruktur sebelum mencairkan uang muka pinjaman daerah.',
      reviewerOrganizationCodes: ['BPKAD', 'PTSMI'],
      items: [
        {
          title: 'Berita Acara Mutual Check 0% (MC-0)',
          description: 'MC-0 yang ditandatangani pelaksana, konsultan pengawas dan PPK.',
          group: 'Pencairan uang muka',
        },
        {
          title: 'SPTJM Kepala Daerah',
          description:
            'Surat Pernyataan Tanggung Jawab Mutlak Kepala Daerah atas penggunaan pinjaman.',
          group: 'Pencairan uang muka',
        },
        {
          title: 'Rencana Penggunaan Uang Muka',
          description: 'Rincian rencana penggunaan uang muka oleh penyedia jasa.',
          group: 'Pencairan uang muka',
        },
        {
          title: 'Jaminan Uang Muka',
          description: 'Jaminan uang muka dari bank atau perusahaan asuransi penyedia jasa.',
          group: 'Pencairan uang muka',
        },
        {
          title: 'Kontrak Pekerjaan Konstruksi',
          description: 'Salinan kontrak antara PPK dan penyedia jasa konstruksi beserta addendum.',
          group: 'Pencairan uang muka',
        },
      ],
    },
  },
  {
    owner: 'PTSMI',
    template: {
      code: 'PTSMI-PENCAIRAN-TERMIN',
      name: 'PT SMI — syarat pencairan termin',
      description: 'Dokumen setiap termin pencairan berdasarkan kemajuan fisik pekerjaan.',
      reviewerOrganizationCodes: ['BPKAD', 'PTSMI'],
      items: [
        {
          title: 'Berita Acara Kemajuan Pekerjaan (Monthly Certificate)',
          description: 'MC sesuai progres fisik termin ini.',
          group: null,
        },
        {
          title: 'Laporan Konsultan Pengawas',
          description: 'Laporan bulanan konsultan pengawas beserta foto dokumentasi 0-50-100%.',
          group: null,
        },
        {
          title: 'Surat Permohonan Pencairan dari Kepala Daerah',
          description: null,
          group: null,
        },
        {
          title: 'Kuitansi dan Faktur Pajak',
          description: null,
          group: null,
        },
      ],
    },
  },
];
