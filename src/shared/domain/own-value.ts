/**
 * A lookup in a plain object by a key that comes from outside (a CSV header, a content script's
 * answer). `record[key]` answers "constructor" or "toString" from Object.prototype; this answers
 * only what the object itself holds. Where such keys are collected, use a Map instead.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
