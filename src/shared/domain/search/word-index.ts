import type uFuzzy from '@leeoniya/ufuzzy';

/**
 * Words as uFuzzy sees terms: runs of letters (with apostrophes) or of digits. uFuzzy matches the
 * letter and digit parts of a term separately too, so splitting them here keeps ids and numbers
 * (`caso 1042`, `envio24`) out of the letters' vocabulary.
 */
const WORD = /[a-z']+|\d+/g;

/** Term results kept between keystrokes: typing `pedido r`, `pedido re`… re-uses `pedido`. */
const TERM_CACHE_SIZE = 64;

/** How much a title word adds over the same word in the body. */
const TITLE_BONUS = 4;

/** How well a vocabulary word matches a term: whole word 3, prefix 2, inside 1, with a typo 0. */
function qualityOf(word: string, term: string): number {
  if (word === term) return 3;
  if (word.startsWith(term)) return 2;
  return word.includes(term) ? 1 : 0;
}

/** Which bit of the two-word character mask stands for `char` (0 when it has none). */
function charBit(char: string): [0 | 1, number] {
  const code = char.charCodeAt(0);
  if (code >= 97 && code <= 122) return [0, 1 << (code - 97)];
  if (code >= 48 && code <= 57) return [1, 1 << (code - 48)];
  return [1, char === "'" ? 1 << 10 : 0];
}

function charMask(word: string): [number, number] {
  const mask: [number, number] = [0, 0];
  for (const char of word) {
    const [index, bit] = charBit(char);
    mask[index] |= bit;
  }
  return mask;
}

interface WordMatch {
  id: number;
  word: string;
  quality: number;
}

/**
 * Whether every word matching `term + more` also matches `term`, so a longer term only needs to
 * check the shorter one's matches. True in uFuzzy's single-error mode for letter terms of 5+
 * (one substitution, transposition, deletion or insertion anywhere but the first letter, at
 * every length) and for digit runs (exact); not below 5 letters, where each length allows
 * different errors (see uFuzzy's intraRules).
 */
function narrows(term: string): boolean {
  return /^[a-z]{5,}$|^\d+$/.test(term);
}

interface Bucket {
  words: string[];
  ids: number[];
}

/**
 * An inverted index from each distinct folded word to the documents holding it. A uFuzzy term
 * only ever matches inside one word (its insertions and substitutions are letters or digits), so
 * matching the term against the vocabulary and unioning the postings finds the documents uFuzzy
 * would find in the full texts, while scanning short distinct words instead of every body on
 * every keystroke. uFuzzy also requires a term's first character exactly, so each term only
 * scans the words that contain that character.
 */
export class WordIndex {
  private readonly postings: number[][] = [];
  private readonly buckets = new Map<string, Bucket>();
  private readonly termCache = new Map<string, WordMatch[]>();
  /** Per-document stamp of how many terms matched so far in the current query. */
  private readonly hits: Uint32Array;
  /** Per-document relevance of the current query (see `match`). */
  readonly scores: Uint16Array;
  private readonly termBest: Uint8Array;
  /** The documents of the last `match`, ascending; reused, so typing allocates nothing per match. */
  readonly matched: Int32Array;
  private stamp = 0;
  /** Per document, which letters (first word) and digits (second word) its text holds. */
  private readonly charMasks: Uint32Array;

  /** `titleLengths[doc]`: words that start before this offset of the text are title words. */
  constructor(
    texts: readonly string[],
    titleLengths: readonly number[],
    private readonly fuzzy: uFuzzy,
  ) {
    const ids = new Map<string, number>();
    const wordMasks: number[] = [];
    this.charMasks = new Uint32Array(texts.length * 2);
    texts.forEach((text, doc) => {
      const titleEnd = titleLengths[doc] ?? 0;
      for (const match of text.matchAll(WORD)) {
        const word = match[0];
        const entry = doc * 2 + (match.index < titleEnd ? 1 : 0);
        let id = ids.get(word);
        if (id === undefined) {
          id = this.postings.length;
          ids.set(word, id);
          this.addToBuckets(word, id);
          this.postings.push([entry]);
          wordMasks.push(...charMask(word));
        } else {
          const list = this.postings[id]!;
          // Documents are visited in order, and the title comes first, so a repeated word only
          // needs the last entry checked and keeps its title flag.
          if (list[list.length - 1]! >> 1 !== doc) list.push(entry);
        }
        this.charMasks[doc * 2] = this.charMasks[doc * 2]! | wordMasks[id * 2]!;
        this.charMasks[doc * 2 + 1] = this.charMasks[doc * 2 + 1]! | wordMasks[id * 2 + 1]!;
      }
    });
    this.hits = new Uint32Array(texts.length);
    this.scores = new Uint16Array(texts.length);
    this.termBest = new Uint8Array(texts.length);
    this.matched = new Int32Array(texts.length);
  }

  get words(): number {
    return this.postings.length;
  }

  /** Some vocabulary word of 6+ letters, to exercise the narrowing path (see TemplateSearch.prime). */
  longWord(): string | undefined {
    for (const { words } of this.buckets.values()) {
      const found = words.find((word) => word.length >= 6 && /^[a-z]+$/.test(word));
      if (found) return found;
    }
    return undefined;
  }

  /** Forgets cached term matches (after priming, so typing starts from a clean cache). */
  forgetTerms(): void {
    this.termCache.clear();
  }

  /** Splits a folded needle into the terms this index matches (letters and digits apart). */
  static terms(needle: string): string[] {
    return [...needle.matchAll(WORD)].map(([word]) => word).filter((word) => word !== "'");
  }

  /**
   * Documents in which every term matches some word, restricted to `allowed` when given (a mask
   * indexed by document): returns how many, written in ascending order to `matched`, with a
   * relevance score for each in `scores`: per term, the best of its matching words (whole word >
   * prefix > inside a word > with a typo), title words counting more.
   */
  match(terms: readonly string[], allowed: Uint8Array | null): number {
    // One-letter terms only ask whether the letter is there: the character masks answer that
    // without visiting every word that contains it.
    let low = 0;
    let high = 0;
    for (const term of terms) {
      if (term.length !== 1) continue;
      const [word, bit] = charBit(term);
      if (!bit) return 0;
      if (word === 0) low |= bit;
      else high |= bit;
    }
    // Longest terms first: they match fewer documents, so later terms touch fewer.
    const ordered = terms.filter((term) => term.length > 1).sort((a, b) => b.length - a.length);
    if (ordered.length === 0) {
      this.scores.fill(0);
      return low || high ? this.collect(-1, low, high, allowed) : 0;
    }
    // Stamps only grow, so the array never needs clearing between queries.
    if (this.stamp > 0xffffffff - ordered.length - 2) {
      this.hits.fill(0);
      this.stamp = 0;
    }
    const base = this.stamp;
    this.stamp += ordered.length + 1;
    for (let t = 0; t < ordered.length; t++) {
      const from = base + t;
      let advanced = 0;
      // Best words first, so a document's first hit for this term is its best one.
      for (const { id, quality } of this.wordsMatching(ordered[t]!)) {
        for (const entry of this.postings[id]!) {
          const doc = entry >> 1;
          const score = quality + (entry & 1) * TITLE_BONUS;
          if (this.hits[doc] === from + 1) {
            // Already counted for this term: a lesser word in the title may still score higher.
            if (score > this.termBest[doc]!) {
              this.scores[doc] = this.scores[doc]! + score - this.termBest[doc]!;
              this.termBest[doc] = score;
            }
            continue;
          }
          // It must have matched every earlier term (the first term: anything from older queries).
          if (t === 0 ? this.hits[doc]! > base : this.hits[doc] !== from) continue;
          if (allowed && !allowed[doc]) continue;
          this.hits[doc] = from + 1;
          this.scores[doc] = (t === 0 ? 0 : this.scores[doc]!) + score;
          this.termBest[doc] = score;
          advanced++;
        }
      }
      if (advanced === 0) return 0;
    }
    return this.collect(base + ordered.length, low, high, null);
  }

  /** Writes to `matched` the documents stamped `done` (any, when -1) that hold every letter asked. */
  private collect(done: number, low: number, high: number, allowed: Uint8Array | null): number {
    const { hits, charMasks, matched } = this;
    let count = 0;
    for (let doc = 0; doc < hits.length; doc++) {
      if (done >= 0 && hits[doc] !== done) continue;
      if (allowed && !allowed[doc]) continue;
      if ((charMasks[doc * 2]! & low) !== low || (charMasks[doc * 2 + 1]! & high) !== high) continue;
      matched[count++] = doc;
    }
    return count;
  }

  private wordsMatching(term: string): WordMatch[] {
    const cached = this.termCache.get(term);
    if (cached) return cached;
    // Typing on extends the last term: check only the words the shorter term matched.
    const shorter = term.slice(0, -1);
    const previous = narrows(shorter) ? this.termCache.get(shorter) : undefined;
    let found: WordMatch[];
    if (previous) {
      const words = previous.map((match) => match.word);
      found = (this.fuzzy.filter(words, term) ?? []).map((i) => ({ ...previous[i]!, quality: qualityOf(words[i]!, term) }));
    } else {
      const bucket = this.buckets.get(term[0]!);
      found = bucket
        ? (this.fuzzy.filter(bucket.words, term) ?? []).map((i) => ({ id: bucket.ids[i]!, word: bucket.words[i]!, quality: qualityOf(bucket.words[i]!, term) }))
        : [];
    }
    found.sort((a, b) => b.quality - a.quality);
    if (this.termCache.size >= TERM_CACHE_SIZE) this.termCache.clear();
    this.termCache.set(term, found);
    return found;
  }

  private addToBuckets(word: string, id: number): void {
    for (const char of new Set(word)) {
      let bucket = this.buckets.get(char);
      if (!bucket) this.buckets.set(char, (bucket = { words: [], ids: [] }));
      bucket.words.push(word);
      bucket.ids.push(id);
    }
  }
}
