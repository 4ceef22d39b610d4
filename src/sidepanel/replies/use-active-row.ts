import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SearchHits } from '../../shared/domain/search/template-search';

/** How far down a new list the moved selection is looked for (beyond, it stays at its index). */
const FOLLOW_WITHIN = 500;

/**
 * The row the arrow keys select. A new query or filter selects the best match (the first row).
 * A new list for the same search (the library changed, the reply target's comment arrived, a
 * variant was picked) leaves a selection at the top at the top, and keeps a selection the user
 * moved on the reply it was on: a background update never makes the selection jump under the keys
 * (settled before the frame is painted).
 */
export function useActiveRow<T extends { id: string }>(results: SearchHits<T>, searchKey: string) {
  const [active, setActive] = useState(0);
  const seen = useRef({ results, searchKey });

  useLayoutEffect(() => {
    const before = seen.current;
    seen.current = { results, searchKey };
    if (before.results === results) return;
    if (before.searchKey !== searchKey) return setActive(0);
    setActive((current) => {
      if (current === 0 || results.length === 0) return 0;
      const id = before.results.at(current)?.id;
      const limit = Math.min(results.length, FOLLOW_WITHIN);
      for (let i = 0; i < limit; i++) if (results.at(i)?.id === id) return i;
      return Math.min(current, results.length - 1);
    });
  }, [results, searchKey]);

  return [active, setActive] as const;
}
