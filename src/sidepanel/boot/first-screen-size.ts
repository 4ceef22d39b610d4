/** Replies drawn in the first frame while the whole library is still being read. */
export const FIRST_SCREEN = 40;
