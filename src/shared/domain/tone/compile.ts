import { foldText } from '../text';
import { MAX_GUIDE_PATTERNS, unsafePatternError } from './regex-rules';
import { regexRisk } from './regex-safety';
import type { AvoidRule, PreferRule, RuleError, ToneRule } from './types';
import { wholeWords } from './words';

/** A plain term and the rules that own it (one term may belong to several rules). */
export interface TermOwner {
  rule: AvoidRule | PreferRule;
  /** The preferred replacement, for `prefer` rules. */
  fix?: string;
}

export interface CompiledGuide {
  /** Every plain avoid/prefer term in one alternation, longest first, on folded text. */
  terms: RegExp | null;
  owners: Map<string, TermOwner[]>;
  /** Regex avoid rules, each compiled alone so one bad pattern cannot break the rest. */
  patterns: Array<{ rule: AvoidRule; regex: RegExp }>;
  others: Exclude<ToneRule, AvoidRule | PreferRule>[];
  errors: RuleError[];
}


function addOwner(owners: Map<string, TermOwner[]>, term: string, owner: TermOwner): void {
  const key = foldText(term.trim());
  if (!key) return;
  const list = owners.get(key);
  if (list) list.push(owner);
  else owners.set(key, [owner]);
}

/**
 * Compiles a guide's rules once (not per keystroke). Invalid rules are reported by id with the
 * reason and left out; every other rule keeps working. Regex patterns outside the safe subset
 * (regex-safety.ts) are refused here too, whatever let them in: a pack stored by an earlier
 * version is reported like any invalid rule instead of hanging the check.
 */
export function compileGuide(rules: readonly ToneRule[]): CompiledGuide {
  const owners = new Map<string, TermOwner[]>();
  const patterns: CompiledGuide['patterns'] = [];
  const others: CompiledGuide['others'] = [];
  const errors: RuleError[] = [];
  let patternChars = 0;
  for (const rule of rules) {
    if (rule.kind === 'avoid' && rule.regex) {
      for (const source of rule.terms) {
        patternChars += source.length;
        const risk = patternChars > MAX_GUIDE_PATTERNS ? 'tooMuch' : regexRisk(source);
        if (risk) {
          errors.push(unsafePatternError(rule.id, source, risk));
          continue;
        }
        try {
          patterns.push({ rule, regex: new RegExp(source, 'giu') });
        } catch (error) {
          errors.push({ ruleId: rule.id, error: error instanceof Error ? error.message : String(error) });
        }
      }
    } else if (rule.kind === 'avoid') {
      for (const term of rule.terms) addOwner(owners, term, { rule });
    } else if (rule.kind === 'prefer') {
      for (const [avoid, preferred] of Object.entries(rule.swap)) addOwner(owners, avoid, { rule, fix: preferred });
    } else {
      others.push(rule);
    }
  }
  // Longest first, so "no es posible" wins over "no".
  const keys = [...owners.keys()].sort((a, b) => b.length - a.length);
  const terms = keys.length ? new RegExp(wholeWords(keys), 'gu') : null;
  return { terms, owners, patterns, others, errors };
}
