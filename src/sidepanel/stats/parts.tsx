import type { GroupSummary, PeriodTotal, StatsReport } from '../../shared/domain/stats/report';
import type { Metric } from '../../shared/domain/stats/rollup';
import { t, type MessageKey } from '../../shared/ui/i18n';
import type { Formatters } from './format';

type Better = 'lower' | 'higher' | 'neutral';

/** "▲ 12 %" against the previous period, coloured by whether the change is good. */
function Delta(props: { now: number | null; before: number | null; better: Better; f: Formatters }) {
  const { now, before, better, f } = props;
  if (now === null || before === null || before === 0) return null;
  const change = (now - before) / before;
  if (Math.abs(change) < 0.005) return <span class="stats-delta">= </span>;
  const good = better === 'neutral' ? null : better === 'lower' ? change < 0 : change > 0;
  const cls = good === null ? 'stats-delta' : good ? 'stats-delta good' : 'stats-delta bad';
  const text = `${change > 0 ? '▲' : '▼'} ${f.percent(Math.abs(change))}`;
  return (
    <span class={cls} title={t('statsVsPrevious')}>
      {text}
    </span>
  );
}

interface Card {
  key: MessageKey;
  value: string;
  now: number | null;
  before: number | null;
  better: Better;
}

export function SummaryCards(props: { current: StatsReport; previous: PeriodTotal; metric: Metric; f: Formatters }) {
  const { f, metric } = props;
  const now = props.current.total[metric];
  const before = props.previous.total[metric];
  const cards: Card[] = [
    { key: 'statsReplies', value: f.count(props.current.total.count), now: props.current.total.count, before: props.previous.total.count, better: 'neutral' },
    { key: 'statsMedian', value: f.duration(now.median), now: now.median, before: before.median, better: 'lower' },
    { key: 'statsP90', value: f.duration(now.p90), now: now.p90, before: before.p90, better: 'lower' },
    { key: 'statsWithinTarget', value: f.percent(now.withinShare), now: now.withinShare, before: before.withinShare, better: 'higher' },
    { key: 'statsMean', value: f.duration(now.mean), now: now.mean, before: before.mean, better: 'lower' },
    { key: 'statsFastest90', value: f.duration(now.fastest90Mean), now: now.fastest90Mean, before: before.fastest90Mean, better: 'lower' },
    { key: 'statsQuickest', value: f.duration(now.min), now: null, before: null, better: 'neutral' },
    { key: 'statsSlowest', value: f.duration(now.max), now: null, before: null, better: 'neutral' },
  ];
  return (
    <dl class="stats-cards">
      {cards.map((card) => (
        <div class="stats-card" key={card.key} data-stat={card.key}>
          <dt>{t(card.key)}</dt>
          <dd>
            <span class="stats-value">{card.value}</span> <Delta now={card.now} before={card.before} better={card.better} f={f} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The previous period in one line, so the arrows above have their reference in words. */
export function Comparison(props: { current: StatsReport; previous: PeriodTotal; metric: Metric; f: Formatters }) {
  const before = props.previous.total;
  if (before.count === 0) return <p class="hint">{t('statsNoPrevious')}</p>;
  return (
    <p class="hint">
      {t('statsPrevious', props.f.count(before.count), props.f.duration(before[props.metric].median), props.f.percent(before[props.metric].withinShare))}
    </p>
  );
}

export function Breakdown(props: {
  title: string;
  /** Header of the label column (e.g. "Week"); platform names are capitalised, other labels kept as typed. */
  labelHeader?: string;
  capitalize?: boolean;
  rows: Array<{ key: string; label: string; group: GroupSummary }>;
  metric: Metric;
  f: Formatters;
}) {
  const { f, metric } = props;
  return (
    <section class="stats-breakdown">
      <h3>{props.title}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{props.labelHeader ?? ''}</th>
            <th scope="col">{t('statsColReplies')}</th>
            <th scope="col">{t('statsColMedian')}</th>
            <th scope="col">{t('statsColP90')}</th>
            <th scope="col">{t('statsColWithin')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ key, label, group }) => (
            <tr key={key}>
              <th scope="row" class={props.capitalize ? 'capitalize' : undefined} title={label}>
                {label}
              </th>
              <td>{f.count(group.count)}</td>
              <td>{f.duration(group[metric].median)}</td>
              <td>{f.duration(group[metric].p90)}</td>
              <td>{f.percent(group[metric].withinShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
