import type { TemplatesRepo } from '../shared/db/repos/templates';
import type { Template } from '../shared/db/types';
import { inScope } from '../shared/domain/brand';
import { detectLanguage } from '../shared/domain/suggest';
import { pickVariant, variantFormality, variantGroups } from '../shared/domain/variants';

/**
 * The variant of `template` to insert for the comment: the one in the comment's language,
 * keeping the shortcut's own tú/usted and staying within the active brand (`visible`). A reply
 * without variants, or a comment whose language is unclear, keeps the template as it is.
 */
export async function variantFor(
  templates: TemplatesRepo,
  template: Template | undefined,
  commentText: string | undefined,
  visible: ReadonlySet<string> | null,
): Promise<Template | undefined> {
  const lang = commentText ? detectLanguage(commentText) : null;
  if (!template?.variantGroup || !lang || template.lang === lang) return template;
  const siblings = (await templates.variantsOf(template.variantGroup)).filter((s) => s.id !== template.id && inScope(s, visible));
  return pickVariant([template, ...siblings], { lang, formality: variantFormality(template) }) ?? template;
}

const groupsOfList = new WeakMap<readonly Template[], Map<string, Template[]>>();

/**
 * The picker's results with each variant group once, as the variant in the comment's language
 * (lazily: the picker stops after a screenful). `library` is the cached full list.
 */
export function* withPreferredVariants(
  found: Iterable<Template>,
  library: readonly Template[],
  commentText: string | undefined,
  visible: ReadonlySet<string> | null,
): Generator<Template> {
  let groups = groupsOfList.get(library);
  if (!groups) groupsOfList.set(library, (groups = variantGroups(library)));
  const lang = commentText ? detectLanguage(commentText) : null;
  const seen = new Set<string>();
  for (const template of found) {
    const members = template.variantGroup ? groups.get(template.variantGroup) : undefined;
    if (!members) {
      yield template;
      continue;
    }
    if (seen.has(template.variantGroup!)) continue;
    seen.add(template.variantGroup!);
    const others = members.filter((member) => member.id !== template.id && inScope(member, visible));
    yield (lang && pickVariant([template, ...others], { lang, formality: variantFormality(template) })) || template;
  }
}
