import * as v from 'valibot';
import { compileGuide } from './compile';
import { toneRulesFrom } from './schema';
import type { RuleError } from './types';

/** A rule as the personal guide (and a pack) stores it: engine fields plus a message per language. */
export interface StoredRule {
  id: string;
  [field: string]: unknown;
}

export interface GuideSection {
  id: string;
  title: string;
  body: string;
}

/** The user's own tone guide: Markdown sections, machine-checkable rules, extra crisis signals. */
export interface PersonalGuide {
  sections: GuideSection[];
  rules: StoredRule[];
  crisisSignals: string[];
  /** Milliseconds; a save based on an older value is refused (another window saved meanwhile). */
  updatedAt: number;
}

export const GUIDE_LIMITS = { sections: 30, title: 200, body: 20_000, rules: 300, ruleId: 100, signals: 300, signal: 100 } as const;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** Bounds on everything stored: huge or malformed input is refused before it reaches the table. */
export const PersonalGuideSchema = v.object({
  sections: v.pipe(
    v.array(v.object({ id: text(100), title: text(GUIDE_LIMITS.title), body: text(GUIDE_LIMITS.body) })),
    v.maxLength(GUIDE_LIMITS.sections),
  ),
  // Rules are checked one by one with the engine's schema (an invalid one is named, not fatal);
  // here only their size is bounded.
  rules: v.pipe(
    v.array(v.looseObject({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(GUIDE_LIMITS.ruleId)) })),
    v.maxLength(GUIDE_LIMITS.rules),
    v.check((rules) => JSON.stringify(rules).length <= 1_000_000, 'Rules too large'),
  ),
  crisisSignals: v.pipe(v.array(text(GUIDE_LIMITS.signal)), v.maxLength(GUIDE_LIMITS.signals)),
  updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const EMPTY_GUIDE: PersonalGuide = { sections: [], rules: [], crisisSignals: [], updatedAt: 0 };

/** A stored value read back as a guide, or the empty guide when it is missing or malformed. */
export function readPersonalGuide(value: unknown): PersonalGuide {
  const parsed = v.safeParse(PersonalGuideSchema, value);
  return parsed.success ? (parsed.output as PersonalGuide) : EMPTY_GUIDE;
}

/** The message of a rule in `lang`, falling back to the other language and then to `message`. */
export function localizedRule(rule: StoredRule, lang: 'es' | 'en'): StoredRule {
  const messages = rule.messages as { es?: unknown; en?: unknown } | undefined;
  if (!messages || typeof messages !== 'object') return rule;
  const other = lang === 'es' ? 'en' : 'es';
  const pick = [messages[lang], messages[other], rule.message].find((item) => typeof item === 'string' && item.trim() !== '');
  return pick === undefined ? rule : { ...rule, message: pick };
}

/**
 * Why a rule cannot be used (schema, then pattern compilation and safety), or null. The caller
 * names the rule; `ids` are the other rules' ids, which must differ. A refused regex pattern
 * comes with its `risk`, for the UI's words.
 */
export function ruleCheck(rule: StoredRule, ids: readonly string[]): RuleError | null {
  const problem = (error: string): RuleError => ({ ruleId: rule.id, error });
  if (!rule.id.trim()) return problem('id: empty');
  if (ids.includes(rule.id)) return problem('id: already used by another rule');
  const parsed = toneRulesFrom([localizedRule(rule, 'es')]);
  if (parsed.errors[0]) return parsed.errors[0];
  return compileGuide(parsed.rules).errors[0] ?? null;
}

/** {@link ruleCheck} in the engine's words (English). */
export function ruleProblem(rule: StoredRule, ids: readonly string[]): string | null {
  return ruleCheck(rule, ids)?.error ?? null;
}
