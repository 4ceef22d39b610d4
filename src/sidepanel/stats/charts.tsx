import type uPlot from 'uplot';
import type { Platform } from '../../shared/domain/platform';
import type { StatsReport } from '../../shared/domain/stats/report';
import type { Metric } from '../../shared/domain/stats/rollup';
import { axis, bars, Chart, type ChartSpec } from './Chart';
import { dayToX, type Formatters } from './format';

const durationAxis = (f: Formatters) => (_u: uPlot, values: number[]) => values.map((v) => f.axisDuration(v));

/** Median and p90 response time per day. */
export function TrendChart(props: { report: StatsReport; metric: Metric; f: Formatters; labels: { median: string; p90: string; title: string } }) {
  const { report, metric, f, labels } = props;
  const spec: ChartSpec = (theme, width) => ({
    options: {
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(60, max)] } },
      axes: [
        axis(theme, { values: (_u, values) => values.map((v) => f.day(new Date(v * 1000).toISOString().slice(0, 10))), space: 50 }),
        axis(theme, { values: durationAxis(f), size: width < 400 ? 50 : 60 }),
      ],
      series: [
        {},
        { label: labels.median, stroke: theme.accent, width: 2, spanGaps: true, points: { size: 4 }, value: (_u, v) => f.duration(v) },
        { label: labels.p90, stroke: theme.second, width: 2, dash: [5, 4], spanGaps: true, points: { size: 4 }, value: (_u, v) => f.duration(v) },
      ],
    },
    data: [
      report.byDay.map((d) => dayToX(d.day)),
      report.byDay.map((d) => d[metric].median),
      report.byDay.map((d) => d[metric].p90),
    ],
  });
  return <Chart spec={spec} height={170} label={labels.title} deps={[report, metric]} />;
}

/** Replies per response-time bucket (0–15 min … > 24 h). */
export function HistogramChart(props: { counts: number[]; bucketLabels: string[]; f: Formatters; label: string; title: string }) {
  const { counts, bucketLabels, f } = props;
  const spec: ChartSpec = (theme, width) => ({
    options: {
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, counts.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [
        axis(theme, {
          // Narrow panels: the number and the unit on two lines so five labels fit side by side.
          values: (_u, values) => values.map((v) => (width < 480 ? (bucketLabels[v] ?? '').replace(' ', '\n') : (bucketLabels[v] ?? ''))),
          splits: () => counts.map((_c, i) => i),
          grid: { show: false },
          size: width < 480 ? 44 : 30,
        }),
        axis(theme, { values: (_u, values) => values.map((v) => (Number.isInteger(v) ? f.count(v) : '')), size: 44 }),
      ],
      series: [{}, { label: props.label, fill: theme.accent, stroke: theme.accent, paths: bars ?? undefined, points: { show: false } }],
    },
    data: [counts.map((_c, i) => i), counts],
  });
  return <Chart spec={spec} height={150} label={props.title} deps={[counts.join(','), bucketLabels.join(',')]} />;
}

/** Median response per platform, as bars. */
export function PlatformChart(props: { rows: Array<{ platform: Platform; median: number | null }>; f: Formatters; title: string; label: string }) {
  const { rows, f } = props;
  const spec: ChartSpec = (theme, width) => ({
    options: {
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, rows.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(60, max)] } },
      axes: [
        axis(theme, { values: (_u, values) => values.map((v) => rows[v]?.platform ?? ''), splits: () => rows.map((_r, i) => i), grid: { show: false } }),
        axis(theme, { values: durationAxis(f), size: width < 400 ? 50 : 60 }),
      ],
      series: [{}, { label: props.label, fill: theme.second, stroke: theme.second, paths: bars ?? undefined, points: { show: false } }],
    },
    data: [rows.map((_r, i) => i), rows.map((r) => r.median)],
  });
  return <Chart spec={spec} height={150} label={props.title} deps={[JSON.stringify(rows)]} />;
}
