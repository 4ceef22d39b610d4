import { templateFingerprint } from '../../shared/domain/pack/export';
import type { TemplatesRepo } from '../../shared/db/repos/templates';
import type { Template } from '../../shared/db/types';
import type { TemplateFields } from '../../shared/ui/TemplateForm';
import { t } from '../../shared/ui/i18n';

/** What the editor is doing: nothing, a new reply (maybe a duplicate's copy), or an edit. */
export type Editing =
  | null
  | { kind: 'new'; from: Template | null; /** A new language variant joins this reply's group. */ variantOf?: Template }
  | { kind: 'edit'; template: Template };

/**
 * Saves the form. Returns the error to show, or null when saved. A shortcut used by another
 * reply is refused; an edit whose template changed elsewhere since the form opened is refused
 * once (the user sees it, and saving again keeps their version), so no update is lost silently.
 */
export async function saveFields(repo: TemplatesRepo, editing: Exclude<Editing, null>, fields: TemplateFields, baseline: { updatedAt: number | null }): Promise<string | null> {
  const id = editing.kind === 'edit' ? editing.template.id : crypto.randomUUID();
  const owner = await repo.shortcutOwner(fields.shortcut, id);
  if (owner) return t('libErrorShortcutTaken', owner.shortcut, owner.title);
  if (editing.kind === 'edit') {
    const current = await repo.get(id);
    if (current && baseline.updatedAt !== null && current.updatedAt !== baseline.updatedAt) {
      baseline.updatedAt = current.updatedAt;
      return t('libErrorConflict');
    }
    await repo.save({ ...(current ?? editing.template), ...fields });
    return null;
  }
  // A copy of a team-pack reply remembers its original, so the member hears when the team changes it.
  if (editing.variantOf) {
    await repo.addVariant(editing.variantOf, { id, source: 'personal', ...fields });
    return null;
  }
  const from = editing.from;
  const copiedFrom =
    from?.source === 'pack' && from.packId && from.packItemId
      ? { packId: from.packId, itemId: from.packItemId, fingerprint: templateFingerprint(from) }
      : undefined;
  await repo.save({ id, source: 'personal', ...fields, ...(copiedFrom ? { copiedFrom } : {}) });
  return null;
}

export function duplicateFields(template: Template): TemplateFields {
  return {
    title: `${template.title} ${t('libCopySuffix')}`,
    body: template.body,
    // Shortcuts are unique, so the copy starts without one.
    shortcut: '',
    tags: [...template.tags],
    lang: template.lang,
    platforms: [...template.platforms],
    variantLabel: '',
  };
}

/** A new variant starts as a copy in the other language, with no shortcut and no label yet. */
export function variantFields(template: Template): TemplateFields {
  return { ...duplicateFields(template), title: template.title, lang: template.lang === 'es' ? 'en' : 'es' };
}
