import * as echarts from 'echarts';

/** Font of the server-rendered charts: the PDF standard font pdfmake draws them with. */
export const CHART_FONT = 'Helvetica';
export const CHART_TEXT_COLOR = '#333333';

/**
 * Renders an ECharts option on the server to an SVG document (`<svg …>…</svg>`; no DOM, no
 * canvas) that pdfmake draws as vector graphics. Animation off, the report font and text colour.
 */
export function renderChartSvg(
  option: echarts.EChartsOption,
  size: { width: number; height: number },
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: CHART_FONT, color: CHART_TEXT_COLOR },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
