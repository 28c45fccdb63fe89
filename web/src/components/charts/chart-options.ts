import type { EChartsOption } from './echart';

/** Chart colours, each at least 4.5:1 on white so lines and labels stay readable. */
export const CHART_COLORS = {
  blue: '#1864ab',
  orange: '#c2410c',
  green: '#2b8a3e',
  violet: '#6741d9',
  gray: '#495057',
  teal: '#0b7285',
  red: '#c92a2a',
} as const;

export const CHART_PALETTE = Object.values(CHART_COLORS);

export interface SeriesSpec {
  name: string;
  values: readonly (number | null)[];
  color?: string;
  /** Dashed line (plans); bars ignore it. */
  dashed?: boolean;
}

interface AxisChart {
  categories: readonly string[];
  series: readonly SeriesSpec[];
  /** Text of one value in the tooltip. */
  formatValue: (value: number) => string;
  /** Text of the value axis' labels (default: `formatValue`). */
  formatAxis?: (value: number) => string;
  /** Upper bound of the value axis (100 for percentages). */
  max?: number;
  /** Counts: ticks at whole numbers only. */
  integer?: boolean;
}

function tooltipValue(format: (value: number) => string) {
  return (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) ? format(value) : '—';
}

const GRID = { left: 8, right: 16, top: 48, bottom: 8, containLabel: true } as const;
const LEGEND = { top: 0, type: 'scroll' } as const;

/** Lines over months (the S-curve): plans dashed, gaps where a month has no value. */
export function lineChartOption({
  categories,
  series,
  formatValue,
  formatAxis,
  max,
}: AxisChart): EChartsOption {
  return {
    color: [...CHART_PALETTE],
    grid: GRID,
    legend: LEGEND,
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue(formatValue) },
    xAxis: { type: 'category', data: [...categories], boundaryGap: false },
    yAxis: {
      type: 'value',
      min: 0,
      max,
      axisLabel: { formatter: (value: number) => (formatAxis ?? formatValue)(value) },
    },
    series: series.map((spec) => ({
      type: 'line' as const,
      name: spec.name,
      data: [...spec.values],
      connectNulls: true,
      symbolSize: 6,
      itemStyle: spec.color ? { color: spec.color } : undefined,
      lineStyle: { width: 2, type: spec.dashed ? ('dashed' as const) : ('solid' as const) },
    })),
  };
}

/** Grouped bars per category (amounts per year, projects per stage or organization). */
export function barChartOption({
  categories,
  series,
  formatValue,
  formatAxis,
  max,
  integer = false,
  horizontal = false,
}: AxisChart & { horizontal?: boolean }): EChartsOption {
  const categoryAxis = { type: 'category' as const, data: [...categories] };
  const valueAxis = {
    type: 'value' as const,
    min: 0,
    max,
    minInterval: integer ? 1 : undefined,
    axisLabel: { formatter: (value: number) => (formatAxis ?? formatValue)(value) },
  };
  return {
    color: [...CHART_PALETTE],
    grid: GRID,
    legend: series.length > 1 ? LEGEND : { show: false },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: tooltipValue(formatValue),
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: series.map((spec) => ({
      type: 'bar' as const,
      name: spec.name,
      data: [...spec.values],
      itemStyle: spec.color ? { color: spec.color } : undefined,
      barMaxWidth: 48,
    })),
  };
}

/** Shares of a whole (projects per stage). */
export function pieChartOption({
  items,
  formatValue,
  name,
}: {
  items: readonly { name: string; value: number; color?: string }[];
  formatValue: (value: number) => string;
  name: string;
}): EChartsOption {
  return {
    color: [...CHART_PALETTE],
    legend: { ...LEGEND, type: 'scroll' },
    tooltip: { trigger: 'item', valueFormatter: tooltipValue(formatValue) },
    series: [
      {
        type: 'pie',
        name,
        radius: ['40%', '70%'],
        top: 32,
        data: items.map((item) => ({
          name: item.name,
          value: item.value,
          itemStyle: item.color ? { color: item.color } : undefined,
        })),
        label: { formatter: '{b}: {c}' },
      },
    ],
  };
}

/** A month period 'YYYY-MM' as people read it ("Mar 2026"); anything else unchanged. */
export function periodLabel(period: string, locale = 'id-ID'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
