import uFuzzy from '@leeoniya/ufuzzy';
import type { Lang } from '../../db/types';
import type { Platform } from '../platform';
import { foldText, normalizeShortcut } from '../text';
import { WordIndex } from './word-index';

/** What search needs from a template; the repository keeps `searchText` folded already. */
export interface Searchable {
  id: string;
  title: string;
  shortcut: string;
  tags: readonly string[];
  platforms: readonly Platform[];
  lang: Lang;
  searchText: string;
  usageCount: number;
  updatedAt: number;
  favorite?: boolean;
}

export interface SearchFilters {
  lang?: Lang | null;
  tag?: string | null;
  platform?: Platform | null;
}

/** Above this many matches ranking says little (a letter or two typed): keep usage order. */
const RANK_LIMIT = 5000;

/**
 * Highest score first, ties in haystack (usage) order. Scores are small integers, so a stable
 * counting sort does it in linear time.
 */
function byScoreThenUsage(docs: readonly number[], scores: Uint16Array): number[] {
  let max = 0;
  for (const doc of docs) max = Math.max(max, scores[doc]!);
  const starts = new Uint32Array(max + 2);
  for (const doc of docs) starts[max - scores[doc]! + 1]!++;
  for (let i = 1; i < starts.length; i++) starts[i] = starts[i]! + starts[i - 1]!;
  const out = new Array<number>(docs.length);
  for (const doc of docs) out[starts[max - scores[doc]!]!++] = doc;
  return out;
}

/** Favourites first, then most used, then most recently edited: the order with no query. */
export function byUsage(a: Searchable, b: Searchable): number {
  return Number(b.favorite ?? false) - Number(a.favorite ?? false) || b.usageCount - a.usageCount || b.updatedAt - a.updatedAt;
}

/**
 * An in-memory search index over a library snapshot. Build one per library change; every
 * keystroke then matches the query's terms with uFuzzy against the library's distinct words
 * (see WordIndex) rather than against every body. Accent- and case-insensitive because both
 * sides are folded; uFuzzy's single-error mode tolerates one typo per term (substitution,
 * transposition, insertion or deletion) in terms of 5+ letters, and stricter rules for shorter.
 */
export class TemplateSearch<T extends Searchable> {
  private readonly items: T[];
  private readonly haystack: string[];
  private readonly byShortcut = new Map<string, number[]>();
  private readonly fuzzy = new uFuzzy({ intraMode: 1 });
  private readonly words: WordIndex;
  private filterKey = '';
  private filtered: { list: number[]; mask: Uint8Array } | null = null;

  constructor(templates: readonly T[]) {
    this.items = [...templates].sort(byUsage);
    this.haystack = this.items.map((item) => item.searchText);
    this.items.forEach((item, i) => {
      if (!item.shortcut) return;
      const list = this.byShortcut.get(item.shortcut) ?? [];
      list.push(i);
      this.byShortcut.set(item.shortcut, list);
    });
    this.words = new WordIndex(
      this.haystack,
      this.items.map((item) => item.title.length),
      this.fuzzy,
    );
  }

  /** Matches: an exact shortcut first, then by match quality (see fuzzyOrder), then by usage. */
  search(query: string, filters: SearchFilters = {}): T[] {
    const allowed = this.allowed(filters);
    const folded = foldText(query).trim();
    const everything = () => (allowed ? allowed.list.map((i) => this.items[i]!) : [...this.items]);
    if (!folded) return everything();

    const exact = (this.byShortcut.get(normalizeShortcut(folded)) ?? []).filter((i) => !allowed || allowed.mask[i]);
    const terms = WordIndex.terms(folded);
    // Only punctuation typed (`¿`, `"`): nothing to narrow by yet, except a shortcut like `;;`.
    if (terms.length === 0 && exact.length === 0) return everything();
    const ranked = this.fuzzyOrder(folded, terms, allowed?.mask ?? null);
    if (exact.length === 0) return ranked.map((i) => this.items[i]!);
    const seen = new Set(exact);
    return [...exact, ...ranked.filter((i) => !seen.has(i))].map((i) => this.items[i]!);
  }

  /**
   * uFuzzy matches each term against the vocabulary (typos included); documents holding every
   * term are ranked by how well and where they matched (see WordIndex.match), then by usage.
   * Ranking with uFuzzy's info() over whole bodies cost 10–30 ms for a few hundred candidates;
   * the word-level score keeps its spirit (whole terms, prefixes, early title hits) in a fraction.
   */
  private fuzzyOrder(folded: string, terms: string[], allowed: Uint8Array | null): number[] {
    const { docs, scores } = this.words.match(terms, allowed);
    if (docs.length === 0) return [];
    // A term mixing letters and digits (`envio24`) must match as one: uFuzzy checks the few
    // candidates left. Quotes and dashes are plain separators here, not uFuzzy's operators.
    const needle = folded.replace(/[^a-z\d']+/g, ' ').trim();
    const checked = /[a-z']\d|\d[a-z']/.test(needle) ? this.checkMixedTerms(needle, docs) : docs;
    if (checked.length > RANK_LIMIT) return checked;
    return byScoreThenUsage(checked, scores);
  }

  private checkMixedTerms(needle: string, docs: number[]): number[] {
    const mixed = needle.split(' ').filter((term) => /[a-z']\d|\d[a-z']/.test(term));
    let out = docs;
    for (const term of mixed) out = this.fuzzy.filter(this.haystack, term, out) ?? [];
    return out;
  }

  /** Haystack positions that pass the filters (cached until the filters change), or null for all. */
  private allowed(filters: SearchFilters): { list: number[]; mask: Uint8Array } | null {
    const key = `${filters.lang ?? ''}\u0000${filters.tag ?? ''}\u0000${filters.platform ?? ''}`;
    if (key === '\u0000\u0000') return null;
    if (key !== this.filterKey || !this.filtered) {
      const list: number[] = [];
      const mask = new Uint8Array(this.items.length);
      this.items.forEach((item, i) => {
        if (filters.lang && item.lang !== filters.lang) return;
        if (filters.tag && !item.tags.includes(filters.tag)) return;
        // A template with no platforms is meant for every platform.
        if (filters.platform && item.platforms.length > 0 && !item.platforms.includes(filters.platform)) return;
        list.push(i);
        mask[i] = 1;
      });
      this.filterKey = key;
      this.filtered = { list, mask };
    }
    return this.filtered;
  }
}
