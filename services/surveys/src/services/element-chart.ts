import { CHART_FONT as FONT, CHART_TEXT_COLOR as TEXT, renderChartSvg } from '@sipadu/reports';
import type { EChartsOption } from 'echarts';
import { gradeOf, round2 } from './satisfaction-index.js';

/**
 * Charts of the printed SKM reports, rendered on the server by ECharts to an SVG string (no DOM,
 * no canvas) that pdfmake draws as vector graphics. Bars take the colour of the grade band their
 * value falls in (PermenPANRB 14/2017: converted value = NRR × 25).
 */

export interface ElementBar {
  /** U1..U9. */
  code: string;
  name: string;
  /** NRR on the 1–4 scale; null without answers (no bar). */
  nrr: number | null;
}

export interface OrganizationBar {
  name: string;
  /** Converted IKM (25–100); null without respondents (no bar). */
  ikmConverted: number | null;
}

export interface ChartSize {
  width?: number;
  height?: number;
}

/** Fill of each grade band (A, B, C, D): the colours the bars are drawn in. */
export const GRADE_COLORS = {
  A: '#2f9e44',
  B: '#1c7ed6',
  C: '#f08c00',
  D: '#e03131',
} as const;

/** Colour of a converted value (25–100) by the grade intervals of DOMAIN.md §5. */
export const gradeColor = (converted: number): string => GRADE_COLORS[gradeOf(converted).grade];

const decimal = new Intl.NumberFormat('id-ID', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
/** `3.256` → `3,26` (half up on the decimal value, as the index rounds). */
export const formatDecimal = (value: number) => decimal.format(round2(value));

const render = (option: EChartsOption, width: number, height: number) =>
  renderChartSvg(option, { width, height });

/** Value labels at the end of each bar, to 2 decimals. */
const valueLabel = {
  show: true,
  position: 'right' as const,
  color: TEXT,
  fontSize: 11,
  fontFamily: FONT,
  formatter: (params: { value: unknown }) =>
    typeof params.value === 'number' ? formatDecimal(params.value) : '',
};

/**
 * Horizontal bars of the NRR per element, U1 at the top, on the 1–4 axis of the answers.
 * Returns an SVG document (`<svg …>…</svg>`).
 */
export function elementNrrChart(elements: readonly ElementBar[], size: ChartSize = {}): string {
  const rows = [...elements];
  return render(
    {
      grid: { left: 8, right: 48, top: 12, bottom: 24, containLabel: true },
      xAxis: {
        type: 'value',
        min: 1,
        max: 4,
        interval: 0.5,
        axisLabel: { fontSize: 10, formatter: (value: number) => formatDecimal(value) },
        splitLine: { lineStyle: { color: '#e5e5e5' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((row) => `${row.code} ${row.name}`),
        axisLabel: { fontSize: 10, width: 190, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: rows.map((row) =>
            row.nrr === null
              ? { value: null }
              : { value: row.nrr, itemStyle: { color: gradeColor(row.nrr * 25) } },
          ),
          label: valueLabel,
        },
      ],
    },
    size.width ?? 520,
    size.height ?? 300,
  );
}

/**
 * Bars of the converted IKM per organization in the given order (highest first for a ranking),
 * on the 0–100 axis, with the Pemda's value as a dashed line when known.
 */
export function organizationIkmChart(
  rows: readonly OrganizationBar[],
  options: ChartSize & { pemda?: number | null } = {},
): string {
  const pemda = options.pemda ?? null;
  const height = options.height ?? Math.max(200, 60 + rows.length * 24);
  return render(
    {
      grid: { left: 8, right: 56, top: pemda === null ? 12 : 28, bottom: 24, containLabel: true },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        interval: 10,
        axisLabel: { fontSize: 10 },
        splitLine: { lineStyle: { color: '#e5e5e5' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((row) => row.name),
        axisLabel: { fontSize: 10, width: 220, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          data: rows.map((row) =>
            row.ikmConverted === null
              ? { value: null }
              : { value: row.ikmConverted, itemStyle: { color: gradeColor(row.ikmConverted) } },
          ),
          label: valueLabel,
          ...(pemda === null
            ? {}
            : {
                markLine: {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { type: 'dashed' as const, color: '#555555' },
                  label: {
                    formatter: `Pemda ${formatDecimal(pemda)}`,
                    fontFamily: FONT,
                    fontSize: 10,
                    color: TEXT,
                    position: 'start' as const,
                  },
                  data: [{ xAxis: pemda }],
                },
              }),
        },
      ],
    },
    options.width ?? 760,
    height,
  );
}
