// Seed of the planning-code reference data: a SUBSET of the real nomenclature and chart of accounts.
//
// Source: Permendagri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodefikasi, dan Nomenklatur
// Perencanaan Pembangunan dan Keuangan Daerah (Lampiran), as updated by Kepmendagri Nomor 050-5889
// Tahun 2021 (Hasil Verifikasi, Validasi dan Inventarisasi Pemutakhiran Klasifikasi, Kodefikasi dan
// Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah), kabupaten/kota level (L = 2).
// Transcribed for SIPADU; it is NOT the full attachment, only the branches SIPOPI's story needs:
//   - kepmendagri-050-5889-2021 (active): urusan 1; bidang 1.02 Kesehatan (programs 1.02.01 and
//     1.02.02, kegiatan 1.02.02.2.01 with its sub kegiatan 0001–0020); bidang 1.03 PUPR (1.03.01
//     penunjang, 1.03.02 SDA, 1.03.03 SPAM, 1.03.06 drainase, 1.03.10 jalan); 4-digit sub kegiatan
//     suffixes as in the 2021 update. Accounts: 5.1.02 / 5.2.03 / 5.2.04 belanja, and the
//     financing accounts for loan receipts (6.1.04 Penerimaan Pinjaman Daerah, by lender type,
//     PT SMI being a Lembaga Keuangan Bukan Bank) and repayments (6.2.03 Pembayaran Cicilan Pokok
//     Utang yang Jatuh Tempo).
//   - permendagri-90-2019 (inactive): a few branches of the original 2019 attachment with its
//     2-digit sub kegiatan suffixes (e.g. 1.03.03.2.01.01), to keep both widths in the data.
// Caveats: ordinal numbers of the sub kegiatan of 1.03.03, 1.03.06 and 1.03.10 and the rincian /
// sub rincian objek under 6.1.04 and 6.2.03 (named like their objek) are transcribed to the best
// of our knowledge and must be checked against the official attachment before the data is used
// for budgeting; a Pemda imports the full attachment (CSV/XLSX) through `importPlanningCodes`.
//
// The files load through the same import path as a user's file, so the seed is validated too: a
// rejected row fails the seed.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportActorRecord } from '../planning-code-import.model.js';
import type { PlanningCodeKind } from '../planning-code.parser.js';
import type { PlanningCodeService } from '../planning-code.service.js';

export interface SeedFile {
  kind: PlanningCodeKind;
  file: string;
}

export interface SeedVersion {
  id: string;
  name: string;
  legalBasis: string;
  files: SeedFile[];
}

/** Loaded in this order: the first version created becomes the active one. */
export const PLANNING_CODE_SEED: readonly SeedVersion[] = [
  {
    id: 'kepmendagri-050-5889-2021',
    name: 'Kepmendagri 050-5889 Tahun 2021 (pemutakhiran nomenklatur Permendagri 90/2019)',
    legalBasis:
      'Permendagri Nomor 90 Tahun 2019 sebagaimana dimutakhirkan dengan Kepmendagri Nomor 050-5889 Tahun 2021',
    files: [
      { kind: 'NOMENCLATURE', file: 'kepmendagri-050-5889-2021.nomenklatur.csv' },
      { kind: 'ACCOUNT', file: 'kepmendagri-050-5889-2021.rekening.csv' },
    ],
  },
  {
    id: 'permendagri-90-2019',
    name: 'Permendagri 90 Tahun 2019 (lampiran awal)',
    legalBasis: 'Permendagri Nomor 90 Tahun 2019',
    files: [{ kind: 'NOMENCLATURE', file: 'permendagri-90-2019.nomenklatur.csv' }],
  },
];

export const SEED_ACTOR: ImportActorRecord = {
  id: 'system',
  name: 'SIPADU (data awal)',
  organizationCode: null,
};

/**
 * Where the CSV files are: next to this module when run from source; from a bundle in `dist/`,
 * the service's `src/planning/seed` (the image must ship that folder next to `dist/`).
 */
export function seedDirectory(): string {
  const candidates = [
    import.meta.dirname,
    path.resolve(import.meta.dirname, '../src/planning/seed'),
  ];
  const found = candidates.find((dir) =>
    existsSync(path.join(dir, PLANNING_CODE_SEED[0]!.files[0]!.file)),
  );
  if (!found) {
    throw new Error(`Planning-code seed files not found (looked in ${candidates.join(', ')}).`);
  }
  return found;
}

/** Imports every seed file; returns the number of codes loaded. */
export async function loadPlanningCodeSeed(service: PlanningCodeService): Promise<number> {
  const dir = seedDirectory();
  let loaded = 0;
  for (const version of PLANNING_CODE_SEED) {
    for (const { kind, file } of version.files) {
      const report = await service.importAs(SEED_ACTOR, {
        versionId: version.id,
        versionName: version.name,
        legalBasis: version.legalBasis,
        kind,
        format: 'CSV',
        filename: file,
        contentBase64: readFileSync(path.join(dir, file)).toString('base64'),
        dryRun: false,
      });
      if (report.rejected > 0) {
        const first = report.rejections
          .slice(0, 5)
          .map((rejection) => rejection.message)
          .join('; ');
        throw new Error(`Planning-code seed ${file}: ${report.rejected} rows rejected (${first}).`);
      }
      loaded += report.accepted;
    }
  }
  return loaded;
}
