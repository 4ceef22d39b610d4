/**
 * For sites with obfuscated class names (Instagram, Threads): a comment's row is the largest
 * ancestor of its `time` that holds no other `time`. No class names needed.
 */
export function rowOfTime(time: Element, limit: Element | null): Element {
  let row = time;
  for (let parent = row.parentElement; parent && parent !== limit; parent = parent.parentElement) {
    if (parent.querySelectorAll('time').length > 1) break;
    row = parent;
  }
  return row;
}
