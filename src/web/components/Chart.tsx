import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption, PieChart, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TitleComponent,
  type TitleComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the pieces the reports draw; SVG so a chart prints crisply and its words are text in the page.
use([LineChart, BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** The width of an A4 page between 15 mm margins, in CSS pixels (180 mm at 96 per inch). */
const PRINT_WIDTH = 680;

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | TitleComponentOption
>;

interface ChartProps {
  option: ChartOption;
  /** What the chart shows, for a screen reader (the chart is one image to it). */
  label: string;
  testId: string;
  height?: number;
}

/**
 * An ECharts chart on a div: made once, given each new option whole, resized with the window and
 * with its own box (a folding menu, the printed page), and disposed of with the component.
 */
export function Chart({ option, label, testId, height = 280 }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = () => instance.resize();
    // The browser lays the printed page out after this event, too late to measure it: draw to
    // the width of an A4 page's print area instead, and back to the screen afterwards.
    const forPrint = () => instance.resize({ width: Math.min(element.clientWidth, PRINT_WIDTH) });
    window.addEventListener('resize', resize);
    window.addEventListener('beforeprint', forPrint);
    window.addEventListener('afterprint', resize);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(element);
    return () => {
      window.removeEventListener('resize', resize);
      window.removeEventListener('beforeprint', forPrint);
      window.removeEventListener('afterprint', resize);
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // A new language or month replaces the whole picture, not only the parts that changed.
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={box} className="ed-chart" role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
