import { badInput } from '@sipadu/service-kit';
import {
  PDFDocument,
  PDFString,
  PageSizes,
  StandardFonts,
  concatTransformationMatrix,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import QRCode from 'qrcode';

export interface SealStamp {
  code: string;
  verificationUrl: string;
  signerName: string;
  signerPosition: string | null;
  organization: string | null;
  signedAt: Date;
  sha256: string;
}

// The block, in points, drawn upright as the reader sees the page.
const BOX_WIDTH = 260;
const BOX_HEIGHT = 96;
const MARGIN = 24;
const PADDING = 6;
const QR_SIZE = BOX_HEIGHT - 2 * PADDING;
const TEXT_X = PADDING + QR_SIZE + PADDING;
const TEXT_WIDTH = BOX_WIDTH - TEXT_X - PADDING;
const INK = rgb(0.1, 0.1, 0.1);
const FRAME = rgb(0.12, 0.23, 0.45);

const jakartaTime = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function formatJakartaTime(date: Date): string {
  return `${jakartaTime.format(date)} WIB`;
}

/**
 * Returns a copy of `pdf` with a visible seal block (text + QR code to the verification page) at
 * the bottom right of its last page, or on a new last page when that page is too small for it.
 * pdf-lib parses and rewrites the whole document in memory; that is acceptable for documents
 * (the `document` purpose is limited to 50 MB) but must not be used on arbitrary large files.
 * The copy is a new file with its own SHA-256; the original stays the signed version. Because
 * the document is rewritten (not incrementally updated), digital signatures embedded in the
 * original PDF do not survive in the copy; the original keeps them.
 */
export async function stampPdf(pdf: Uint8Array, stamp: SealStamp): Promise<Uint8Array> {
  const doc = await loadPdf(pdf);
  const pages = doc.getPages();
  let page = pages.at(-1);
  if (!page) throw badInput('PDF tidak memiliki halaman sehingga tidak dapat dicap.');
  let view = pageView(page);
  if (view.width < BOX_WIDTH + 2 * MARGIN || view.height < BOX_HEIGHT + 2 * MARGIN) {
    page = doc.addPage(PageSizes.A4);
    view = pageView(page);
  }

  const [regular, bold, qrPng] = await Promise.all([
    doc.embedFont(StandardFonts.Helvetica),
    doc.embedFont(StandardFonts.HelveticaBold),
    QRCode.toBuffer(stamp.verificationUrl, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 1,
      width: 360,
    }),
  ]);
  const qr = await doc.embedPng(qrPng);

  const left = view.width - MARGIN - BOX_WIDTH;
  const bottom = MARGIN;
  // Draw in the reader's upright coordinates whatever the page's /Rotate and crop box.
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...view.matrix));
  page.drawRectangle({
    x: left,
    y: bottom,
    width: BOX_WIDTH,
    height: BOX_HEIGHT,
    color: rgb(1, 1, 1),
    opacity: 0.92,
    borderColor: FRAME,
    borderWidth: 0.8,
  });
  page.drawImage(qr, { x: left + PADDING, y: bottom + PADDING, width: QR_SIZE, height: QR_SIZE });

  const lines: { text: string; font: PDFFont; size: number; color?: typeof FRAME }[] = [
    { text: 'Ditandatangani secara elektronik', font: bold, size: 7.5, color: FRAME },
    { text: stamp.signerName, font: bold, size: 7.5 },
    ...(stamp.signerPosition ? [{ text: stamp.signerPosition, font: regular, size: 6.5 }] : []),
    ...(stamp.organization ? [{ text: stamp.organization, font: regular, size: 6.5 }] : []),
    { text: formatJakartaTime(stamp.signedAt), font: regular, size: 6.5 },
    {
      text: `SHA-256: ${stamp.sha256.slice(0, 16)}…${stamp.sha256.slice(-8)}`,
      font: regular,
      size: 6.5,
    },
    { text: `Kode verifikasi: ${stamp.code}`, font: bold, size: 6.5 },
    ...wrap(
      encodable(`Pindai untuk verifikasi: ${stamp.verificationUrl}`, regular),
      regular,
      5.5,
      TEXT_WIDTH,
      2,
    ).map((text) => ({ text, font: regular, size: 5.5 })),
  ];
  let y = bottom + BOX_HEIGHT - PADDING;
  for (const line of lines) {
    y -= line.size + 2.2;
    page.drawText(fit(encodable(line.text, line.font), line.font, line.size, TEXT_WIDTH), {
      x: left + TEXT_X,
      y,
      font: line.font,
      size: line.size,
      color: line.color ?? INK,
    });
  }
  page.pushOperators(popGraphicsState());

  // The QR code is also a link, for readers who open the PDF on screen.
  const corners = [
    [left + PADDING, bottom + PADDING],
    [left + PADDING + QR_SIZE, bottom + PADDING + QR_SIZE],
  ].map(([u, v]) => apply(view.matrix, u!, v!));
  const link = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [
        Math.min(corners[0]![0], corners[1]![0]),
        Math.min(corners[0]![1], corners[1]![1]),
        Math.max(corners[0]![0], corners[1]![0]),
        Math.max(corners[0]![1], corners[1]![1]),
      ],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(stamp.verificationUrl) },
    }),
  );
  page.node.addAnnot(link);

  doc.setModificationDate(stamp.signedAt);
  return doc.save();
}

async function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    // Keep the original's producer and dates; only the modification date changes below.
    // Encryption is checked on the loaded document: pdf-lib's own error class is not
    // recognisable with instanceof (compiled to ES5).
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    throw badInput('Berkas bukan PDF yang dapat dibaca sehingga tidak dapat dicap.');
  }
  if (doc.isEncrypted) {
    throw badInput(
      'PDF terenkripsi atau dilindungi kata sandi tidak dapat dicap. Unggah PDF tanpa enkripsi.',
    );
  }
  return doc;
}

type Matrix = [number, number, number, number, number, number];

/** The page as the reader sees it: upright size, and the matrix from upright to PDF space. */
function pageView(page: PDFPage): { width: number; height: number; matrix: Matrix } {
  const { x, y, width: w, height: h } = page.getCropBox();
  const angle = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  switch (angle) {
    case 90:
      return { width: h, height: w, matrix: [0, 1, -1, 0, x + w, y] };
    case 180:
      return { width: w, height: h, matrix: [-1, 0, 0, -1, x + w, y + h] };
    case 270:
      return { width: h, height: w, matrix: [0, -1, 1, 0, x, y + h] };
    default:
      return { width: w, height: h, matrix: [1, 0, 0, 1, x, y] };
  }
}

function apply([a, b, c, d, e, f]: Matrix, u: number, v: number): [number, number] {
  return [a * u + c * v + e, b * u + d * v + f];
}

const characterSets = new WeakMap<PDFFont, Set<number>>();

/** The standard fonts speak WinAnsi only: keep what they can draw, strip accents, '?' for the rest. */
function encodable(text: string, font: PDFFont): string {
  let set = characterSets.get(font);
  if (!set) characterSets.set(font, (set = new Set(font.getCharacterSet())));
  const known = set;
  return Array.from(text, (char) => {
    if (known.has(char.codePointAt(0)!)) return char;
    const bare = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    return Array.from(bare).every((c) => known.has(c.codePointAt(0)!)) && bare ? bare : '?';
  }).join('');
}

function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Breaks `text` into at most `max` lines, inside a word only when it must (long URLs). */
function wrap(text: string, font: PDFFont, size: number, width: number, max: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest && lines.length < max) {
    let end = rest.length;
    while (end > 1 && font.widthOfTextAtSize(rest.slice(0, end), size) > width) end -= 1;
    // Prefer breaking after a space or slash, so the verification code stays on one line.
    const soft = Math.max(rest.lastIndexOf(' ', end - 1), rest.lastIndexOf('/', end - 1)) + 1;
    if (end < rest.length && soft > end / 2) end = soft;
    lines.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  // Whatever does not fit is cut by `fit` with an ellipsis on the last line.
  if (rest) lines[lines.length - 1] += rest;
  return lines;
}
