import type { SearchHits } from './search/template-search';
import { foldText } from './text';
import { TU_MARKERS, USTED_MARKERS } from './tone/formality';
import { wholeWords } from './tone/words';

export type Formality = 'tu' | 'usted';

/** What variant choice needs from a template. */
export interface Variant {
  id: string;
  lang: string;
  body: string;
  variantGroup?: string;
  variantLabel?: string;
}

/** What the comment and the guide ask for; null: no preference. */
export interface VariantPrefs {
  lang: 'es' | 'en' | null;
  formality: Formality | null;
  /** A region such as "mx" (from a label like "es-MX"), e.g. the browser's. */
  region?: string | null;
}

const TU = new RegExp(wholeWords(TU_MARKERS.map(foldText)), 'u');
const USTED = new RegExp(wholeWords(USTED_MARKERS.map(foldText)), 'u');

/** tú or usted: the label says so ("usted", "tú", "formal"), else the body's forms of address. */
export function variantFormality(variant: Pick<Variant, 'body' | 'variantLabel'>): Formality | null {
  const label = foldText(variant.variantLabel ?? '');
  if (/\b(usted|ud|formal)\b/.test(label)) return 'usted';
  if (/\b(tu|informal|tuteo)\b/.test(label)) return 'tu';
  const body = foldText(variant.body);
  const usted = USTED.test(body);
  if (usted !== TU.test(body)) return usted ? 'usted' : 'tu';
  return null;
}

/** The region of a label like "es-MX" or "en_GB", lower-case; null when it names none. */
export function regionOf(label: string | undefined): string | null {
  return /\b(?:es|en)[-_]([a-z]{2})\b/i.exec(label ?? '')?.[1]?.toLowerCase() ?? null;
}

/** The formality a guide asks for: the last formality rule that names one (the personal guide comes last). */
export function guideFormality(rules: Iterable<object>): Formality | null {
  let wanted: Formality | null = null;
  for (const rule of rules) {
    // Stored rules are checked where they are compiled; here only these two fields matter.
    const { kind, expect } = rule as { kind?: unknown; expect?: unknown };
    if (kind === 'formality' && (expect === 'tu' || expect === 'usted')) wanted = expect;
  }
  return wanted;
}

/**
 * The variant to insert: the comment's language first, then the guide's tú/usted, then the
 * region; ties keep the given order (usage, or search rank).
 */
export function pickVariant<T extends Variant>(variants: readonly T[], prefs: VariantPrefs): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  for (const variant of variants) {
    let score = 0;
    if (prefs.lang && variant.lang === prefs.lang) score += 4;
    if (prefs.formality && variantFormality(variant) === prefs.formality) score += 2;
    if (prefs.region && regionOf(variant.variantLabel) === prefs.region) score += 1;
    if (score > bestScore) [best, bestScore] = [variant, score];
  }
  return best;
}

/** The short name of a variant in its group's switch: its label, else its language. */
export function variantName(variant: Pick<Variant, 'lang' | 'variantLabel'>): string {
  return variant.variantLabel?.trim() || variant.lang;
}

/** The library's variant groups (only groups of two or more), members in library order. */
export function variantGroups<T extends Variant>(templates: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const template of templates) {
    if (!template.variantGroup) continue;
    const members = groups.get(template.variantGroup);
    if (members) members.push(template);
    else groups.set(template.variantGroup, [template]);
  }
  for (const [group, members] of groups) if (members.length < 2) groups.delete(group);
  return groups;
}

/**
 * Lists each variant group once, where its best-ranked variant is, showing `chosen[group]` if
 * the user picked one, else the variant `prefs` prefer among those that matched. Lists without
 * groups come back as they are, so a library without variants pays nothing.
 */
export function collapseVariants<T extends Variant>(
  ranked: SearchHits<T>,
  groups: ReadonlyMap<string, readonly T[]>,
  prefs: VariantPrefs,
  chosen: ReadonlyMap<string, string> = new Map(),
): SearchHits<T> {
  if (groups.size === 0) return ranked;
  const kept: number[] = [];
  const matched = new Map<string, T[]>();
  for (let i = 0; i < ranked.length; i++) {
    const item = ranked.at(i)!;
    const group = item.variantGroup && groups.has(item.variantGroup) ? item.variantGroup : null;
    if (!group) {
      kept.push(i);
      continue;
    }
    const members = matched.get(group);
    if (members) members.push(item);
    else {
      matched.set(group, [item]);
      kept.push(i);
    }
  }
  const shown = new Map<string, T>();
  for (const [group, members] of matched) {
    const pick = groups.get(group)?.find((member) => member.id === chosen.get(group)) ?? pickVariant(members, prefs);
    if (pick) shown.set(group, pick);
  }
  const at = (index: number): T | undefined => {
    const item = index >= 0 && index < kept.length ? ranked.at(kept[index]!) : undefined;
    return item?.variantGroup ? (shown.get(item.variantGroup) ?? item) : item;
  };
  return {
    length: kept.length,
    at,
    *[Symbol.iterator]() {
      for (let i = 0; i < kept.length; i++) yield at(i)!;
    },
    slice(start = 0, end = kept.length) {
      const out: T[] = [];
      for (let i = Math.max(0, start); i < Math.min(end, kept.length); i++) out.push(at(i)!);
      return out;
    },
  };
}
