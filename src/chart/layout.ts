/**
 * A chart spec as Apache ECharts options: where the title, the legend, the plot and the source
 * footer go, and how a figure we calculated is told apart from a published one (another colour, a
 * hatch on bars, a diamond on lines, and a legend saying which is which). Pure: no ECharts code runs
 * here, only its option types.
 */
import type { EChartsOption } from 'echarts';
import { formatValue } from '../text/numbers.ts';
import type { ChartPoint, ChartSpec } from './spec.ts';

/** The font every text is set in; the PNG renderer loads its files (png.ts). */
export const CHART_FONT = 'Inter';
export const CHART_WIDTH = 960;
/** How much larger than the SVG's own size the PNG is drawn: 1.5×, for sharp text on high-density
 * screens. */
export const PNG_SCALE = 1.5;
const MARGIN = 28;
const PUBLISHED = 'Published figure';
const COMPUTED = 'Our calculation';
const NAVY = '#1d3557';
const ORANGE = '#c4511c';
const GREY = '#4a4f57';
/** ECharts measures text with its own estimate, narrower than Inter: text that wraps or truncates
 * is given this share of the width it may fill, so what resvg draws still fits. */
const MEASURE_SLACK = 0.85;
const TEXT_WIDTH = (CHART_WIDTH - 2 * MARGIN) * MEASURE_SLACK;
/** Roughly how wide a character of the footer is, as ECharts measures it: enough to reserve lines. */
const FOOTER_CHAR_PX = 5.6;
const FOOTER_LINE_PX = 15;

/** How tall a chart of `spec` is drawn: a bar chart grows with its bars, so force names stay legible. */
export function chartHeight(spec: ChartSpec): number {
  return spec.kind === 'bar' ? Math.max(480, 220 + 30 * spec.points.length + footerHeight(spec)) : 540;
}

function footerHeight(spec: ChartSpec): number {
  const lines = Math.ceil((spec.source.length * FOOTER_CHAR_PX) / TEXT_WIDTH);
  return lines * FOOTER_LINE_PX;
}

/** What a point's label says: the value and its citation marks, or that it is ours. */
function pointLabel(point: ChartPoint, unit: ChartSpec['unit']): string {
  const value = formatValue(point.value, unit);
  return point.computed ? `${value} (ours)` : `${value} ${point.citations.map((n) => `[${n}]`).join('')}`;
}

/** The value of `point` in the series for its kind, or ECharts' "no value" in the other. */
const only = (computed: boolean) => (point: ChartPoint) => (point.computed === computed ? point.value : '-');

/** ECharts options that draw `spec`. */
export function chartOption(spec: ChartSpec): EChartsOption {
  const anyComputed = spec.points.some((p) => p.computed);
  const labels = spec.points.map((p) => pointLabel(p, spec.unit));
  const labelOf = ({ dataIndex }: { dataIndex: number }) => labels[dataIndex] ?? '';
  const top = MARGIN + (spec.subtitle === undefined ? 40 : 62) + (anyComputed ? 30 : 0);
  const bottom = MARGIN + footerHeight(spec) + 8;
  const valueAxisName = `${spec.axes.value.label} (${spec.axes.value.unit})`;
  const valueAxis = {
    type: 'value' as const,
    name: valueAxisName,
    axisLabel: { formatter: (value: number) => formatValue(value, spec.unit), color: GREY },
    nameTextStyle: { color: GREY, fontSize: 13 },
    splitLine: { lineStyle: { color: '#e3e6ea' } },
  };
  const categoryAxis = {
    type: 'category' as const,
    data: spec.points.map((p) => p.label),
    name: spec.axes.category.label,
    axisLabel: { color: GREY },
    nameTextStyle: { color: GREY, fontSize: 13 },
    axisLine: { lineStyle: { color: GREY } },
  };
  const hatch = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 4], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.55)' };

  const common: EChartsOption = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT },
    title: [
      {
        text: spec.title,
        ...(spec.subtitle === undefined ? {} : { subtext: spec.subtitle }),
        left: MARGIN,
        top: MARGIN - 8,
        textStyle: { fontSize: 20, fontWeight: 'bold', color: NAVY, width: TEXT_WIDTH, overflow: 'truncate' },
        subtextStyle: { fontSize: 14, color: GREY, width: TEXT_WIDTH, overflow: 'truncate' },
      },
      {
        text: spec.source,
        left: MARGIN,
        bottom: MARGIN - 14,
        textStyle: { fontSize: 11, fontWeight: 'normal', color: GREY, width: TEXT_WIDTH, overflow: 'break', lineHeight: FOOTER_LINE_PX },
      },
    ],
    legend: {
      show: anyComputed,
      data: [PUBLISHED, COMPUTED],
      left: MARGIN,
      top: top - 30,
      itemGap: 28,
      textStyle: { color: GREY, fontSize: 12 },
    },
    grid: { left: MARGIN, right: MARGIN + 16, top: top + 10, bottom, outerBoundsMode: 'same' },
  };

  if (spec.kind === 'bar') {
    const bars = (name: string, computed: boolean) => ({
      type: 'bar' as const,
      name,
      stack: 'one',
      barMaxWidth: 26,
      data: spec.points.map(only(computed)),
      itemStyle: computed ? { color: ORANGE, decal: hatch } : { color: NAVY },
      label: { show: true, position: 'right' as const, formatter: labelOf, color: '#222', fontSize: 12 },
    });
    return {
      ...common,
      // Forces down the side, first at the top, so long names stay on one line.
      yAxis: { ...categoryAxis, inverse: true, nameLocation: 'start', nameTextStyle: { ...categoryAxis.nameTextStyle, align: 'right', padding: [0, 8, 6, 0] } },
      xAxis: { ...valueAxis, nameLocation: 'middle', nameGap: 30 },
      series: [bars(PUBLISHED, false), bars(COMPUTED, true)],
    };
  }
  return {
    ...common,
    xAxis: { ...categoryAxis, boundaryGap: true, nameLocation: 'middle', nameGap: 32 },
    // The value axis's name sits above it, reading across, however long the measure's name.
    yAxis: { ...valueAxis, nameLocation: 'end', nameGap: 14, nameTextStyle: { ...valueAxis.nameTextStyle, align: 'left' } },
    series: [
      {
        type: 'line',
        name: PUBLISHED,
        // The line runs through every point; a calculated one is drawn by the series below instead.
        data: spec.points.map((p) => (p.computed ? { value: p.value, symbol: 'none' } : p.value)),
        symbol: 'circle',
        symbolSize: 9,
        itemStyle: { color: NAVY },
        lineStyle: { color: NAVY, width: 3 },
        label: {
          show: true,
          position: 'top',
          formatter: (p: { dataIndex: number }) => (spec.points[p.dataIndex]?.computed ? '' : labelOf(p)),
          color: '#222',
          fontSize: 12,
        },
      },
      {
        type: 'scatter',
        name: COMPUTED,
        data: spec.points.map(only(true)),
        symbol: 'diamond',
        symbolSize: 16,
        itemStyle: { color: ORANGE },
        label: { show: true, position: 'top', formatter: labelOf, color: ORANGE, fontSize: 12 },
      },
    ],
  };
}
