import type { PackTemplate } from './format';

/** Which library replies a pack export takes: all, one tag (a folder), or the ones ticked in the library. */
export type ExportScope = { kind: 'all' } | { kind: 'tag'; tag: string } | { kind: 'ticked'; ids: readonly string[] };

export interface ScopedTemplates {
  templates: PackTemplate[];
  /** Ticked ids that are not personal replies (team-pack replies, or deleted since): not exported. */
  leftOut: number;
}

/**
 * The replies in `scope`, in library order. A ticked reply brings its other-language variants:
 * the library list shows a group as one row, and a member's pack should answer in every language.
 */
export function templatesInScope(library: readonly PackTemplate[], scope: ExportScope): ScopedTemplates {
  if (scope.kind === 'all') return { templates: [...library], leftOut: 0 };
  if (scope.kind === 'tag') return { templates: library.filter((template) => template.tags.includes(scope.tag)), leftOut: 0 };
  const ticked = new Set(scope.ids);
  const groups = new Set<string>();
  let found = 0;
  for (const template of library) {
    if (!ticked.has(template.id)) continue;
    found += 1;
    if (template.variantGroup) groups.add(template.variantGroup);
  }
  const templates = library.filter((template) => ticked.has(template.id) || (template.variantGroup !== undefined && groups.has(template.variantGroup)));
  return { templates, leftOut: ticked.size - found };
}
