/** Most DP cells one drift measure may compute (a few milliseconds in a content script). */
const MAX_CELLS = 2_000_000;

/**
 * Whitespace runs count as one space: editors turn a line break into a paragraph (two newlines
 * read back), a space into a no-break space, or add a trailing newline; none of that is an edit.
 */
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * How far a sent reply drifted from the template text Tono inserted: the character edit distance
 * divided by the longer length, 0 (sent as inserted) to 1 (nothing in common). Linear space. The
 * common prefix and suffix are skipped, so a local edit costs little at any length; when the rest
 * would still exceed MAX_CELLS, only a band around the diagonal is computed, which gives an upper
 * bound that is exact while the edits stay inside the band (and "rewritten" when even that is too much).
 */
export function drift(template: string, sent: string, maxCells = MAX_CELLS): number {
  let a = norm(template);
  let b = norm(sent);
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 0;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  a = a.slice(start, endA);
  b = b.slice(start, endB);
  if (a.length > b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  const gap = m - n;
  if (n === 0) return m / longest;
  // Row i only needs columns i - band … i + gap + band.
  const band = Math.floor((maxCells / n - gap - 1) / 2);
  // Too long and too different to measure within the cap: count it as rewritten (at least gap/longest).
  if (band < 0) return m / longest;
  const row = new Uint32Array(m + 1);
  for (let j = 0; j <= m; j++) row[j] = j;
  const far = m + n; // stands for "outside the band"
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(m, i + gap + band);
    let diagonal = row[from - 1]!;
    row[from - 1] = from === 1 ? i : far;
    for (let j = from; j <= to; j++) {
      const above = row[j]!;
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min(diagonal + cost, above + 1, row[j - 1]! + 1);
      diagonal = above;
    }
    if (to < m) row[to + 1] = far;
  }
  return Math.min(1, row[m]! / longest);
}
