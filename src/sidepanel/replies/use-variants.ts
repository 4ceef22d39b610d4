import { useMemo, useState } from 'preact/hooks';
import { getDatabase } from '../../shared/db/database';
import { PacksRepo } from '../../shared/db/repos/packs';
import type { Template } from '../../shared/db/types';
import { detectLanguage } from '../../shared/domain/suggest';
import { guideFormality, regionOf, variantGroups, type VariantPrefs } from '../../shared/domain/variants';
import { uiLanguage } from '../../shared/ui/i18n';
import { useLiveQuery } from '../../shared/ui/use-live-query';
import { usePersonalGuide } from '../guide/use-personal-guide';

const packs = new PacksRepo(getDatabase());

export interface Variants {
  groups: ReadonlyMap<string, readonly Template[]>;
  prefs: VariantPrefs;
  /** Variants the user switched to, per group; they win over the preferences. */
  chosen: ReadonlyMap<string, string>;
  choose(group: string, id: string): void;
}

/**
 * The library's variant groups and which variant each shows: the one in the comment's language,
 * with the guide's tú/usted (packs' and personal formality rules), unless the user picked one.
 */
export function useVariants(templates: readonly Template[] | undefined, comment: string): Variants {
  const groups = useMemo(() => variantGroups(templates ?? []), [templates]);
  const installed = useLiveQuery(() => packs.list(), []).value;
  const personal = usePersonalGuide();
  const formality = useMemo(
    () => guideFormality([...(installed ?? []).flatMap(({ record }) => record.rules), ...(personal?.rules ?? [])]),
    [installed, personal],
  );
  const prefs = useMemo(() => ({ lang: comment ? detectLanguage(comment) : null, formality, region: regionOf(uiLanguage()) }), [comment, formality]);
  const [chosen, setChosen] = useState<ReadonlyMap<string, string>>(new Map());
  return { groups, prefs, chosen, choose: (group, id) => setChosen(new Map([...chosen, [group, id]])) };
}
