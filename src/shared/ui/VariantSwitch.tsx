import type { Template } from '../db/types';
import { variantName } from '../domain/variants';
import { t } from './i18n';
import './variant-switch.css';

/**
 * The variants of one reply as a compact switch (es · en · usted): the pressed chip is the one
 * shown; `onAdd` offers a new variant. Keyboard: the chips are ordinary buttons.
 */
export function VariantSwitch(props: {
  title: string;
  members: readonly Template[];
  current: string | null;
  onChoose: (template: Template) => void;
  onAdd?: () => void;
  /** Roving focus in the list: only the selected row's controls are in the tab order. */
  tabIndex?: number;
}) {
  return (
    <div class="variant-switch" role="group" aria-label={t('libVariantsLabel', props.title)}>
      {/* A fixed order (by name), so chips never move when usage changes. */}
      {[...props.members]
        .sort((a, b) => variantName(a).localeCompare(variantName(b)))
        .map((member) => (
          <button
            key={member.id}
            type="button"
            class="variant-chip"
            lang={member.lang}
            aria-pressed={member.id === props.current ? 'true' : 'false'}
            title={member.title}
            tabIndex={props.tabIndex}
            onClick={() => props.onChoose(member)}
          >
            {variantName(member)}
          </button>
        ))}
      {props.onAdd && (
        <button type="button" class="variant-add" tabIndex={props.tabIndex} onClick={props.onAdd} aria-label={t('libVariantAddNamed', props.title)}>
          {t('libVariantAdd')}
        </button>
      )}
    </div>
  );
}
