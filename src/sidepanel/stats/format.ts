import { formatDuration } from '../../shared/domain/response-time';
import { uiLanguage } from '../../shared/ui/i18n';
import { parseDayKey } from '../../shared/domain/stats/zone';

/** Intl formatters for the UI language, created once per panel. */
export function formatters() {
  const lang = uiLanguage();
  const integer = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return {
    count: (n: number) => integer.format(n),
    percent: (share: number | null) => (share === null ? '—' : percent.format(share)),
    duration: (seconds: number | null) => (seconds === null ? '—' : formatDuration(Math.round(seconds))),
    /** Short enough for a chart axis in a 360 px panel: "45 s", "20 min", "5.5 h", "2 d". */
    axisDuration: (seconds: number) => {
      if (seconds < 60) return `${integer.format(seconds)} s`;
      if (seconds < 3600) return `${integer.format(seconds / 60)} min`;
      if (seconds < 86_400) return `${oneDecimal.format(seconds / 3600)} h`;
      return `${oneDecimal.format(seconds / 86_400)} d`;
    },
    /** A day key shown as "3 mar" / "Mar 3" (the key is already local to the stats zone). */
    day: (key: string) => {
      const date = parseDayKey(key);
      return date ? day.format(Date.UTC(date.year, date.month - 1, date.day)) : key;
    },
  };
}

export type Formatters = ReturnType<typeof formatters>;

/** Seconds since epoch at UTC midnight of a day key: uPlot's x value for that day. */
export function dayToX(key: string): number {
  const date = parseDayKey(key);
  return date ? Date.UTC(date.year, date.month - 1, date.day) / 1000 : 0;
}
