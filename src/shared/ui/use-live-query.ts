import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * Subscribes a component to a Dexie query; it re-renders when any context (worker, another panel,
 * the options page) changes the tables the query read.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): { value: T | undefined; error: string | null } {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (next) => {
        setValue(next);
        setError(null);
      },
      error: (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return { value, error };
}
