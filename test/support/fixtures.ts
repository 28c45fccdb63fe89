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
