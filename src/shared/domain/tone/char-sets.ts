/**
 * Which characters one regex atom (a literal, `.`, an escape or a `[…]` class) can match, as the
 * regex-safety check needs it: enough to tell "these two can match the same character" apart
 * from "they never can", erring towards "they can".
 *
 * A set is exact over a list of characters that rules actually mention (Latin letters with
 * accents, digits, punctuation, every `\s` space), computed by the regex engine itself under the
 * flags rules run with (`iu`), so case folding is the engine's. Everything else is one bucket,
 * `rest`, set whenever the atom might match anything outside the list. That is sound: a character
 * outside the list can only match an atom built from listed characters through case folding,
 * and then its listed partner matches both atoms too and shows in the exact part.
 */
export interface CharSet {
  bits: Uint32Array;
  rest: boolean;
}

/** The characters whose membership is exact: [from, to) segments. */
const SEGMENTS: ReadonlyArray<readonly [number, number]> = [
  [0, 0x250],
  [0x1680, 0x1681],
  [0x2000, 0x2070],
  [0x3000, 0x3001],
  [0xfeff, 0xff00],
];
const LISTED = SEGMENTS.flatMap(([from, to]) => Array.from({ length: to - from }, (_, i) => from + i));
const WORDS = Math.ceil(LISTED.length / 32);
/** The listed characters as one string: each is a single UTF-16 unit, so index i is LISTED[i]. */
const LISTED_TEXT = String.fromCharCode(...LISTED);

/** Whether every character from `from` to `to` (inclusive) is listed. */
const rangeListed = (from: number, to: number) => SEGMENTS.some(([start, end]) => from >= start && to < end);

export const EMPTY_SET: CharSet = { bits: new Uint32Array(WORDS), rest: false };

export function intersects(a: CharSet, b: CharSet): boolean {
  if (a.rest && b.rest) return true;
  for (let i = 0; i < WORDS; i++) if ((a.bits[i]! & b.bits[i]!) !== 0) return true;
  return false;
}

export function union(a: CharSet, b: CharSet): CharSet {
  const bits = new Uint32Array(WORDS);
  for (let i = 0; i < WORDS; i++) bits[i] = a.bits[i]! | b.bits[i]!;
  return { bits, rest: a.rest || b.rest };
}

/** The listed characters the engine matches with `source` (one atom) under `iu`, in one pass. */
function listedMatches(source: string): Uint32Array {
  const bits = new Uint32Array(WORDS);
  LISTED_TEXT.replace(new RegExp(source, 'giu'), (_match: string, index: number) => {
    bits[index >> 5]! |= 1 << (index & 31);
    return '';
  });
  return bits;
}

/** Whether `\s` has members outside the list (a newer Unicode could add a space); checked once. */
let spacesOutside: boolean | undefined;
function spacesListed(): boolean {
  if (spacesOutside === undefined) {
    const space = /\s/u;
    spacesOutside = false;
    for (let cp = 0; cp <= 0xffff && !spacesOutside; cp++) {
      if (!rangeListed(cp, cp) && space.test(String.fromCharCode(cp))) spacesOutside = true;
    }
  }
  return !spacesOutside;
}

const CONTROL: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0 };

/** The code point an escape stands for (`\u00e9`, `\x41`, `\t`, `\.`…), or null for a class escape. */
function escapedCodePoint(escape: string, inClass: boolean): number | null {
  const body = escape.slice(1);
  if (body in CONTROL) return CONTROL[body]!;
  if (inClass && body === 'b') return 8;
  if (/^(?:x[0-9a-f]{2}|u[0-9a-f]{4})$/i.test(body)) return parseInt(body.slice(1), 16);
  if (/^u\{[0-9a-f]+\}$/i.test(body)) return parseInt(body.slice(2, -1), 16);
  if (/^c[a-z]$/i.test(body)) return body.charCodeAt(1) % 32;
  if (/^[\^$\\.*+?()[\]{}|/-]$/.test(body)) return body.charCodeAt(0);
  return null;
}

const ESCAPE = /\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[a-zA-Z]|[pP]\{[^}]*\}|[^])/uy;
const asAtom = (cp: number) => `\\u{${cp.toString(16)}}`;

/**
 * A class body as standalone atoms (`\d`, `\p{L}`, `\u{e9}`, `[\u{61}-\u{7a}]`), so each is
 * computed once and shared: under `iu` a class matches a character exactly when one of its
 * members does. Null for anything not understood.
 */
function classItems(body: string): string[] | null {
  const items: string[] = [];
  let previous: number | null = null;
  let i = 0;
  const next = (): { cp: number | null; text: string } => {
    if (body[i] === '\\') {
      ESCAPE.lastIndex = i;
      const text = ESCAPE.exec(body)?.[0] ?? '\\';
      i += text.length;
      const cp = escapedCodePoint(text, true);
      // `\uD83D\uDE00` is one character in Unicode mode.
      const trail = cp !== null && cp >= 0xd800 && cp < 0xdc00 ? /^\\u(d[c-f][0-9a-f]{2})/i.exec(body.slice(i)) : null;
      if (trail) {
        i += trail[0].length;
        return { cp: 0x10000 + ((cp! - 0xd800) << 10) + (parseInt(trail[1]!, 16) - 0xdc00), text: '' };
      }
      return { cp, text };
    }
    const cp = body.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    return { cp, text: '' };
  };
  while (i < body.length) {
    if (body[i] === '-' && previous !== null && i + 1 < body.length) {
      i++;
      const { cp: end } = next();
      if (end === null) return null;
      items.pop();
      items.push(`[${asAtom(previous)}-${asAtom(end)}]`);
      previous = null;
      continue;
    }
    const { cp, text } = next();
    if (cp === null) {
      if (!/^\\(?:[dDwWsS]|[pP]\{[^}]*\})$/.test(text)) return null;
      items.push(text);
    } else {
      items.push(asAtom(cp));
    }
    previous = cp;
  }
  return items;
}

/** Whether an atom written without brackets may match a character outside the list. */
function mayMatchRest(source: string): boolean {
  if (source === '.') return true;
  if (source === '\\d' || source === '\\w') return false;
  if (source === '\\s') return !spacesListed();
  const range = /^\[\\u\{([0-9a-f]+)\}-\\u\{([0-9a-f]+)\}\]$/.exec(source);
  if (range) return !rangeListed(parseInt(range[1]!, 16), parseInt(range[2]!, 16));
  const cp = source.startsWith('\\') ? escapedCodePoint(source, false) : source.length <= 2 ? source.codePointAt(0)! : null;
  return cp === null || !rangeListed(cp, cp);
}

const cache = new Map<string, CharSet>();
const CACHE_LIMIT = 4096;

function remember(source: string, set: CharSet): CharSet {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(source, set);
  return set;
}

/** The union of a class's items; null if one does not compile alone (then the class is read whole). */
function membersOf(items: string[]): CharSet | null {
  try {
    return items.reduce((set, item) => union(set, atomSet(item)), EMPTY_SET);
  } catch {
    return null;
  }
}

/** The set of one atom, given as its regex source (`a`, `\.`, `\p{L}`, `[oó]`, `.`). */
export function atomSet(source: string): CharSet {
  const known = cache.get(source);
  if (known) return known;
  if (source.startsWith('[') && !/^\[\\u\{[0-9a-f]+\}-\\u\{[0-9a-f]+\}\]$/.test(source)) {
    const negated = source.startsWith('[^');
    const items = classItems(source.slice(negated ? 2 : 1, -1));
    const members = items && membersOf(items);
    if (members) {
      if (!negated) return remember(source, members);
      const bits = members.bits.map((word) => ~word >>> 0);
      // Unused bits past the last listed character stay clear.
      if (LISTED.length % 32) bits[WORDS - 1]! &= (1 << (LISTED.length % 32)) - 1;
      return remember(source, { bits, rest: true });
    }
    return remember(source, { bits: listedMatches(source), rest: true });
  }
  return remember(source, { bits: listedMatches(source), rest: mayMatchRest(source) });
}
