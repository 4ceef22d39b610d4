import { uiLanguage } from '../shared/ui/i18n';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "hace 2 horas" / "2 hours ago", in the UI language. */
export function ago(at: number, now: number): string {
  const format = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto' });
  const elapsed = Math.max(0, now - at);
  for (const [unit, ms] of UNITS) if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit);
  return format.format(0, 'minute');
}

