export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regex source matching any of `words` (already folded) as whole words. Word edges use Unicode
 * letter classes because `\b` treats accented letters as non-word characters.
 */
export function wholeWords(words: readonly string[]): string {
  return `(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegex).join('|')})(?![\\p{L}\\p{N}])`;
}
