import { useEffect, useMemo, useState } from 'preact/hooks';
import { getDatabase } from '../../shared/db/database';
import { RollupCorruptError, StatsRepo } from '../../shared/db/repos/stats';
import { TemplatesRepo } from '../../shared/db/repos/templates';
import type { ExportableEvent } from '../../shared/domain/stats/export-format';
import { periodEnding, reportFromRows, totalFromRows, type PeriodTotal, type StatsReport } from '../../shared/domain/stats/report';
import { rowsFromEvents, type Metric } from '../../shared/domain/stats/rollup';
import { dayKeyOf } from '../../shared/domain/stats/zone';
import { t } from '../../shared/ui/i18n';
import { useLiveQuery } from '../../shared/ui/use-live-query';
import { HistogramChart, PlatformChart, TrendChart } from './charts';
import { ExportButtons } from './ExportButtons';
import { formatters } from './format';
import { Breakdown, Comparison, SummaryCards } from './parts';
import { readTeamFile } from './team-import';
import './stats.css';

const db = getDatabase();
const stats = new StatsRepo(db);
const templates = new TemplatesRepo(db);

const PERIODS = [7, 30, 90] as const;

async function loadPeriod(days: number) {
  const config = await stats.config();
  const range = periodEnding(dayKeyOf(config.timeZone, Date.now()), days);
  const rows = await stats.periodRows(range);
  return { config, range, rows };
}

/** The Stats tab: response times from the rollups, charts, breakdowns, exports and a team view. */
export function StatsView() {
  const [days, setDays] = useState<number>(7);
  const [basis, setBasis] = useState<'business' | 'wall' | null>(null);
  const [team, setTeam] = useState<{ files: number; events: ExportableEvent[]; skipped: number } | null>(null);
  const [teamError, setTeamError] = useState<string | null>(null);
  const [rebuilding, setRebuilding] = useState(false);
  // After an upgrade or an unfinished settings change the stored figures are stale: derive them
  // first (live code, not the migration), then show them; the live query follows the writes.
  const [derived, setDerived] = useState(false);
  useEffect(() => {
    void stats.ensureCurrent().catch(() => undefined).finally(() => setDerived(true));
  }, []);
  const data = useLiveQuery(() => loadPeriod(days), [days]);
  const names = useLiveQuery(async () => new Map((await templates.list()).map((tpl) => [tpl.id, tpl.title])), []);
  const f = useMemo(formatters, []);

  const reports = useMemo(() => {
    if (!data.value) return null;
    const { config, range, rows } = data.value;
    const all = team ? [...rows, ...rowsFromEvents(team.events, config).values()] : rows;
    return { current: reportFromRows(all, range.current), previous: totalFromRows(all, range.previous), config };
  }, [data.value, team]);

  if (data.error) {
    const corrupt = data.error === new RollupCorruptError().message;
    return (
      <section class="stats">
        <p class="error" role="alert">{corrupt ? t('statsCorrupt') : t('statsLoadError', data.error)}</p>
        {corrupt && (
          <button
            type="button"
            class="stats-button"
            disabled={rebuilding}
            onClick={async () => {
              setRebuilding(true);
              await stats.events.rebuildRollups().finally(() => setRebuilding(false));
            }}
          >
            {t('statsRebuild')}
          </button>
        )}
      </section>
    );
  }
  if (!reports || !derived) return <p class="empty">{t('panelLoading')}</p>;

  const { current, previous, config } = reports;
  const chosen = basis ?? config.targetBasis;
  // Business values exist only when hours are set; otherwise fall back to the wall clock.
  const metric: Metric = chosen === 'business' && current.total.businessResponse.n > 0 ? 'businessResponse' : 'response';
  const periodLabel = t('statsPeriodDays', f.count(days));

  async function importTeam(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    setTeamError(null);
    // All files or none: one bad file leaves the team view as it was.
    const parsed = await Promise.all(files.map(readTeamFile));
    const ok = parsed.flatMap((p) => (p.ok ? [p] : []));
    const failed = parsed.find((p) => !p.ok);
    if (failed && !failed.ok) {
      setTeamError(failed.message);
      return;
    }
    const events = [...(team?.events ?? []), ...ok.flatMap((p) => p.events)];
    const skipped = (team?.skipped ?? 0) + ok.reduce((sum, p) => sum + p.skipped, 0);
    setTeam({ files: (team?.files ?? 0) + files.length, events, skipped });
  }

  return (
    <section class="stats" aria-labelledby="stats-heading">
      <h2 id="stats-heading" class="visually-hidden">{t('statsHeading')}</h2>
      <div class="stats-controls">
        <label>
          <span>{t('statsPeriodLabel')}</span>
          <select value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>{t('statsPeriodDays', f.count(p))}</option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('statsBasisLabel')}</span>
          <select value={chosen} onChange={(e) => setBasis(e.currentTarget.value === 'wall' ? 'wall' : 'business')}>
            <option value="business">{t('statsBasisBusiness')}</option>
            <option value="wall">{t('statsBasisWall')}</option>
          </select>
        </label>
      </div>
      {team && (
        <p class="stats-team" role="status">
          {t('statsTeamActive', f.count(team.files), f.count(team.events.length))}{' '}
          <button type="button" class="stats-link" onClick={() => setTeam(null)}>{t('statsTeamClear')}</button>
        </p>
      )}
      {current.total.count === 0 ? (
        <p class="empty">{t('statsEmpty', periodLabel)}</p>
      ) : (
        <Body current={current} previous={previous} metric={metric} f={f} names={names.value} />
      )}
      <Comparison current={current} previous={previous} metric={metric} f={f} />
      <ExportButtons source={stats.events} />
      <div class="stats-import">
        <label class="stats-button">
          {t('statsTeamImport')}
          <input type="file" accept="application/json,.json,text/csv,.csv" multiple class="visually-hidden" onChange={importTeam} />
        </label>
        {teamError && <p class="error" role="alert">{teamError}</p>}
        {team && team.skipped > 0 && <p class="hint">{t('statsTeamSkipped', f.count(team.skipped))}</p>}
      </div>
      <p class="hint">{t('statsAccuracyNote')}</p>
    </section>
  );
}

function Body(props: { current: StatsReport; previous: PeriodTotal; metric: Metric; f: ReturnType<typeof formatters>; names: Map<string, string> | undefined }) {
  const { current, previous, metric, f } = props;
  const bucketLabels = [t('statsBucket0'), t('statsBucket1'), t('statsBucket2'), t('statsBucket3'), t('statsBucket4')];
  return (
    <>
      <SummaryCards current={current} previous={previous} metric={metric} f={f} />
      <figure class="stats-figure">
        <figcaption>{t('statsTrendTitle')}</figcaption>
        <TrendChart
          report={current}
          metric={metric}
          f={f}
          labels={{ median: t('statsMedian'), p90: t('statsP90'), title: t('statsTrendTitle') }}
        />
      </figure>
      <figure class="stats-figure">
        <figcaption>{t('statsHistogramTitle')}</figcaption>
        <HistogramChart counts={current.total.buckets[metric]} bucketLabels={bucketLabels} f={f} label={t('statsReplies')} title={t('statsHistogramTitle')} />
      </figure>
      {current.byPlatform.length > 1 && (
        <figure class="stats-figure">
          <figcaption>{t('statsPlatformTitle')}</figcaption>
          <PlatformChart
            rows={current.byPlatform.map((p) => ({ platform: p.platform, median: p[metric].median }))}
            f={f}
            title={t('statsPlatformTitle')}
            label={t('statsMedian')}
          />
        </figure>
      )}
      <Breakdown title={t('statsByPlatform')} capitalize rows={current.byPlatform.map((p) => ({ key: p.platform, label: p.platform, group: p }))} metric={metric} f={f} />
      {current.byAccount.some((a) => a.account !== '') && (
        <Breakdown
          title={t('statsByAccount')}
          rows={current.byAccount.map((a) => ({ key: a.account, label: a.account || t('statsNoAccount'), group: a }))}
          metric={metric}
          f={f}
        />
      )}
      {current.byWeek.length > 1 && (
        <Breakdown
          title={t('statsByWeek')}
          labelHeader={t('statsColWeek')}
          rows={current.byWeek.map((w) => ({ key: w.week, label: f.day(w.week), group: w }))}
          metric={metric}
          f={f}
        />
      )}
      {current.templates.length > 0 && (
        <section class="stats-templates">
          <h3>{t('statsTemplatesTitle')}</h3>
          <p class="hint">{t('statsTemplatesShare', f.percent(current.withTemplate / current.total.count))}</p>
          <ol>
            {current.templates.slice(0, 8).map((tpl) => (
              <li key={tpl.templateId}>
                <span>{props.names?.get(tpl.templateId) ?? tpl.templateId}</span>
                <span class="stats-num">
                  {tpl.drift !== null && <span class="stats-drift">{t('statsTemplateDrift', f.percent(tpl.drift))}</span>}
                  {f.count(tpl.count)}
                </span>
              </li>
            ))}
          </ol>
          {current.templates.some((tpl) => tpl.drift !== null) && <p class="hint">{t('statsTemplateDriftHint')}</p>}
        </section>
      )}
    </>
  );
}
