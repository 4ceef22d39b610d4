/**
 * A record keyed by ids that come from outside (template ids, accounts, header names). A plain
 * `{}` answers "constructor" or "toString" from Object.prototype, and writing `record.__proto__`
 * replaces its prototype; one without a prototype has neither, so any string is just a key. Make
 * them with `idRecord` and read them with `ownValue`.
 */
export type IdRecord<T> = Record<string, T>;

export function idRecord<T>(entries?: Iterable<readonly [string, T]>): IdRecord<T> {
  const record = Object.create(null) as IdRecord<T>;
  if (entries) for (const [key, value] of entries) record[key] = value;
  return record;
}

/** The value stored under `key` itself, never one inherited (for records that may have a prototype). */
export function ownValue<T>(record: Readonly<IdRecord<T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
