'use client';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
  DatasetComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption, ECharts } from 'echarts/core';
import { useEffect, useRef } from 'react';

/** The options the registered charts and components understand (see `echarts-setup.ts`). */
export type EChartsOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | DatasetComponentOption
>;

interface Props {
  option: EChartsOption;
  /** Height in pixels; the width follows the container. */
  height?: number;
  /** What the chart shows, for screen readers (the drawing itself is one image to them). */
  ariaLabel: string;
}

/**
 * An ECharts chart drawn as SVG. The library loads on first use, the chart follows its
 * container's size, and it is disposed when the component leaves the page. Pair it with a
 * `ChartDataTable` holding the same numbers for screen readers.
 */
export function EChart({ option, height = 320, ariaLabel }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const latest = useRef(option);

  useEffect(() => {
    latest.current = option;
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import('./echarts-setup').then(({ init }) => {
      const element = container.current;
      if (disposed || !element) return;
      const instance = init(element, null, { renderer: 'svg' });
      instance.setOption(latest.current, { notMerge: true });
      chart.current = instance;
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(element);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  return (
    <div
      ref={container}
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height, minWidth: 0 }}
    />
  );
}
