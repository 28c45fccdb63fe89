import 'server-only';
import QRCode from 'qrcode';

/** Light modules around the symbol, as the QR specification asks (4 modules). */
const QUIET_ZONE = 4;

export interface QrDrawing {
  /** Width and height of the drawing in modules, quiet zone included (the SVG viewBox). */
  size: number;
  /** One SVG path of every dark module (runs on a row merged into one rectangle). */
  path: string;
}

/**
 * A QR code as one SVG path, drawn on the server: no image request, no client script, sharp at
 * any print size. Error correction level M tolerates a scuffed or partly covered counter poster.
 */
export function qrDrawing(text: string): QrDrawing {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const parts: string[] = [];
  for (let row = 0; row < count; row += 1) {
    let column = 0;
    while (column < count) {
      if (!modules.get(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < count && modules.get(row, column)) column += 1;
      const length = column - start;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${length}v1h-${length}z`);
    }
  }
  return { size: count + 2 * QUIET_ZONE, path: parts.join('') };
}
