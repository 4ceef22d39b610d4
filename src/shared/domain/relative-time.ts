import { foldText } from './text';

/** A comment time read from a relative label: somewhere in `at ± windowMs / 2`. */
export interface ApproximateTime {
  at: number;
  precision: 'approximate';
  windowMs: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Unit words in English and Spanish, folded (no accents), as the sites abbreviate them. */
const UNITS = new Map<string, number>();
const unit = (ms: number, words: string): void => {
  for (const word of words.split(' ')) UNITS.set(word, ms);
};
unit(SECOND, 's sec secs second seconds seg segs segundo segundos');
unit(MINUTE, 'm min mins minute minutes minuto minutos');
unit(HOUR, 'h hr hrs hour hours hora horas');
unit(DAY, 'd day days dia dias');
unit(7 * DAY, 'w wk wks week weeks sem sems semana semanas');
unit(30 * DAY, 'mo mos month months mes meses');
unit(365 * DAY, 'y yr yrs year years a ano anos');

/** Matched after `bare` dropped "hace" and "ago". */
const NOW = /^(just now|now|right now|ahora|ahora mismo|justo ahora|un momento|unos segundos|a few seconds|few seconds|moments|a moment)$/;
const COUNT_UNIT = /^(?:(\d{1,5}) ?|(?:an?|one|una?|uno) )([a-z]{1,8})\.?$/;

/** The label without decorations: "hace", "ago", "(edited)", "· Editado", surrounding spaces. */
function bare(label: string): string {
  return foldText(label)
    .replace(/\((edited|editado)\)/g, ' ')
    .split(/[•·|]/)[0]!
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(hace|about|around|over|almost|alrededor de|casi) /, '')
    .replace(/ (ago|atras)$/, '');
}

/** Local midnight at the start of the day that holds `time`. */
function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/**
 * Reads labels such as "2 h", "5m", "3d", "1 sem", "2w", "hace 3 días", "2 hrs ago", "ayer",
 * "Yesterday at 3:15 PM" or "Just now" relative to `now`. Sites floor the age ("2 h" means 2 to 3
 * hours), so the answer is the middle of that window. Returns null for anything else.
 */
export function parseRelativeTime(label: string, now: number): ApproximateTime | null {
  if (label.length > 80 || !Number.isFinite(now)) return null;
  const text = bare(label);
  if (NOW.test(text)) return { at: now - MINUTE / 2, precision: 'approximate', windowMs: MINUTE };
  const day = /^(yesterday|ayer|today|hoy)\b/.exec(text)?.[1];
  if (day) {
    const today = startOfDay(now);
    if (day === 'today' || day === 'hoy') return { at: (today + now) / 2, precision: 'approximate', windowMs: now - today };
    // Yesterday's window is the previous calendar day (23 or 25 hours across a DST change).
    const yesterday = startOfDay(today - HOUR);
    return { at: (yesterday + today) / 2, precision: 'approximate', windowMs: today - yesterday };
  }
  const match = COUNT_UNIT.exec(text);
  if (!match) return null;
  const count = match[1] === undefined ? 1 : Number(match[1]);
  const size = UNITS.get(match[2]!);
  if (size === undefined) return null;
  return { at: now - (count + 0.5) * size, precision: 'approximate', windowMs: size };
}
