import { genericAdapter } from './generic';
import type { SiteAdapter } from './types';

/** Platform adapters, most specific first. The generic adapter always answers last. */
const ADAPTERS: readonly SiteAdapter[] = [];

export function adapterFor(hostname: string): SiteAdapter {
  return ADAPTERS.find((adapter) => adapter.matches(hostname)) ?? genericAdapter;
}
