import type { OpenInterval } from '../../shared/domain/stats/business-hours';
import { uiLanguage } from '../../shared/ui/i18n';
import { t } from '../../shared/ui/i18n';

const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];

const toTime = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const fromTime = (text: string, endOfDay: boolean) => {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  // 00:00 as a closing time means midnight at the end of the day.
  return endOfDay && minutes === 0 ? 1440 : minutes;
};

/** One row per weekday (Monday first): open or closed, with opening and closing times. */
export function WeekEditor(props: { week: OpenInterval[][]; onChange: (week: OpenInterval[][]) => void }) {
  const names = new Intl.DateTimeFormat(uiLanguage(), { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-07 was a Sunday: index i is that date plus i days.
  const dayName = (index: number) => names.format(Date.UTC(2024, 0, 7 + index));

  const set = (index: number, intervals: OpenInterval[]) => props.onChange(props.week.map((day, i) => (i === index ? intervals : day)));

  return (
    <table class="stats-week">
      <tbody>
        {MONDAY_FIRST.map((index) => {
          const interval = props.week[index]?.[0];
          const open = interval !== undefined;
          return (
            <tr key={index}>
              <th scope="row">
                <label>
                  <input type="checkbox" checked={open} onChange={(e) => set(index, e.currentTarget.checked ? [{ start: 540, end: 1080 }] : [])} />{' '}
                  {dayName(index)}
                </label>
              </th>
              <td>
                {open ? (
                  <span class="stats-hours">
                    <input
                      type="time"
                      aria-label={t('statsSettingsOpens', dayName(index))}
                      value={toTime(interval.start)}
                      onChange={(e) => {
                        const start = fromTime(e.currentTarget.value, false);
                        if (start !== null && start < interval.end) set(index, [{ start, end: interval.end }]);
                      }}
                    />
                    –
                    <input
                      type="time"
                      aria-label={t('statsSettingsCloses', dayName(index))}
                      value={toTime(interval.end)}
                      onChange={(e) => {
                        const end = fromTime(e.currentTarget.value, true);
                        if (end !== null && end > interval.start) set(index, [{ start: interval.start, end }]);
                      }}
                    />
                  </span>
                ) : (
                  <span class="hint">{t('statsSettingsClosed')}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
