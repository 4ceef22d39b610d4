import type { Platform } from '../platform';
import type { RegexRisk } from './regex-safety';

export type Severity = 'error' | 'warning' | 'suggestion';

interface RuleBase {
  id: string;
  severity: Severity;
  /** Shown to the agent, in the guide's language. `$match` is replaced by the offending text. */
  message: string;
}

/** Words or phrases the brand never uses (Vale's "existence"). Plain terms, or regexes if `regex`. */
export interface AvoidRule extends RuleBase {
  kind: 'avoid';
  terms: string[];
  regex?: boolean;
}

/** "Use X instead of Y" (Vale's "substitution"), with a one-click fix. */
export interface PreferRule extends RuleBase {
  kind: 'prefer';
  /** Key: the term to avoid; value: the preferred term. */
  swap: Record<string, string>;
}

export interface LengthRule extends RuleBase {
  kind: 'length';
  /** Per-platform maximum; `default` applies elsewhere. */
  max: Partial<Record<Platform | 'default', number>>;
}

/** Something every reply must contain: a greeting, the person's name, a sign-off. */
export interface RequireRule extends RuleBase {
  kind: 'require';
  /** `name` checks for the commenter's first name; otherwise one of `patterns` must appear. */
  element: 'greeting' | 'signoff' | 'name' | 'custom';
  patterns?: string[];
  /** Where to look: the first or last line, or anywhere. */
  where?: 'start' | 'end' | 'anywhere';
}

/** Too many capitals or exclamation marks reads as shouting. */
export interface ShoutingRule extends RuleBase {
  kind: 'shouting';
  /** Share of upper-case letters (0–1) above which the draft shouts; ignored under 12 letters. */
  maxUpperRatio: number;
  maxExclamations: number;
}

export interface EmojiRule extends RuleBase {
  kind: 'emoji';
  /** At most this many emoji (0 forbids them); `allowed` limits which ones. */
  max: number;
  allowed?: string[];
}

/** Spanish tú/usted consistency; `expect` forces one, otherwise mixing both is flagged. */
export interface FormalityRule extends RuleBase {
  kind: 'formality';
  expect?: 'tu' | 'usted';
}

export type ToneRule = AvoidRule | PreferRule | LengthRule | RequireRule | ShoutingRule | EmojiRule | FormalityRule;

/** One problem in the draft, with offsets into the draft as written. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** Replacement text for [start, end) when the rule knows the fix. */
  fix?: string;
}

/** A rule that could not be compiled; the other rules keep working. */
export interface RuleError {
  ruleId: string;
  error: string;
  /** Set when a regex pattern was refused as unsafe (regex-safety.ts), with that pattern. */
  risk?: RegexRisk;
  pattern?: string;
}

export interface DraftContext {
  platform?: Platform;
  /** The commenter's first name, for `require: name`. */
  firstName?: string;
}
