import { migration001 } from './001-initial';
import { migration002 } from './002-search-and-settings';
import { migration003 } from './003-packs';
import { migration004 } from './004-stats';
import { migration005 } from './005-variants';
import { migration006 } from './006-pack-chunks';
import { migration007 } from './007-lean-stats';
import type { Migration } from './types';

/** Every migration in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007];
