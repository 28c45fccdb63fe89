import type * as PdfMakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

// Server-side reports shared by the services: PDF through pdfmake 0.3 with the PDF standard font
// Helvetica (no font files, no I/O), and files handed to GraphQL clients as base64.

/** A generated file as the services' GraphQL export types carry it. */
export interface GeneratedFile {
  filename: string;
  contentType: string;
  base64: string;
  size: number;
}

export const PDF_CONTENT_TYPE = 'application/pdf';
export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function generatedFile(
  buffer: Buffer,
  filename: string,
  contentType: string,
): GeneratedFile {
  return { filename, contentType, base64: buffer.toString('base64'), size: buffer.length };
}

const STANDARD_FONTS = {
  Helvetica: {
    normal: 'Helvetica',
    bold: 'Helvetica-Bold',
    italics: 'Helvetica-Oblique',
    bolditalics: 'Helvetica-BoldOblique',
  },
};
const STANDARD_FONT_FILES = new Set(Object.values(STANDARD_FONTS.Helvetica));

type PdfMake = typeof PdfMakeModule;
let pdfmakeInstance: Promise<PdfMake> | undefined;

/** pdfmake's server instance (a CommonJS singleton), configured once: standard fonts, no I/O. */
function loadPdfmake(): Promise<PdfMake> {
  pdfmakeInstance ??= import('pdfmake').then((module) => {
    const loaded = module as PdfMake & { default?: PdfMake };
    const pdfmake = loaded.default ?? loaded;
    pdfmake.setFonts(STANDARD_FONTS);
    // Documents reference no URL or file: only the built-in font names are allowed.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => STANDARD_FONT_FILES.has(path));
    return pdfmake;
  });
  return pdfmakeInstance;
}

/** Renders a document definition (font `Helvetica`) to PDF bytes. */
export async function renderPdf(document: TDocumentDefinitions): Promise<Buffer> {
  const pdfmake = await loadPdfmake();
  return pdfmake.createPdf(document).getBuffer();
}

export { CHART_FONT, CHART_TEXT_COLOR, renderChartSvg } from './chart.js';
export {
  calendarMonthOf,
  isPeriodYear,
  MONTH_NAMES,
  MONTH_SHORT_NAMES,
  parsePeriodKey,
  PERIOD_MAX_YEAR,
  PERIOD_MIN_YEAR,
  periodContainingMonth,
  periodDays,
  periodKey,
  periodLabel,
  periodMonthRange,
  previousPeriodParts,
  type PeriodGranularity,
  type PeriodParts,
} from './periods.js';
