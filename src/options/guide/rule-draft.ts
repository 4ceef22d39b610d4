import { PLATFORMS } from '../../shared/domain/platform';
import type { StoredRule } from '../../shared/domain/tone/personal-guide';
import type { Severity, ToneRule } from '../../shared/domain/tone/types';

export type RuleKind = ToneRule['kind'];
export const RULE_KINDS: readonly RuleKind[] = ['avoid', 'prefer', 'length', 'require', 'shouting', 'emoji', 'formality'];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'suggestion'];
export const LENGTH_KEYS = ['default', ...PLATFORMS.filter((platform) => platform !== 'other')] as const;

/** What the rule form edits: every field as the user types it (lists one item per line). */
export interface RuleDraft {
  id: string;
  kind: RuleKind;
  severity: Severity;
  messageEs: string;
  messageEn: string;
  terms: string;
  regex: boolean;
  swap: string;
  max: Record<string, string>;
  element: 'greeting' | 'signoff' | 'name' | 'custom';
  patterns: string;
  where: 'start' | 'end' | 'anywhere';
  upperPercent: string;
  exclamations: string;
  emojiMax: string;
  allowed: string;
  expect: '' | 'tu' | 'usted';
}

export function emptyDraft(kind: RuleKind, id: string): RuleDraft {
  return {
    id,
    kind,
    severity: 'warning',
    messageEs: '',
    messageEn: '',
    terms: '',
    regex: false,
    swap: '',
    max: {},
    element: 'greeting',
    patterns: '',
    where: 'start',
    upperPercent: '60',
    exclamations: '3',
    emojiMax: '0',
    allowed: '',
    expect: '',
  };
}

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);
const SWAP_SEPARATOR = /\s*(?:->|→|=>)\s*/;

/** A number field read as the engine wants it; NaN stays NaN so the engine names the field. */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** Lines of the "use X instead of Y" field that are not `avoid -> preferred`, 1-based. */
export function badSwapLines(swap: string): number[] {
  return swap
    .split('\n')
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line && line.split(SWAP_SEPARATOR).filter(Boolean).length !== 2)
    .map(({ index }) => index + 1);
}

/** The stored rule for a draft: only the fields its kind uses. */
export function ruleFromDraft(draft: RuleDraft): StoredRule {
  const base = {
    id: draft.id.trim(),
    kind: draft.kind,
    severity: draft.severity,
    message: draft.messageEs.trim() || draft.messageEn.trim(),
    messages: { es: draft.messageEs.trim(), en: draft.messageEn.trim() },
  };
  switch (draft.kind) {
    case 'avoid':
      return { ...base, terms: lines(draft.terms), ...(draft.regex ? { regex: true } : {}) };
    case 'prefer':
      return {
        ...base,
        swap: Object.fromEntries(
          lines(draft.swap)
            .map((line) => line.split(SWAP_SEPARATOR))
            .filter((parts) => parts.length === 2 && parts[0] && parts[1]),
        ),
      };
    case 'length':
      return {
        ...base,
        max: Object.fromEntries(Object.entries(draft.max).filter(([, value]) => value.trim() !== '').map(([key, value]) => [key, numberOf(value)])),
      };
    case 'require':
      return {
        ...base,
        element: draft.element,
        where: draft.where,
        ...(draft.element === 'name' ? {} : { patterns: lines(draft.patterns) }),
      };
    case 'shouting':
      return { ...base, maxUpperRatio: numberOf(draft.upperPercent) / 100, maxExclamations: numberOf(draft.exclamations) };
    case 'emoji': {
      const allowed = draft.allowed.split(/\s+/).filter(Boolean);
      return { ...base, max: numberOf(draft.emojiMax), ...(allowed.length ? { allowed } : {}) };
    }
    case 'formality':
      return { ...base, ...(draft.expect ? { expect: draft.expect } : {}) };
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown, separator: string) => (Array.isArray(value) ? value.filter((item) => typeof item === 'string').join(separator) : '');
const numberText = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : '');

/** A stored rule back in the form (unknown kinds open as an `avoid` rule with the same id). */
export function draftFromRule(rule: StoredRule): RuleDraft {
  const kind = RULE_KINDS.includes(rule.kind as RuleKind) ? (rule.kind as RuleKind) : 'avoid';
  const draft = emptyDraft(kind, rule.id);
  const messages = (rule.messages ?? {}) as { es?: unknown; en?: unknown };
  draft.severity = SEVERITIES.includes(rule.severity as Severity) ? (rule.severity as Severity) : 'warning';
  draft.messageEs = text(messages.es) || (messages.en === undefined ? text(rule.message) : '');
  draft.messageEn = text(messages.en);
  draft.terms = list(rule.terms, '\n');
  draft.regex = rule.regex === true;
  if (rule.swap && typeof rule.swap === 'object') {
    draft.swap = Object.entries(rule.swap as Record<string, unknown>).map(([from, to]) => `${from} -> ${text(to)}`).join('\n');
  }
  if (kind === 'length' && rule.max && typeof rule.max === 'object') {
    draft.max = Object.fromEntries(Object.entries(rule.max as Record<string, unknown>).map(([key, value]) => [key, numberText(value)]));
  }
  if (rule.element === 'greeting' || rule.element === 'signoff' || rule.element === 'name' || rule.element === 'custom') draft.element = rule.element;
  draft.patterns = list(rule.patterns, '\n');
  if (rule.where === 'start' || rule.where === 'end' || rule.where === 'anywhere') draft.where = rule.where;
  if (typeof rule.maxUpperRatio === 'number') draft.upperPercent = String(Math.round(rule.maxUpperRatio * 100));
  if (typeof rule.maxExclamations === 'number') draft.exclamations = String(rule.maxExclamations);
  if (kind === 'emoji') draft.emojiMax = numberText(rule.max);
  draft.allowed = list(rule.allowed, ' ');
  if (rule.expect === 'tu' || rule.expect === 'usted') draft.expect = rule.expect;
  return draft;
}
