import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  type PDFString,
  decodePDFRawStream,
  degrees,
  type PDFPage,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { formatJakartaTime, stampPdf, type SealStamp } from './pdf-stamp.js';

const stamp: SealStamp = {
  code: 'ABCD-EFGH-JKMN',
  verificationUrl: 'https://sipadu.example.go.id/verifikasi/ABCD-EFGH-JKMN',
  signerName: 'Dra. Siti Ñurhaliza, M.Si. 王',
  signerPosition: 'Kepala Badan Pengelolaan Keuangan dan Aset Daerah Kabupaten',
  organization: 'BPKAD',
  signedAt: new Date('2025-05-12T07:03:09Z'),
  sha256: createHash('sha256').update('asli').digest('hex'),
};

async function makePdf(pages: { size?: [number, number]; rotate?: number }[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const [index, spec] of pages.entries()) {
    const page = doc.addPage(spec.size ?? [595.28, 841.89]);
    page.drawText(`Halaman ${index + 1}`, { x: 40, y: page.getHeight() - 60, size: 18 });
    if (spec.rotate) page.setRotation(degrees(spec.rotate));
  }
  return doc.save();
}

/** Decoded content streams of a page, as latin1 text (pdf-lib writes standard-font text as hex). */
function contentText(page: PDFPage): string {
  const contents = page.node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  return refs
    .map((ref) => page.doc.context.lookup(ref))
    .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
    .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'))
    .join('\n');
}

const hexOf = (text: string) => Buffer.from(text, 'latin1').toString('hex').toUpperCase();

function imageCount(page: PDFPage): number {
  const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  return (xObjects?.values() ?? []).filter((ref) => {
    const object = page.doc.context.lookup(ref);
    return (
      object instanceof PDFRawStream &&
      object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')
    );
  }).length;
}

function linkRects(page: PDFPage): { uri: string; rect: number[] }[] {
  return (page.node.Annots()?.asArray() ?? []).map((ref) => {
    const annot = page.doc.context.lookup(ref, PDFDict);
    const action = annot.lookup(PDFName.of('A'), PDFDict);
    return {
      uri: (action.lookup(PDFName.of('URI')) as PDFString).decodeText(),
      rect: annot
        .lookup(PDFName.of('Rect'), PDFArray)
        .asArray()
        .map((n) => Number(n.toString())),
    };
  });
}

describe('stampPdf', () => {
  it('stamps the last page with the seal text and a QR code, keeping the page count', async () => {
    const original = await makePdf([{}, {}]);
    const stamped = await stampPdf(original, stamp);

    expect(Buffer.from(stamped).equals(Buffer.from(original))).toBe(false);
    const reloaded = await PDFDocument.load(stamped);
    expect(reloaded.getPageCount()).toBe(2);
    const [first, last] = reloaded.getPages() as [PDFPage, PDFPage];
    expect(imageCount(first)).toBe(0);
    expect(imageCount(last)).toBe(1);

    const text = contentText(last);
    for (const line of [
      'Ditandatangani secara elektronik',
      `Kode verifikasi: ${stamp.code}`,
      formatJakartaTime(stamp.signedAt),
      `SHA-256: ${stamp.sha256.slice(0, 16)}`,
      'Pindai untuk verifikasi:',
      'BPKAD',
    ]) {
      expect(text, line).toContain(hexOf(line));
    }
    // Accents survive as their base letters; characters outside WinAnsi become '?'.
    expect(text).toContain(hexOf('Dra. Siti Ñurhaliza, M.Si. ?'));
    expect(formatJakartaTime(stamp.signedAt)).toBe('12 Mei 2025 pukul 14.03.09 WIB');

    const [link] = linkRects(last);
    expect(link?.uri).toBe(stamp.verificationUrl);
    // Bottom right of an upright A4 page.
    expect(link!.rect[0]).toBeGreaterThan(595.28 / 2);
    expect(link!.rect[3]).toBeLessThan(841.89 / 4);
  });

  it('places the block at the bottom right as the reader sees a rotated page', async () => {
    const stamped = await stampPdf(await makePdf([{ rotate: 90 }]), stamp);
    const page = (await PDFDocument.load(stamped)).getPage(0);
    const { width, height } = page.getSize();
    const [x1, y1, x2, y2] = linkRects(page)[0]!.rect as [number, number, number, number];
    // Rotated 90° clockwise, the reader's bottom right is the top right of PDF space.
    expect(x1).toBeGreaterThan(width - 150);
    expect(x2).toBeLessThanOrEqual(width);
    expect(y1).toBeGreaterThan(height / 2);
    expect(y2).toBeLessThanOrEqual(height);
  });

  it('adds a final page when the last one is too small for the block', async () => {
    const stamped = await stampPdf(await makePdf([{}, { size: [200, 120] }]), stamp);
    const reloaded = await PDFDocument.load(stamped);
    expect(reloaded.getPageCount()).toBe(3);
    expect(imageCount(reloaded.getPage(1))).toBe(0);
    expect(imageCount(reloaded.getPage(2))).toBe(1);
  });

  it('refuses an encrypted PDF with a typed Indonesian error', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: 'Standard', V: 2, R: 3 });
    await expect(stampPdf(await doc.save(), stamp)).rejects.toMatchObject({
      message: expect.stringContaining('terenkripsi'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('refuses bytes that are not a PDF', async () => {
    await expect(stampPdf(new TextEncoder().encode('bukan pdf'), stamp)).rejects.toMatchObject({
      message: expect.stringContaining('bukan PDF'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
