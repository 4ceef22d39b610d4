import { atomSet, EMPTY_SET, intersects, union, type CharSet } from './char-sets';
import { parseRegex, type Alternatives, type RegexNode, type Sequence } from './regex-parse';

/**
 * Why a tone rule's pattern is refused: it could make the regex engine backtrack for seconds on
 * a short draft (`^(\w+\s?)+$` took 2.1 s on 29 characters). Tone rules run in the worker that
 * also answers shortcuts, so only a conservative subset of regex syntax is accepted:
 *
 * - `nested`: nothing repeated may contain a choice of length, so no `(a+)+`, `(\w+\s?)+`,
 *   `(a*){3}` (star height one); a fixed count inside a repeat is fine: `(?:\d{3}-)+`.
 * - `overlap`: a repeated group's alternatives must part ways (start with different characters,
 *   or as plain characters differ before either ends) and none may be empty: `(?:a|b)+` and
 *   `(?:ab|ac)+` yes, `(a|a)*`, `(\w|\d)+`, `(a|ab)+`, `(a|)+` no.
 * - `emptyRepeat`: what is repeated must consume a character on every turn: no `(?:\b)+`.
 * - `adjacent`: two parts of variable length that can take the same characters must be separated
 *   by a required character the first of them cannot take: `\w+@\w+` and `\d+\.\d+` yes,
 *   `\w*\w*`, `\s*-?\s*`, `a?a?aa`, `.*a.*b` no. (Alternatives that can both match, like
 *   `(?:problema|problemas)`, count as such a part.)
 * - `longOverlap`: after a part of open length (`+`, `*`, `{2,}`, `{1,40}`) at most 32 steps
 *   (a counted repeat costs 8 a turn) may follow that can take its characters before one that
 *   cannot: `\w+a{100}b` is refused.
 * - `lookaround`: a lookahead or lookbehind may not contain a choice of length: `(?=\w+)` no,
 *   `(?<![\p{L}\p{N}])` yes.
 * - `backreference`: no `\1` or `\k<name>`.
 * - `count`: no count above 1000.
 * - `unsupported`: syntax this check does not read (flag modifiers such as `(?i:…)`).
 * - `tooLong`: a pattern longer than 500 characters.
 * - `tooMuch`: the patterns of one pack, or of every rule checked together, exceed a total
 *   (regex-rules.ts adds them up; this check alone never answers it).
 *
 * Ordinary patterns stay accepted: `\bdevoluci[oó]n\b`, `reembols(o|ar)`, `\d{4,}`,
 * `(?:hola|buenas)`, `https?://\S+`, `\b\d{3}[-.\s]?\d{3}[-.\s]?\d{4}\b`.
 */
export const REGEX_RISKS = [
  'nested', 'overlap', 'emptyRepeat', 'adjacent', 'longOverlap', 'lookaround', 'backreference', 'count', 'unsupported', 'tooLong', 'tooMuch',
] as const;
export type RegexRisk = (typeof REGEX_RISKS)[number];

export const MAX_PATTERN_LENGTH = 500;
const MAX_COUNT = 1000;
/** A choice of more positions than this is "open": backtracking over it scales with the draft. */
const OPEN_RANGE = 8;
const MAX_OPEN_FOLLOW = 32;
const COUNTED_STEP = 8;

class Refused extends Error {
  constructor(readonly risk: RegexRisk) {
    super(risk);
  }
}

/** A part of variable length that later parts might re-match by backtracking into it. */
interface Choice {
  set: CharSet;
  open: boolean;
  /** Steps since it that could take its characters (only counted for open ones). */
  follow: number;
}

function nullable(node: RegexNode): boolean {
  switch (node.kind) {
    case 'char':
      return false;
    case 'repeat':
      return node.min === 0 || nullable(node.body);
    case 'group':
      return node.body.some((sequence) => sequence.every(nullable));
    default:
      return true;
  }
}

/** Every character a node may consume (lookarounds consume none). */
const consumes = memo((node: RegexNode): CharSet => {
  if (node.kind === 'char') return atomSet(node.source);
  if (node.kind === 'repeat') return node.max === 0 ? EMPTY_SET : consumes(node.body);
  if (node.kind === 'group') return node.body.flat().reduce((set, child) => union(set, consumes(child)), EMPTY_SET);
  return EMPTY_SET;
});

/** Memoised per parsed node: a pattern's alternatives are compared pairwise. */
function memo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const known = new WeakMap<K, V>();
  return (key) => {
    if (!known.has(key)) known.set(key, compute(key));
    return known.get(key)!;
  };
}

/** The characters a sequence may start with. */
const first = memo((sequence: Sequence): CharSet => {
  let set = EMPTY_SET;
  for (const node of sequence) {
    set = union(set, firstOf(node));
    if (!nullable(node)) break;
  }
  return set;
});
function firstOf(node: RegexNode): CharSet {
  if (node.kind === 'char') return atomSet(node.source);
  if (node.kind === 'repeat') return node.max === 0 ? EMPTY_SET : firstOf(node.body);
  if (node.kind === 'group') return node.body.reduce((set, sequence) => union(set, first(sequence)), EMPTY_SET);
  return EMPTY_SET;
}

/**
 * Whether two alternatives can never both match at one place: they start differently, or, as
 * plain characters, part ways before either ends (`reembolso|reclamo`). `problema|problemas`
 * can both match.
 */
function exclusive(a: Sequence, b: Sequence): boolean {
  if (!intersects(first(a), first(b))) return true;
  const chars = (sequence: Sequence) => sequence.filter((node) => node.kind !== 'assertion' && node.kind !== 'lookaround');
  const [x, y] = [chars(a), chars(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i]!, y[i]!];
    if (p.kind !== 'char' || q.kind !== 'char') return false;
    if (!intersects(atomSet(p.source), atomSet(q.source))) return true;
  }
  return false;
}

/** Alternatives that could both match at one place: an empty one, or two that do not part ways. */
const ambiguous = memo((body: Alternatives): boolean => {
  if (body.length < 2) return false;
  if (body.some((sequence) => sequence.every(nullable))) return true;
  return body.some((a, i) => body.some((b, j) => j > i && !exclusive(a, b)));
});

/** The first kind of choice inside a node: a variable-length repeat or ambiguous alternatives. */
function choiceInside(node: RegexNode): 'nested' | 'overlap' | null {
  if (node.kind === 'repeat') return node.min !== node.max ? 'nested' : choiceInside(node.body);
  if (node.kind !== 'group' && node.kind !== 'lookaround') return null;
  let found: 'nested' | 'overlap' | null = ambiguous(node.body) ? 'overlap' : null;
  for (const child of node.body.flat()) {
    const inner = choiceInside(child);
    if (inner === 'nested') return 'nested';
    found ??= inner;
  }
  return found;
}

/** How much matching work a node costs per attempt, counted repeats weighted. */
function steps(node: RegexNode): number {
  if (node.kind === 'char') return 1;
  if (node.kind === 'repeat') return steps(node.body) * Math.min(node.max, MAX_COUNT) * (node.max > 1 ? COUNTED_STEP : 1);
  if (node.kind === 'group' || node.kind === 'lookaround') return node.body.flat().reduce((sum, child) => sum + steps(child), 0);
  return 0;
}

/**
 * Walks the pattern in matching order with the choices that are still "live": ones a later part
 * could backtrack into because every required character since could also be theirs.
 */
function walk(node: RegexNode, live: Choice[], weight: number): Choice[] {
  switch (node.kind) {
    case 'backreference':
      throw new Refused('backreference');
    case 'assertion':
      return live;
    case 'lookaround': {
      if (choiceInside(node)) throw new Refused('lookaround');
      for (const choice of live) addFollow(choice, steps(node) * weight);
      return live;
    }
    case 'char': {
      const set = atomSet(node.source);
      const kept = live.filter((choice) => intersects(choice.set, set));
      for (const choice of kept) addFollow(choice, weight);
      return kept;
    }
    case 'group':
      return walkAlternatives(node.body, live, weight);
    case 'repeat':
      return walkRepeat(node, live, weight);
  }
}

function addFollow(choice: Choice, amount: number): void {
  choice.follow += amount;
  if (choice.open && choice.follow > MAX_OPEN_FOLLOW) throw new Refused('longOverlap');
}

function walkSequence(sequence: Sequence, live: Choice[], weight: number): Choice[] {
  return sequence.reduce((current, node) => walk(node, current, weight), live);
}

/**
 * A new choice must not be able to start on what a live one could give back: then the two could
 * split the same run of characters in many ways (`\w*\w*`). One that starts elsewhere cannot
 * (`\d+(?:[.,]\d{2})?`).
 */
function checkStart(live: Choice[], start: CharSet): void {
  if (live.some((other) => intersects(other.set, start))) throw new Refused('adjacent');
}

function walkAlternatives(body: Alternatives, live: Choice[], weight: number): Choice[] {
  if (body.length === 1) return walkSequence(body[0]!, live, weight);
  let choice: Choice | null = null;
  if (ambiguous(body)) {
    checkStart(live, body.reduce((set, sequence) => union(set, first(sequence)), EMPTY_SET));
    choice = { set: body.flat().reduce((set, child) => union(set, consumes(child)), EMPTY_SET), open: false, follow: 0 };
  }
  const out = new Set<Choice>();
  for (const sequence of body) for (const kept of walkSequence(sequence, live, weight)) out.add(kept);
  if (choice) out.add(choice);
  return [...out];
}

function walkRepeat(node: Extract<RegexNode, { kind: 'repeat' }>, live: Choice[], weight: number): Choice[] {
  const { min, max, body } = node;
  if (min > MAX_COUNT || (max !== Infinity && max > MAX_COUNT)) throw new Refused('count');
  if (max === 0) return live;
  if (max > 1) {
    const inner = choiceInside(body);
    if (inner) throw new Refused(inner);
    if (nullable(body)) throw new Refused('emptyRepeat');
  }
  if (min === max) return walk(body, live, weight * min * (min > 1 ? COUNTED_STEP : 1));
  checkStart(live, firstOf(body));
  const choice: Choice = { set: consumes(body), open: max === Infinity || max - min > OPEN_RANGE, follow: 0 };
  if (max === 1) {
    // Optional: the body's own choices are checked against what came before; skipping keeps all.
    const inside = walk(body, live, weight);
    return [...new Set([...live, ...inside, choice])];
  }
  const after = min > 0 ? walk(body, live, weight * min * (min > 1 ? COUNTED_STEP : 1)) : live;
  return [...after, choice];
}

/**
 * Why `source` is refused as a tone rule pattern, or null when it is in the safe subset. A
 * pattern the engine itself rejects is not this check's business (it answers null); the
 * compiler reports the engine's error.
 */
export function regexRisk(source: string): RegexRisk | null {
  if (source.length > MAX_PATTERN_LENGTH) return 'tooLong';
  try {
    new RegExp(source, 'giu');
  } catch {
    return null;
  }
  const parsed = parseRegex(source);
  if (!parsed.ok) return 'unsupported';
  try {
    walkAlternatives(parsed.tree, [], 1);
    return null;
  } catch (error) {
    if (error instanceof Refused) return error.risk;
    throw error;
  }
}
