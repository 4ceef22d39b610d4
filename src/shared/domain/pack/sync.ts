import type { PackDiff } from './diff';
import type { PackError } from './errors';

/** Counts of a diff: what crosses from the worker to a page after a sync. */
export interface PackDiffSummary {
  fromVersion: string | null;
  toVersion: string;
  added: number;
  changed: number;
  removed: number;
}

export type PackSyncOutcome =
  | { url: string; kind: 'unchanged' }
  | { url: string; kind: 'applied'; summary: PackDiffSummary }
  | { url: string; kind: 'failed'; error: PackError };

export const summarizeDiff = (diff: PackDiff): PackDiffSummary => ({
  fromVersion: diff.fromVersion,
  toVersion: diff.toVersion,
  added: diff.added.length,
  changed: diff.changed.length,
  removed: diff.removed.length,
});
