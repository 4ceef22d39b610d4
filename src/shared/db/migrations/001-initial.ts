import type { Migration } from './types';

/** The first schema: approved replies by shortcut, reply events by submit time. */
export const migration001: Migration = {
  version: 1,
  stores: {
    templates: 'id, shortcut, updatedAt',
    replyEvents: 'id, submittedAt, platform',
  },
};
