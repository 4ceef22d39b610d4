import { normalizeShortcut } from '../text';
import type { Pack, PackTemplate } from './format';

/** The fields a member sees; what a pack item looks like once installed. */
export type PackItemState = PackTemplate;
export type PackField = 'title' | 'body' | 'shortcut' | 'tags' | 'platforms' | 'lang';
const FIELDS: readonly PackField[] = ['title', 'body', 'shortcut', 'tags', 'platforms', 'lang'];

export interface PackChange {
  before: PackItemState;
  after: PackTemplate;
  fields: PackField[];
}

export interface PackDiff {
  fromVersion: string | null;
  toVersion: string;
  added: PackTemplate[];
  changed: PackChange[];
  removed: PackItemState[];
  unchanged: number;
  guidelines: { added: number; changed: number; removed: number };
  /** The new version drops every reply the old one had: applying it needs explicit confirmation. */
  removesAll: boolean;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function changedFields(before: PackItemState, after: PackTemplate): PackField[] {
  return FIELDS.filter((field) => {
    if (field === 'tags' || field === 'platforms') return !sameList(before[field], after[field]);
    if (field === 'shortcut') return normalizeShortcut(before.shortcut) !== normalizeShortcut(after.shortcut);
    return before[field] !== after[field];
  });
}

/** What applying `next` over the installed state would add, change and remove, matched by item id. */
export function diffPack(
  current: { version: string; templates: readonly PackItemState[]; guidelines: readonly { id: string; title: string; body: string }[] } | null,
  next: Pack,
): PackDiff {
  const before = new Map((current?.templates ?? []).map((t) => [t.id, t]));
  const added: PackTemplate[] = [];
  const changed: PackChange[] = [];
  let unchanged = 0;
  for (const template of next.templates) {
    const old = before.get(template.id);
    if (!old) {
      added.push(template);
      continue;
    }
    before.delete(template.id);
    const fields = changedFields(old, template);
    if (fields.length) changed.push({ before: old, after: template, fields });
    else unchanged++;
  }
  const removed = [...before.values()];
  const oldGuides = new Map((current?.guidelines ?? []).map((g) => [g.id, g]));
  const guidelines = { added: 0, changed: 0, removed: 0 };
  for (const guide of next.guidelines) {
    const old = oldGuides.get(guide.id);
    if (!old) guidelines.added++;
    else if (old.title !== guide.title || old.body !== guide.body) guidelines.changed++;
    oldGuides.delete(guide.id);
  }
  guidelines.removed = oldGuides.size;
  const hadTemplates = (current?.templates.length ?? 0) > 0;
  return {
    fromVersion: current?.version ?? null,
    toVersion: next.version,
    added,
    changed,
    removed,
    unchanged,
    guidelines,
    removesAll: hadTemplates && next.templates.length === 0,
  };
}

/** True when applying the diff would change nothing a member sees. */
export const isEmptyDiff = (diff: PackDiff): boolean =>
  diff.added.length + diff.changed.length + diff.removed.length === 0 &&
  diff.guidelines.added + diff.guidelines.changed + diff.guidelines.removed === 0 &&
  diff.fromVersion === diff.toVersion;
