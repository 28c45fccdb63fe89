// Test data the platform and browser specs share.
import { getUserToken, graphqlRequest } from '@sipadu/test-kit';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A one-page A4 PDF showing `text`: a real document for uploads, seals and checksums. */
export async function pdfWithText(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText(text, {
    x: 50,
    y: 780,
    size: 14,
    font: await doc.embedFont(StandardFonts.Helvetica),
  });
  return doc.save();
}

/**
 * BPKAD asks DPUPR for a document that BPKAD, then PT SMI, review (the lender's checklist), due
 * at the end of 2026, in group "Termin 1". Returns the requirement id.
 */
export async function createLenderRequirement(
  gatewayUrl: string,
  subject: { type: string; id: string },
  title: string,
): Promise<string> {
  const created = await graphqlRequest<{ createRequirement: { id: string } }>(
    gatewayUrl,
    `mutation ($input: CreateRequirementInput!) { createRequirement(input: $input) { id } }`,
    {
      token: await getUserToken('bpkad'),
      variables: {
        input: {
          subject,
          title,
          group: 'Termin 1',
          dueDate: '2026-12-31',
          uploaderOrganizationCode: 'DPUPR',
          reviewerOrganizationCodes: ['BPKAD', 'PTSMI'],
        },
      },
    },
  );
  const id = created.data?.createRequirement.id;
  if (!id) throw new Error(`createRequirement gagal: ${JSON.stringify(created.errors)}`);
  return id;
}

/**
 * A sub-kegiatan code of the active Permendagri 90/2019 nomenclature under `prefix` (e.g.
 * '1.03.10', roads), preferring one whose name matches `prefer`.
 */
export async function findSubKegiatan(
  gatewayUrl: string,
  prefix: string,
  prefer?: RegExp,
): Promise<{ code: string; name: string }> {
  const response = await graphqlRequest<{ planningCodes: { code: string; name: string }[] }>(
    gatewayUrl,
    `query ($search: String) { planningCodes(level: SUB_KEGIATAN, search: $search, first: 200) { code name } }`,
    { token: await getUserToken('bpkad'), variables: { search: prefix } },
  );
  const codes = (response.data?.planningCodes ?? []).filter((c) => c.code.startsWith(`${prefix}.`));
  const found = (prefer && codes.find((c) => prefer.test(c.name))) || codes[0];
  if (!found) {
    throw new Error(`tidak ada sub kegiatan ${prefix}.*: ${JSON.stringify(response.errors)}`);
  }
  return found;
}

/**
 * A loan project proposal as BPKAD enters it: Dinas PUPR, financed by PT SMI, one location in
 * Kota Jambi. `overrides` replace top-level fields.
 */
export function loanProjectInput(
  planningCode: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    fiscalYear: 2026,
    name: 'Pelebaran Jalan Kapten Pattimura',
    description: 'Pelebaran jalan menjadi 4 lajur dengan median dan trotoar sepanjang 2,1 km.',
    borrowingReason: 'Kemacetan simpang Kapten Pattimura; APBD satu tahun tidak mencukupi.',
    organizationCode: 'DPUPR',
    lenderOrganizationCode: 'PTSMI',
    amount: 42_500_000_000,
    tenorMonths: 84,
    consultant: {
      name: 'PT Cipta Rekayasa Jambi',
      contractNumber: '602.1/033/KONS/DPUPR/2026',
      supervisor: 'Ir. Bambang Wijaya',
      contact: '+62 741 60001',
    },
    planningCodes: [planningCode],
    locations: [
      {
        latitude: -1.6187,
        longitude: 103.5921,
        address: 'Jl. Kapten Pattimura, Simpang Rimbo s.d. Simpang Kawat',
        administrativeArea: 'Kecamatan Kota Baru, Kota Jambi',
      },
    ],
    ...overrides,
  };
}
