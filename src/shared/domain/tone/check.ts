import { foldText } from '../text';
import type { CompiledGuide } from './compile';
import { wholeWords } from './words';
import { foldWithMap } from './fold-map';
import { TU_MARKERS, USTED_MARKERS } from './formality';
import type {
  DraftContext,
  EmojiRule,
  Finding,
  FormalityRule,
  LengthRule,
  RequireRule,
  ShoutingRule,
} from './types';

const EMOJI = /\p{Extended_Pictographic}/gu;
const LETTER = /\p{L}/gu;
const UPPER = /\p{Lu}/gu;
const wordsRegex = (words: string[], flags: string) => new RegExp(wholeWords(words.map(foldText)), flags);
const TU = wordsRegex(TU_MARKERS, 'gu');
const USTED = wordsRegex(USTED_MARKERS, 'gu');

/** Whole-word tests for `require` rules, built once per term and reused on every keystroke. */
const wordTests = new Map<string, RegExp>();
function containsWord(foldedText: string, term: string): boolean {
  let regex = wordTests.get(term);
  if (!regex) {
    regex = wordsRegex([term.trim()], 'u');
    wordTests.set(term, regex);
  }
  return regex.test(foldedText);
}

const fill = (message: string, match: string) => message.replace(/\$match/g, match);

/**
 * Regex rules see only the draft's first characters: backtracking cost grows with the text, and
 * even a pattern of the safe subset (regex-safety.ts) may be quadratic in it.
 */
export const PATTERN_TEXT_LIMIT = 1000;

/** A finding over one regex match, its message filled with the matched text. */
function findingForMatch(rule: { id: string; severity: Finding['severity']; message: string }, match: RegExpMatchArray): Finding {
  const start = match.index ?? 0;
  return { ruleId: rule.id, severity: rule.severity, message: fill(rule.message, match[0]), start, end: start + match[0].length };
}

/** Keeps the capital of the word being replaced ("Problema" → "Incidencia"). */
function matchCase(original: string, fix: string): string {
  const first = original[0];
  return first && first !== first.toLowerCase() ? fix.charAt(0).toUpperCase() + fix.slice(1) : fix;
}

function checkLength(rule: LengthRule, draft: string, context: DraftContext): Finding[] {
  const max = (context.platform && rule.max[context.platform]) ?? rule.max.default;
  const length = [...draft].length;
  if (max === undefined || length <= max) return [];
  return [{ ruleId: rule.id, severity: rule.severity, message: fill(rule.message, String(length)), start: 0, end: draft.length }];
}

function lineRange(draft: string, where: RequireRule['where']): [number, number] {
  if (where === 'start') {
    const end = draft.indexOf('\n');
    return [0, end === -1 ? draft.length : end];
  }
  if (where === 'end') {
    const trimmed = draft.trimEnd();
    return [trimmed.lastIndexOf('\n') + 1, trimmed.length];
  }
  return [0, draft.length];
}

function checkRequire(rule: RequireRule, draft: string, context: DraftContext): Finding[] {
  const [start, end] = lineRange(draft, rule.where ?? 'anywhere');
  const region = foldText(draft.slice(start, end));
  let wanted: string[];
  if (rule.element === 'name') {
    if (!context.firstName) return [];
    wanted = [context.firstName];
  } else {
    wanted = rule.patterns ?? [];
  }
  const found = wanted.some((term) => term.trim() !== '' && containsWord(region, term));
  return found ? [] : [{ ruleId: rule.id, severity: rule.severity, message: rule.message, start, end }];
}

function checkShouting(rule: ShoutingRule, draft: string): Finding[] {
  const letters = draft.match(LETTER)?.length ?? 0;
  const upper = draft.match(UPPER)?.length ?? 0;
  const exclamations = (draft.match(/!/g) ?? []).length;
  const shouting = (letters >= 12 && upper / letters > rule.maxUpperRatio) || exclamations > rule.maxExclamations;
  return shouting ? [{ ruleId: rule.id, severity: rule.severity, message: rule.message, start: 0, end: draft.length }] : [];
}

function checkEmoji(rule: EmojiRule, draft: string): Finding[] {
  const findings: Finding[] = [];
  let count = 0;
  for (const match of draft.matchAll(EMOJI)) {
    count++;
    const disallowed = rule.allowed !== undefined && !rule.allowed.includes(match[0]);
    if (disallowed || count > rule.max) findings.push(findingForMatch(rule, match));
  }
  return findings;
}

function checkFormality(rule: FormalityRule, folded: string, map: number[], draft: string): Finding[] {
  const locate = (regex: RegExp) =>
    [...folded.matchAll(regex)].map((m) => ({ start: map[m.index]!, end: map[m.index + m[0].length]! }));
  const tu = locate(TU);
  const usted = locate(USTED);
  let flagged: typeof tu = [];
  if (rule.expect === 'usted') flagged = tu;
  else if (rule.expect === 'tu') flagged = usted;
  else if (tu.length && usted.length) flagged = tu.length < usted.length ? tu : usted;
  return flagged.map(({ start, end }) => ({
    ruleId: rule.id,
    severity: rule.severity,
    message: fill(rule.message, draft.slice(start, end)),
    start,
    end,
  }));
}

/** One regex rule's findings, over the first {@link PATTERN_TEXT_LIMIT} characters of the draft. */
export function patternFindings({ rule, regex }: CompiledGuide['patterns'][number], draft: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of draft.slice(0, PATTERN_TEXT_LIMIT).matchAll(regex)) {
    if (!match[0]) break;
    findings.push(findingForMatch(rule, match));
  }
  return findings;
}

/**
 * Checks a draft against a compiled guide. Runs locally on every (debounced) change, so it does
 * one pass for all plain terms and never compiles a regex.
 */
export function checkDraft(guide: CompiledGuide, draft: string, context: DraftContext = {}): Finding[] {
  const { folded, map } = foldWithMap(draft);
  const findings: Finding[] = [];
  if (guide.terms) {
    for (const match of folded.matchAll(guide.terms)) {
      const start = map[match.index]!;
      const end = map[match.index + match[0].length]!;
      const original = draft.slice(start, end);
      for (const owner of guide.owners.get(match[0]) ?? []) {
        findings.push({
          ruleId: owner.rule.id,
          severity: owner.rule.severity,
          message: fill(owner.rule.message, original),
          start,
          end,
          ...(owner.fix !== undefined ? { fix: matchCase(original, owner.fix) } : {}),
        });
      }
    }
  }
  for (const pattern of guide.patterns) findings.push(...patternFindings(pattern, draft));
  for (const rule of guide.others) {
    if (rule.kind === 'length') findings.push(...checkLength(rule, draft, context));
    else if (rule.kind === 'require') findings.push(...checkRequire(rule, draft, context));
    else if (rule.kind === 'shouting') findings.push(...checkShouting(rule, draft));
    else if (rule.kind === 'emoji') findings.push(...checkEmoji(rule, draft));
    else findings.push(...checkFormality(rule, folded, map, draft));
  }
  return findings.sort(byPosition);
}

/** The order findings are listed in: by where they start, then by rule. */
export const byPosition = (a: Finding, b: Finding) => a.start - b.start || a.ruleId.localeCompare(b.ruleId);

/** Applies one finding's fix to the draft (the panel's one-click fix). */
export function applyFix(draft: string, finding: Finding): string {
  if (finding.fix === undefined) return draft;
  return draft.slice(0, finding.start) + finding.fix + draft.slice(finding.end);
}
