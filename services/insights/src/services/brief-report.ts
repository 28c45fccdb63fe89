import {
  CHART_FONT as FONT,
  CHART_TEXT_COLOR as TEXT,
  MONTH_SHORT_NAMES,
  renderChartSvg,
  renderPdf,
} from '@sipadu/reports';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ComplaintTrendPoint, LeaderDashboard } from '../generated/graphql.js';
import { MODULE_NAMES, type OwnerModule } from './owner-client.js';

// The leaders' one-page brief (ringkasan pimpinan): the dashboard of a period on one A4 page, to
// print or pass on. Every list is cut to a fixed length so the page never breaks.

/** Rows of each list; chosen so the page holds them all with long names. */
export const BRIEF_LIMITS = { ranking: 5, overdue: 8, alerts: 6 } as const;

const dash = '–';
const integer = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('id-ID', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const twoDecimals = new Intl.NumberFormat('id-ID', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const dayFormat = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
/** `2026-01-01` → `1 Januari 2026`. */
const day = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));

/** `125300000000` → `Rp125,3 miliar`; smaller sums in full. */
export function rupiahShort(amount: number): string {
  const scales: [number, string][] = [
    [1e12, 'triliun'],
    [1e9, 'miliar'],
    [1e6, 'juta'],
  ];
  for (const [scale, word] of scales) {
    if (Math.abs(amount) >= scale) return `Rp${oneDecimal.format(amount / scale)} ${word}`;
  }
  return `Rp${integer.format(amount)}`;
}

/** `2026-07` → `Jul 2026`. */
const monthShort = (month: string) =>
  `${MONTH_SHORT_NAMES[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** `ringkasan-pimpinan-2026-q3.pdf`. */
export const briefFilename = (dashboard: LeaderDashboard) =>
  `ringkasan-pimpinan-${slug(dashboard.period.key)}.pdf`;

function localDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** Complaints received and answered per month (grouped bars), answered on time as a line. */
export function complaintTrendChart(
  points: readonly ComplaintTrendPoint[],
  width = 515,
  height = 150,
): string {
  return renderChartSvg(
    {
      legend: { top: 0, textStyle: { fontFamily: FONT, fontSize: 9 } },
      grid: { left: 8, right: 8, top: 26, bottom: 4, containLabel: true },
      xAxis: {
        type: 'category',
        data: points.map((point) => monthShort(point.month)),
        axisLabel: { fontSize: 8, color: TEXT },
        axisTick: { show: false },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { fontSize: 8 },
        splitLine: { lineStyle: { color: '#e5e5e5' } },
      },
      series: [
        {
          name: 'Diterima',
          type: 'bar',
          barMaxWidth: 14,
          itemStyle: { color: '#1c7ed6' },
          data: points.map((point) => point.received),
        },
        {
          name: 'Dijawab',
          type: 'bar',
          barMaxWidth: 14,
          itemStyle: { color: '#2f9e44' },
          data: points.map((point) => point.answered),
        },
        {
          name: 'Dijawab tepat waktu',
          type: 'line',
          symbolSize: 4,
          itemStyle: { color: '#e8590c' },
          data: points.map((point) => point.answeredOnTime),
        },
      ],
    },
    { width, height },
  );
}

const STYLES: TDocumentDefinitions['styles'] = {
  system: { fontSize: 8, color: '#555555' },
  title: { fontSize: 14, bold: true, margin: [0, 2, 0, 2] },
  subtitle: { fontSize: 8, color: '#555555' },
  section: { fontSize: 10, bold: true, margin: [0, 8, 0, 4] },
  figure: { fontSize: 13, bold: true },
  figureLabel: { fontSize: 7.5, color: '#555555' },
  tableHeader: { bold: true, fillColor: '#e8eef5' },
  muted: { color: '#555555', italics: true },
  warning: { color: '#c92a2a' },
};

const header = (labels: string[]): TableCell[] =>
  labels.map((text) => ({ text, style: 'tableHeader' }));
const right = (text: string): TableCell => ({ text, alignment: 'right' });
const empty = (text: string): Content => ({ text, style: 'muted', fontSize: 8 });

function figures(dashboard: LeaderDashboard, projectsUnknown: boolean): Content {
  const { portfolio } = dashboard;
  const value = (text: string) => (projectsUnknown ? dash : text);
  const box = (label: string, text: string): Content => ({
    stack: [
      { text, style: 'figure' },
      { text: label, style: 'figureLabel' },
    ],
  });
  return {
    columns: [
      box('Proyek pinjaman', value(integer.format(portfolio.projects))),
      box('Nilai pinjaman', value(rupiahShort(portfolio.totalAmount))),
      box('Sudah dicairkan', value(rupiahShort(portfolio.disbursedAmount))),
      box('Di bawah rencana fisik', value(integer.format(portfolio.behindPlan))),
    ],
    columnGap: 10,
  };
}

function rankingTable(dashboard: LeaderDashboard, best: boolean): Content {
  const scored = dashboard.ranking.filter((item) => item.score != null);
  const rows = best
    ? scored.slice(0, BRIEF_LIMITS.ranking)
    : scored.slice(-BRIEF_LIMITS.ranking).reverse();
  if (rows.length === 0) return empty('Belum ada organisasi yang bernilai pada periode ini.');
  return {
    table: {
      headerRows: 1,
      widths: [14, '*', 34, 22],
      body: [
        header(['#', 'Organisasi', 'Nilai', 'Pred.']),
        ...rows.map((item): TableCell[] => [
          item.rank == null ? dash : String(item.rank),
          clip(item.organizationName, 44),
          right(item.score == null ? dash : twoDecimals.format(item.score)),
          item.grade ?? dash,
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8,
  };
}

function overdueTable(dashboard: LeaderDashboard): Content {
  const rows = dashboard.overdueByOrganization.slice(0, BRIEF_LIMITS.overdue);
  if (rows.length === 0) return empty('Tidak ada kasus yang melewati waktu layanan.');
  const more = dashboard.overdueByOrganization.length - rows.length;
  return {
    stack: [
      {
        table: {
          headerRows: 1,
          widths: ['*', 36],
          body: [
            header(['Organisasi', 'Kasus']),
            ...rows.map((row): TableCell[] => [
              clip(row.organizationName, 46),
              right(integer.format(row.count)),
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 8,
      },
      ...(more > 0
        ? [{ text: `dan ${integer.format(more)} organisasi lain`, style: 'muted', fontSize: 7 }]
        : []),
    ] as Content[],
  };
}

function alertList(dashboard: LeaderDashboard): Content {
  const rows = dashboard.alerts.slice(0, BRIEF_LIMITS.alerts);
  if (rows.length === 0) return empty('Tidak ada peringatan terbuka.');
  const more = dashboard.alerts.length - rows.length;
  return {
    stack: [
      ...rows.map((alert): Content => ({
        text: [
          { text: `[${alert.severity}] `, bold: true, style: 'warning' },
          { text: clip(alert.title, 90) },
        ],
        fontSize: 8,
        margin: [0, 0, 0, 2],
      })),
      ...(more > 0
        ? [{ text: `dan ${integer.format(more)} peringatan lain`, style: 'muted', fontSize: 7 }]
        : []),
    ],
  };
}

/** The brief as an A4 portrait document of one page. */
export function briefDocument(
  dashboard: LeaderDashboard,
  pemdaName: string,
  timeZone: string,
): TDocumentDefinitions {
  const title = `Ringkasan Pimpinan — ${pemdaName} — ${dashboard.period.label}`;
  const unavailable = dashboard.unavailable.map(
    (module) => MODULE_NAMES[module as OwnerModule] ?? module,
  );
  const margin = 36;
  const trend = dashboard.complaintTrend;
  return {
    pageSize: 'A4',
    pageMargins: [margin, margin, margin, 40],
    info: { title, creator: 'SIPADU' },
    defaultStyle: { font: 'Helvetica', fontSize: 9 },
    styles: STYLES,
    footer: (): Content => ({
      text:
        'Angka dibaca langsung dari modul pemiliknya (SIPOPI, SIPUTRI, pengaduan masyarakat, ' +
        'SI-KIMR) saat ringkasan disusun. Nilai kinerja menurut metode penilaian yang berlaku.',
      fontSize: 6.5,
      color: '#555555',
      margin: [margin, 12, margin, 0],
    }),
    content: [
      { text: 'Sistem Informasi Pemerintahan Daerah Terpadu (SIPADU)', style: 'system' },
      { text: title, style: 'title' },
      {
        text: `Periode ${day(dashboard.period.from)} s.d. ${day(dashboard.period.to)} · disusun ${localDateTime(new Date(dashboard.generatedAt), timeZone)}`,
        style: 'subtitle',
      },
      ...(unavailable.length > 0
        ? [
            {
              text: `Modul tidak menjawab saat ringkasan disusun (angkanya kosong, bukan nol): ${unavailable.join(', ')}.`,
              style: 'warning',
              fontSize: 8,
              margin: [0, 4, 0, 0],
            } as Content,
          ]
        : []),
      {
        canvas: [{ type: 'line', x1: 0, y1: 4, x2: 523, y2: 4, lineWidth: 0.8 }],
        margin: [0, 2, 0, 4],
      },
      { text: 'Portofolio Pinjaman Daerah', style: 'section' },
      figures(dashboard, dashboard.unavailable.includes('projects')),
      {
        columns: [
          {
            stack: [
              { text: 'Nilai Kinerja Tertinggi', style: 'section' },
              rankingTable(dashboard, true),
            ],
          },
          {
            stack: [
              { text: 'Nilai Kinerja Terendah', style: 'section' },
              rankingTable(dashboard, false),
            ],
          },
        ],
        columnGap: 14,
      },
      { text: 'Pengaduan Masyarakat per Bulan', style: 'section' },
      trend.length > 0
        ? { svg: complaintTrendChart(trend), width: 523 }
        : empty('Data pengaduan tidak tersedia.'),
      {
        columns: [
          {
            stack: [
              { text: 'Kasus Melewati Waktu Layanan', style: 'section' },
              overdueTable(dashboard),
            ],
          },
          {
            stack: [{ text: 'Peringatan Terbuka', style: 'section' }, alertList(dashboard)],
          },
        ],
        columnGap: 14,
      },
    ],
  };
}

/** The brief as PDF bytes. */
export function briefPdf(
  dashboard: LeaderDashboard,
  pemdaName: string,
  timeZone: string,
): Promise<Buffer> {
  return renderPdf(briefDocument(dashboard, pemdaName, timeZone));
}
