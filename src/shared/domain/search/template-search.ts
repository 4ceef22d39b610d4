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

/** The rows a search found, in order. Only the rows asked for (a screenful) become objects. */
export interface SearchHits<T> extends Iterable<T> {
  readonly length: number;
  at(index: number): T | undefined;
  slice(start?: number, end?: number): T[];
}

/** Hits over a compact list of positions into `items`. */
class PositionHits<T> implements SearchHits<T> {
  constructor(
    private readonly items: readonly T[],
    private readonly positions: Int32Array | readonly number[],
    readonly length = positions.length,
  ) {}

  at(index: number): T | undefined {
    return index >= 0 && index < this.length ? this.items[this.positions[index]!] : undefined;
  }

  slice(start = 0, end = this.length): T[] {
    const out: T[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.length); i++) out.push(this.items[this.positions[i]!]!);
    return out;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.items[this.positions[i]!]!;
  }
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
  /** Ranking scratch space, reused by every keystroke. */
  private readonly order: Int32Array;
  private everyPosition: Int32Array | null = null;
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
    this.order = new Int32Array(this.items.length);
    this.prime();
  }

  /**
   * Runs each kind of query once while the index is built (in idle time): one letter, two
   * letters, several terms, a long term and its extension, letters with digits. The engine then
   * compiles those paths before the first real keystroke instead of on it (a fresh path cost
   * 3–7 ms once in Chromium, beyond the budget); results are discarded.
   */
  private prime(): void {
    if (this.items.length === 0) return;
    const long = this.words.longWord() ?? 'abcdefg';
    for (const query of ['e', 'de', 'la de', long.slice(0, 5), long.slice(0, 6), `${long.slice(0, 3)} a`, 'a1']) this.find(query).slice(0, 20);
    this.words.forgetTerms();
  }

  /** Matches: an exact shortcut first, then by match quality (see rank), then by usage. */
  search(query: string, filters: SearchFilters = {}): T[] {
    return this.find(query, filters).slice();
  }

  /**
   * The same matches as `search`, for typing: ranked into typed arrays, so a letter matching
   * thousands of replies allocates no array of them; rows become objects only when read.
   */
  find(query: string, filters: SearchFilters = {}): SearchHits<T> {
    const allowed = this.allowed(filters);
    const folded = foldText(query).trim();
    const everything = () => new PositionHits(this.items, allowed ? allowed.list : (this.everyPosition ??= Int32Array.from(this.items, (_, i) => i)));
    if (!folded) return everything();

    const exact = (this.byShortcut.get(normalizeShortcut(folded)) ?? []).filter((i) => !allowed || allowed.mask[i]);
    const terms = WordIndex.terms(folded);
    // Only punctuation typed (`¿`, `"`): nothing to narrow by yet, except a shortcut like `;;`.
    if (terms.length === 0 && exact.length === 0) return everything();
    const count = terms.length === 0 ? 0 : this.rank(folded, terms, allowed?.mask ?? null, exact);
    // A result keeps its own compact copy: the scratch space is overwritten by the next keystroke.
    const positions = new Int32Array(exact.length + count);
    positions.set(exact);
    positions.set(this.order.subarray(0, count), exact.length);
    return new PositionHits(this.items, positions);
  }

  /**
   * uFuzzy matches each term against the vocabulary (typos included); documents holding every
   * term are ranked by how well and where they matched (see WordIndex.match), then by usage,
   * into `order`; returns how many, leaving out `skip` (the exact shortcut hits, listed first).
   * Ranking with uFuzzy's info() over whole bodies cost 10–30 ms for a few hundred candidates;
   * the word-level score keeps its spirit (whole terms, prefixes, early title hits) in a fraction.
   */
  private rank(folded: string, terms: string[], allowed: Uint8Array | null, skip: readonly number[]): number {
    const words = this.words;
    let count = words.match(terms, allowed);
    if (count === 0) return 0;
    let docs: Int32Array | readonly number[] = words.matched;
    // A term mixing letters and digits (`envio24`) must match as one: uFuzzy checks the few
    // candidates left. Quotes and dashes are plain separators here, not uFuzzy's operators.
    const needle = folded.replace(/[^a-z\d']+/g, ' ').trim();
    if (/[a-z']\d|\d[a-z']/.test(needle)) {
      docs = this.checkMixedTerms(needle, Array.from(words.matched.subarray(0, count)));
      count = docs.length;
    }
    const scores = words.scores;
    const out = this.order;
    if (count > RANK_LIMIT) {
      // Usage order: the documents are already ascending.
      let n = 0;
      for (let i = 0; i < count; i++) if (!skip.includes(docs[i]!)) out[n++] = docs[i]!;
      return n;
    }
    // Highest score first, ties in haystack (usage) order. Scores are small integers, so a
    // stable counting sort does it in linear time.
    let max = 0;
    for (let i = 0; i < count; i++) max = Math.max(max, scores[docs[i]!]!);
    const starts = new Uint32Array(max + 2);
    for (let i = 0; i < count; i++) starts[max - scores[docs[i]!]! + 1]!++;
    for (let i = 1; i < starts.length; i++) starts[i] = starts[i]! + starts[i - 1]!;
    for (let i = 0; i < count; i++) out[starts[max - scores[docs[i]!]!]!++] = docs[i]!;
    if (skip.length === 0) return count;
    let n = 0;
    for (let i = 0; i < count; i++) if (!skip.includes(out[i]!)) out[n++] = out[i]!;
    return n;
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
