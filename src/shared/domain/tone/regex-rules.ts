import { regexRisk, type RegexRisk } from './regex-safety';
import type { RuleError } from './types';

/**
 * Characters of regex patterns one pack may carry, and all rules checked together. The safety
 * check costs a little per pattern; a file of megabytes of patterns would stall whoever reads it.
 */
export const MAX_PACK_PATTERNS = 20_000;
export const MAX_GUIDE_PATTERNS = 60_000;

/** The patterns a stored rule asks to run as regexes (an avoid rule with `regex: true`), as written. */
export function regexTerms(rule: { [field: string]: unknown }): string[] {
  if (rule.kind !== 'avoid' || rule.regex !== true || !Array.isArray(rule.terms)) return [];
  return rule.terms.filter((term): term is string => typeof term === 'string');
}

/** A refused pattern as a rule error: English for logs, `risk` and `pattern` for the UI's words. */
export function unsafePatternError(ruleId: string, pattern: string, risk: RegexRisk): RuleError {
  return { ruleId, error: `Pattern refused (${risk}): ${pattern.slice(0, 80)}`, risk, pattern };
}

/**
 * The first pattern in `rules` that the safety check refuses, or null. Used on import, so a pack
 * that could freeze the tone check never gets in; patterns the engine rejects are left to the
 * compiler, which reports and skips them as before.
 */
export function firstUnsafePattern(rules: readonly { id: string; [field: string]: unknown }[]): RuleError | null {
  let total = 0;
  for (const rule of rules) {
    for (const pattern of regexTerms(rule)) {
      total += pattern.length;
      if (total > MAX_PACK_PATTERNS) return unsafePatternError(rule.id, pattern, 'tooMuch');
    }
  }
  for (const rule of rules) {
    for (const pattern of regexTerms(rule)) {
      const risk = regexRisk(pattern);
      if (risk) return unsafePatternError(rule.id, pattern, risk);
    }
  }
  return null;
}
