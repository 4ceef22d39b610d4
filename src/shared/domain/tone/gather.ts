import { DEFAULT_CRISIS_SIGNALS } from '../crisis';
import { compileGuide, type CompiledGuide } from './compile';
import { localizedRule, type PersonalGuide, type StoredRule } from './personal-guide';
import { toneRulesFrom } from './schema';
import { starterToneRules } from './starter-guide';
import type { RuleError } from './types';

/** A source of rules: an installed pack, or the personal guide. */
export interface RuleSource {
  /** Shown next to an invalid rule ("pack X" or "my guide"). */
  name: string;
  rules: readonly StoredRule[];
}

export interface GatheredGuide {
  guide: CompiledGuide;
  /** Rules that are ignored, each with the source it came from; every other rule keeps working. */
  errors: Array<RuleError & { pack: string }>;
}

/**
 * The one place that decides which rules check a draft: the starter rules, then each pack's (the
 * caller chooses which packs apply, e.g. the active brand's), then the personal guide's. Used by
 * the panel and by the worker; compile once per change of the sources, not per keystroke.
 */
export function gatherToneGuide(lang: 'es' | 'en', packs: readonly RuleSource[], personal: RuleSource | null): GatheredGuide {
  const errors: GatheredGuide['errors'] = [];
  const rules = [...starterToneRules(lang)];
  for (const source of personal ? [...packs, personal] : packs) {
    const parsed = toneRulesFrom(source.rules.map((rule) => localizedRule(rule, lang)));
    rules.push(...parsed.rules);
    errors.push(...parsed.errors.map((error) => ({ ...error, pack: source.name })));
  }
  const guide = compileGuide(rules);
  return { guide, errors: [...errors, ...guide.errors.map((error) => ({ ...error, pack: '' }))] };
}

/** The crisis signals: the built-in ones plus the words the team added to the personal guide. */
export function crisisSignals(personal: Pick<PersonalGuide, 'crisisSignals'> | null | undefined): string[] {
  return [...DEFAULT_CRISIS_SIGNALS, ...(personal?.crisisSignals ?? [])];
}
