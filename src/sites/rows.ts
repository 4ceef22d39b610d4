/**
 * For sites with obfuscated class names (Instagram, Threads): a comment's row is the largest
 * ancestor of its `time` that holds no other `time` (nor `box`, the reply box: a lone comment
 * beside the box must not swallow it). No class names needed.
 */
export function rowOfTime(time: Element, limit: Element | null, box?: Element): Element {
  let row = time;
  for (let parent = row.parentElement; parent && parent !== limit; parent = parent.parentElement) {
    if (parent.querySelectorAll('time').length > 1 || (box && parent.contains(box))) break;
    row = parent;
  }
  return row;
}
