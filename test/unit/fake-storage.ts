/**
 * A `browser.storage` area as the browser behaves: every call answers in a later task, and values
 * are copied in and out (structured clone), so a read-modify-write race loses updates here as it
 * does in Chromium.
 */
export function fakeStorageArea() {
  let items: Record<string, unknown> = {};
  const later = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const names = (keys: string | string[]) => (typeof keys === 'string' ? [keys] : keys);
  return {
    async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
      await later();
      const wanted = keys === null ? Object.keys(items) : names(keys);
      return structuredClone(Object.fromEntries(wanted.filter((key) => key in items).map((key) => [key, items[key]])));
    },
    async set(values: Record<string, unknown>): Promise<void> {
      await later();
      items = { ...items, ...structuredClone(values) };
    },
    async remove(keys: string | string[]): Promise<void> {
      await later();
      const gone = new Set(names(keys));
      items = Object.fromEntries(Object.entries(items).filter(([key]) => !gone.has(key)));
    },
    async clear(): Promise<void> {
      await later();
      items = {};
    },
    /** Everything stored, for assertions. */
    dump: (): Record<string, unknown> => structuredClone(items),
  };
}
