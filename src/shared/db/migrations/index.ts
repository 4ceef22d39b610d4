import { migration001 } from './001-initial';
import { migration002 } from './002-search-and-settings';
import type { Migration } from './types';

/** Every migration in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002];
