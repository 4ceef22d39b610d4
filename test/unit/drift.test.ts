import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drift } from '../../src/shared/domain/drift';

/** Textbook full-matrix Levenshtein: the reference the bounded version must match. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

const reference = (rawA: string, rawB: string) => {
  const [a, b] = [rawA, rawB].map((text) => text.replace(/\s+/g, ' ').trim()) as [string, string];
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : levenshtein(a, b) / longest;
};

// Small alphabets make shared prefixes, suffixes and repeats likely, where off-by-ones hide.
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '\n'), maxLength: 40 });

describe('drift', () => {
  it('is 0 for the text as inserted and 1 for nothing in common', () => {
    expect(drift('¡Gracias, Ana!', '¡Gracias, Ana!')).toBe(0);
    expect(drift('', '')).toBe(0);
    expect(drift('abc', 'xyz')).toBe(1);
    expect(drift('abc', '')).toBe(1);
  });

  it('counts edits against the longer text', () => {
    expect(drift('Hola Ana', 'Hola Ana, gracias')).toBeCloseTo(9 / 17, 10);
    expect(drift('kitten', 'sitting')).toBeCloseTo(3 / 7, 10);
  });

  it('ignores what editors change on their own: outer whitespace, CRLF, paragraphs, no-break spaces', () => {
    expect(drift('Hola\nAna', '  Hola\r\nAna\n')).toBe(0);
    expect(drift('Hola\nAna', 'Hola\n\nAna')).toBe(0);
    expect(drift('Hola Ana', 'Hola\u00a0Ana')).toBe(0);
  });

  it('equals the normalized Levenshtein distance when the work fits', () => {
    fc.assert(fc.property(text, text, (a, b) => Math.abs(drift(a, b) - reference(a, b)) < 1e-12), { numRuns: 500 });
  });

  it('with a tiny work cap stays an upper bound within 0..1, and is symmetric', () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 1, max: 60 }), (a, b, cells) => {
        const bounded = drift(a, b, cells);
        const exact = reference(a, b);
        return bounded >= 0 && bounded <= 1 && bounded >= exact - 1e-12 && bounded === drift(b, a, cells);
      }),
      { numRuns: 500 },
    );
  });

  it('stays exact for a local edit in a 20 000-character reply', () => {
    const body = 'Gracias por escribirnos. '.repeat(800);
    const edited = `${body.slice(0, 9000)}Ana, ${body.slice(9000)}`;
    expect(drift(body, edited)).toBeCloseTo(5 / edited.trim().length, 12); // "Ana, " inserted
  });

  it('caps the work on two unrelated 20 000-character texts and still answers in 0..1', () => {
    const a = 'ab'.repeat(10_000);
    const b = 'ba'.repeat(9_000) + 'x'.repeat(2_000);
    const value = drift(a, b);
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThanOrEqual(1);
  });
});
