/**
 * Folds accents and case like `foldText`, but keeps, for every folded character, the index of the
 * character it came from, so findings can point at the draft as the agent wrote it.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let index = 0;
  for (const char of text) {
    const plain = char.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
    for (let i = 0; i < plain.length; i++) map.push(index);
    folded += plain;
    index += char.length;
  }
  map.push(index);
  return { folded, map };
}
