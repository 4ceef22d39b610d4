/** Replies drawn in the first frame while the whole library is still being read. */
export const FIRST_SCREEN = 40;

/**
 * A first screen in id order. The list sorts by use with a stable sort, so ties then fall in the
 * order the whole library arrives in (by id) and rows do not swap when it does. (A tie-break by
 * id inside byUsage did the same but made search p95 twice as slow at 10 000 replies.)
 */
export const inIdOrder = <T extends { id: string }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
