import { barChartOption, lineChartOption } from '@/components/charts/chart-options';
import type { EChartsOption } from '@/components/charts/echart';
import { ANSWER_COLORS } from './survey-index';

const GRID = { left: 8, right: 24, top: 48, bottom: 8, containLabel: true } as const;

/** NRR per element (1–4) as horizontal bars, weak ones in red. */
export function nrrChartOption({
  categories,
  values,
  weak,
  name,
  format,
}: {
  categories: readonly string[];
  values: readonly (number | null)[];
  weak: readonly boolean[];
  name: string;
  format: (value: number) => string;
}): EChartsOption {
  const option = barChartOption({
    categories,
    series: [{ name, values, color: '#1864ab' }],
    formatValue: format,
    max: 4,
    horizontal: true,
  });
  return {
    ...option,
    series: [
      {
        type: 'bar',
        name,
        barMaxWidth: 28,
        data: values.map((value, index) => ({
          value,
          itemStyle: { color: weak[index] ? '#c92a2a' : '#1864ab' },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (params: { value?: unknown }) =>
            typeof params.value === 'number' ? format(params.value) : '',
        },
      },
    ],
  };
}

/** Shares of the answers 1–4 per element, stacked to 100 %. */
export function distributionChartOption({
  categories,
  shares,
  answerNames,
}: {
  categories: readonly string[];
  /** Four series (answers 1..4), one value per category, in percent. */
  shares: readonly (readonly number[])[];
  answerNames: readonly string[];
}): EChartsOption {
  const format = (value: number) => `${value.toLocaleString('id-ID')} %`;
  return {
    color: [...ANSWER_COLORS],
    grid: GRID,
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: unknown) => (typeof value === 'number' ? format(value) : '—'),
    },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    yAxis: { type: 'category', data: [...categories], inverse: true },
    series: shares.map((values, index) => ({
      type: 'bar' as const,
      name: answerNames[index] ?? String(index + 1),
      stack: 'jawaban',
      data: [...values],
      itemStyle: { color: ANSWER_COLORS[index] },
      barMaxWidth: 28,
    })),
  };
}

/** IKM (converted, 25–100) over periods. */
export function trendChartOption({
  categories,
  values,
  name,
  format,
}: {
  categories: readonly string[];
  values: readonly (number | null)[];
  name: string;
  format: (value: number) => string;
}): EChartsOption {
  const option = lineChartOption({
    categories,
    series: [{ name, values, color: '#1864ab' }],
    formatValue: format,
    max: 100,
  });
  return { ...option, xAxis: { type: 'category', data: [...categories], boundaryGap: true } };
}
