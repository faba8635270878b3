import type { ChartOption } from '../../components/Chart';

/**
 * The report's pictures as ECharts options, from figures and words already translated: the
 * options hold no text of their own, so a chart reads in the page's language.
 */

const PERCENT_AXIS = { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } } as const;
const LEGEND_TOP = { type: 'scroll', top: 0 } as const;
const GRID = { left: 48, right: 24, top: 56, bottom: 32, containLabel: true } as const;

const asPercent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

export interface RateSeries {
  name: string;
  /** One rate (0..1) per month, null when nothing fell due. */
  rates: (number | null)[];
}

/** Lines of on-time rates over months: per rule of one estate, or per estate at the head office. */
export function rateTrendOption(title: string, months: string[], series: RateSeries[]): ChartOption {
  return {
    title: { text: title, left: 'center', top: 24, textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${v}%`) },
    legend: LEGEND_TOP,
    grid: { ...GRID, top: 72 },
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: PERCENT_AXIS,
    series: series.map((s) => ({ type: 'line', name: s.name, data: s.rates.map(asPercent), connectNulls: true, symbolSize: 6 })),
  };
}

export interface Slice {
  name: string;
  value: number;
}

/** Counts by a category as bars. */
export function barOption(title: string, seriesName: string, slices: Slice[]): ChartOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    grid: { ...GRID, top: 40 },
    xAxis: { type: 'category', data: slices.map((s) => s.name), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: seriesName, data: slices.map((s) => s.value), barMaxWidth: 48, label: { show: true, position: 'top' } }],
  };
}

/** Rates by rule as bars (0–100 %), e.g. this month's on-time rate per rule. */
export function rateBarOption(title: string, seriesName: string, bars: { name: string; rate: number | null }[]): ChartOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${v}%`) },
    grid: { ...GRID, top: 40 },
    xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: PERCENT_AXIS,
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: bars.map((b) => asPercent(b.rate)),
        barMaxWidth: 36,
        label: { show: true, position: 'top', formatter: '{c}%' },
      },
    ],
  };
}

/** Shares of a whole as a ring, its slices named in the legend. */
export function pieOption(title: string, seriesName: string, slices: Slice[]): ChartOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        name: seriesName,
        radius: ['30%', '60%'],
        center: ['50%', '52%'],
        data: slices,
        // Nothing to share out (a month with no follow-ups) draws an empty ring, not equal slices.
        stillShowZeroSum: false,
        // The legend names the slices; each slice carries its count.
        label: { position: 'inside', formatter: '{c}' },
      },
    ],
  };
}
