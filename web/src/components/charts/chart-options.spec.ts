import { describe, expect, it } from 'vitest';
import { barChartOption, lineChartOption, periodLabel, pieChartOption } from './chart-options';

const format = (value: number) => `${value}%`;

describe('chart options', () => {
  it('draws an S-curve with dashed plans, nulls bridged and a 0–100 axis', () => {
    const option = lineChartOption({
      categories: ['Jan 2026', 'Feb 2026'],
      series: [
        { name: 'Rencana fisik', values: [10, 30], dashed: true },
        { name: 'Realisasi fisik', values: [8, null] },
      ],
      formatValue: format,
      max: 100,
    });
    const series = option.series as { lineStyle: { type: string }; data: unknown[] }[];
    expect(series).toHaveLength(2);
    expect(series[0]?.lineStyle.type).toBe('dashed');
    expect(series[1]?.lineStyle.type).toBe('solid');
    expect(series[1]?.data).toEqual([8, null]);
    expect(option.yAxis).toMatchObject({ min: 0, max: 100 });
    const tooltip = option.tooltip as { valueFormatter: (value: unknown) => string };
    expect(tooltip.valueFormatter(12)).toBe('12%');
    expect(tooltip.valueFormatter(null)).toBe('—');
  });

  it('lays bars horizontally with the first category on top', () => {
    const option = barChartOption({
      categories: ['DPUPR', 'RSUD'],
      series: [{ name: 'Proyek', values: [3, 1] }],
      formatValue: String,
      horizontal: true,
      integer: true,
    });
    expect(option.xAxis).toMatchObject({ minInterval: 1 });
    expect(option.yAxis).toMatchObject({
      type: 'category',
      data: ['DPUPR', 'RSUD'],
      inverse: true,
    });
    expect(option.xAxis).toMatchObject({ type: 'value' });
    expect(option.legend).toEqual({ show: false });
  });

  it('makes a doughnut of shares', () => {
    const option = pieChartOption({
      name: 'Tahap',
      items: [{ name: 'Draf', value: 2 }],
      formatValue: String,
    });
    const [series] = option.series as { data: unknown[] }[];
    expect(series?.data).toEqual([{ name: 'Draf', value: 2, itemStyle: undefined }]);
  });

  it('names months the Indonesian way', () => {
    expect(periodLabel('2026-03')).toMatch(/Mar.* 2026/);
    expect(periodLabel('triwulan 1')).toBe('triwulan 1');
  });
});
