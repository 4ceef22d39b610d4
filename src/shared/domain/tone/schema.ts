import * as v from 'valibot';
import type { RuleError, ToneRule } from './types';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const base = {
  id: text(100),
  severity: v.picklist(['error', 'warning', 'suggestion']),
  message: text(500),
};
const limit = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000));

/** Tone rules as a team pack carries them (`rules[]`), checked before a rule ever runs. */
export const ToneRuleSchema = v.variant('kind', [
  v.object({ ...base, kind: v.literal('avoid'), terms: v.pipe(v.array(text(500)), v.maxLength(500)), regex: v.optional(v.boolean()) }),
  v.object({ ...base, kind: v.literal('prefer'), swap: v.pipe(v.record(text(200), text(200)), v.check((swap) => Object.keys(swap).length <= 500)) }),
  v.object({ ...base, kind: v.literal('length'), max: v.record(text(20), limit) }),
  v.object({
    ...base,
    kind: v.literal('require'),
    element: v.picklist(['greeting', 'signoff', 'name', 'custom']),
    patterns: v.optional(v.pipe(v.array(text(200)), v.maxLength(100))),
    where: v.optional(v.picklist(['start', 'end', 'anywhere'])),
  }),
  v.object({
    ...base,
    kind: v.literal('shouting'),
    maxUpperRatio: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    maxExclamations: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.object({ ...base, kind: v.literal('emoji'), max: v.pipe(v.number(), v.integer(), v.minValue(0)), allowed: v.optional(v.array(text(20))) }),
  v.object({ ...base, kind: v.literal('formality'), expect: v.optional(v.picklist(['tu', 'usted'])) }),
]);

/**
 * Reads a pack's rules: each valid one becomes a tone rule; each invalid one is reported by its
 * id with the reason, and the rest keep working.
 */
export function toneRulesFrom(raw: readonly { id: string; [field: string]: unknown }[]): { rules: ToneRule[]; errors: RuleError[] } {
  const rules: ToneRule[] = [];
  const errors: RuleError[] = [];
  for (const candidate of raw) {
    const parsed = v.safeParse(ToneRuleSchema, candidate);
    if (parsed.success) rules.push(parsed.output as ToneRule);
    else {
      const issue = parsed.issues[0];
      const path = issue.path?.map((item) => String(item.key)).join('.');
      errors.push({ ruleId: String(candidate.id), error: path ? `${path}: ${issue.message}` : issue.message });
    }
  }
  return { rules, errors };
}
