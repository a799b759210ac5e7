import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECElementEvent, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

// Only what the platform draws is bundled; add chart types and components here as they are needed.
use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer, SVGRenderer]);

export type EChartClick = ECElementEvent;

interface EChartProps {
  option: EChartsCoreOption;
  height?: number;
  testId?: string;
  /** Spoken description of the chart (the canvas itself is not readable). */
  ariaLabel: string;
  /**
   * 'svg' draws every bar as its own DOM element: it prints sharply and a browser test can click one bar. Canvas
   * stays the default for charts with many points.
   */
  renderer?: 'canvas' | 'svg';
  /** Called with the clicked element (series, data index, data item); the cursor becomes a pointer over it. */
  onClick?: (event: EChartClick) => void;
}

/** An ECharts chart that follows its container's width and replaces its option when the option changes. */
export function EChart({ option, height = 320, testId, ariaLabel, renderer = 'canvas', onClick }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickHandler = useRef(onClick);

  useEffect(() => {
    clickHandler.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer });
    chart.current = instance;
    instance.on('click', (event) => clickHandler.current?.(event as ECElementEvent));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [renderer]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, renderer]);

  return <div ref={container} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height }} />;
}
