import { useEffect, useMemo, useState } from 'preact/hooks';
import { getDatabase } from '../../shared/db/database';
import { StatsRepo } from '../../shared/db/repos/stats';
import { PLATFORMS, type Platform } from '../../shared/domain/platform';
import type { StatsConfig } from '../../shared/domain/stats/config';
import { parseDayKey } from '../../shared/domain/stats/zone';
import { t, uiLanguage, type MessageKey } from '../../shared/ui/i18n';
import { DeleteAllData } from './DeleteAllData';
import { WeekEditor } from './WeekEditor';
import './stats-settings.css';

const stats = new StatsRepo(getDatabase());

const toMinutes = (seconds: number) => String(Math.round(seconds / 60));
const fromMinutes = (text: string) => Math.round(Number(text) * 60);

/** Business hours, time zone, holidays, response-time targets and retention; saving recomputes history. */
export function StatsSettings() {
  const [config, setConfig] = useState<StatsConfig | null>(null);
  const [holiday, setHoliday] = useState('');
  const [status, setStatus] = useState<{ key: MessageKey; arg?: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []), []);
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeZone: 'UTC' }), []);

  useEffect(() => void stats.config().then(setConfig), []);
  if (!config) return null;

  const update = (patch: Partial<StatsConfig>) => {
    setConfig({ ...config, ...patch });
    setStatus(null);
  };

  async function save(event: Event) {
    event.preventDefault();
    if (!config) return;
    setSaving(true);
    try {
      const saved = await stats.saveConfig(config, (done, total) =>
        setStatus({ key: 'statsSettingsRecomputing', arg: String(Math.round((done / Math.max(1, total)) * 100)) }),
      );
      setConfig(saved);
      setStatus({ key: 'statsSettingsSaved' });
    } catch (error) {
      setStatus({ key: 'statsSettingsSaveFailed', arg: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  }

  function addHoliday() {
    if (!config || !parseDayKey(holiday) || config.holidays.includes(holiday)) return;
    update({ holidays: [...config.holidays, holiday].sort() });
    setHoliday('');
  }

  const setPlatformTarget = (platform: Platform, text: string) => {
    const targets = Object.fromEntries(Object.entries(config.platformTargets).filter(([key]) => key !== platform));
    if (text.trim() !== '' && Number(text) > 0) targets[platform] = fromMinutes(text);
    update({ platformTargets: targets });
  };

  return (
    <section class="stats-settings" aria-labelledby="stats-settings-heading">
      <h2 id="stats-settings-heading">{t('statsSettingsHeading')}</h2>
      <p class="hint">{t('statsSettingsHint')}</p>
      <form onSubmit={save}>
        <fieldset>
          <legend>{t('statsSettingsHours')}</legend>
          <label class="stack">
            <span>{t('statsSettingsTimeZone')}</span>
            <input
              list="stats-zones"
              value={config.timeZone}
              onChange={(e) => update({ timeZone: e.currentTarget.value.trim() })}
              spellcheck={false}
            />
            <datalist id="stats-zones">
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </label>
          <WeekEditor week={config.week} onChange={(week) => update({ week })} />
        </fieldset>

        <fieldset>
          <legend>{t('statsSettingsHolidays')}</legend>
          <div class="row">
            <input type="date" value={holiday} aria-label={t('statsSettingsHolidayDate')} onInput={(e) => setHoliday(e.currentTarget.value)} />
            <button type="button" onClick={addHoliday} disabled={!parseDayKey(holiday)}>
              {t('statsSettingsHolidayAdd')}
            </button>
          </div>
          {config.holidays.length === 0 ? (
            <p class="hint">{t('statsSettingsNoHolidays')}</p>
          ) : (
            <ul class="stats-holidays">
              {config.holidays.map((day) => {
                const date = parseDayKey(day)!;
                return (
                  <li key={day}>
                    <span>{dateFormat.format(Date.UTC(date.year, date.month - 1, date.day))}</span>{' '}
                    <button type="button" onClick={() => update({ holidays: config.holidays.filter((d) => d !== day) })}>
                      {t('statsSettingsRemove')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </fieldset>

        <fieldset>
          <legend>{t('statsSettingsTargets')}</legend>
          <label class="stack">
            <span>{t('statsSettingsTargetAll')}</span>
            <input type="number" min={1} max={527040} value={toMinutes(config.targetSeconds)} onChange={(e) => update({ targetSeconds: fromMinutes(e.currentTarget.value) })} />
          </label>
          <label class="stack">
            <span>{t('statsSettingsBasis')}</span>
            <select value={config.targetBasis} onChange={(e) => update({ targetBasis: e.currentTarget.value === 'wall' ? 'wall' : 'business' })}>
              <option value="business">{t('statsBasisBusiness')}</option>
              <option value="wall">{t('statsBasisWall')}</option>
            </select>
          </label>
          <details>
            <summary>{t('statsSettingsTargetPerPlatform')}</summary>
            <div class="stats-platform-targets">
              {PLATFORMS.map((platform) => (
                <label key={platform} class="stack">
                  <span class="platform-name">{platform}</span>
                  <input
                    type="number"
                    min={1}
                    placeholder={toMinutes(config.targetSeconds)}
                    value={config.platformTargets[platform] ? toMinutes(config.platformTargets[platform]) : ''}
                    onChange={(e) => setPlatformTarget(platform, e.currentTarget.value)}
                  />
                </label>
              ))}
            </div>
          </details>
        </fieldset>

        <fieldset>
          <legend>{t('statsSettingsRetention')}</legend>
          <label class="stack">
            <span>{t('statsSettingsRetentionMonths')}</span>
            <input type="number" min={0} max={120} value={config.retentionMonths} onChange={(e) => update({ retentionMonths: Math.max(0, Math.round(Number(e.currentTarget.value) || 0)) })} />
          </label>
          <p class="hint">{t('statsSettingsRetentionHint')}</p>
        </fieldset>

        <div class="row">
          <button type="submit" disabled={saving}>{t('optionsSave')}</button>
          <span role="status">{status ? t(status.key, status.arg ?? '') : ''}</span>
        </div>
      </form>
      <DeleteAllData />
    </section>
  );
}
