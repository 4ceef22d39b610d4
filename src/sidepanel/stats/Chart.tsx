import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'preact/hooks';

/** Theme colours read from the page's CSS variables, so charts follow light and dark mode. */
export interface ChartTheme {
  fg: string;
  muted: string;
  line: string;
  accent: string;
  second: string;
}

function readTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const get = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  return {
    fg: get('--fg', '#111827'),
    muted: get('--muted', '#4b5563'),
    line: get('--line', '#e5e7eb'),
    accent: get('--accent', '#0f766e'),
    second: dark ? '#fbbf24' : '#b45309',
  };
}

export type ChartSpec = (theme: ChartTheme, width: number) => { options: Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData };

/**
 * One uPlot chart that fills its container's width (ResizeObserver) and is rebuilt when the data
 * or the colour scheme changes. `label` names the chart for screen readers; the numbers are also
 * in the tables next to it.
 */
export function Chart(props: { spec: ChartSpec; height: number; label: string; deps: unknown[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let plot: uPlot | null = null;
    const build = () => {
      plot?.destroy();
      const width = Math.max(200, element.clientWidth);
      const { options, data } = props.spec(readTheme(), width);
      plot = new uPlot({ ...options, width, height: props.height }, data, element);
    };
    build();
    const resize = new ResizeObserver(() => {
      const width = Math.max(200, element.clientWidth);
      if (plot && Math.abs(plot.width - width) > 1) plot.setSize({ width, height: props.height });
    });
    resize.observe(element);
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', build);
    return () => {
      resize.disconnect();
      scheme.removeEventListener('change', build);
      plot?.destroy();
    };
  }, props.deps);
  return <div class="stats-chart" ref={box} role="img" aria-label={props.label} />;
}

export const bars = (uPlot.paths.bars ?? (() => null))({ size: [0.6, 48], gap: 2 });

export function axis(theme: ChartTheme, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return {
    stroke: theme.muted,
    grid: { stroke: theme.line, width: 1 },
    ticks: { stroke: theme.line, width: 1 },
    font: '11px system-ui, sans-serif',
    ...extra,
  };
}
