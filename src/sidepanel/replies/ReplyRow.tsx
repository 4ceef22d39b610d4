import type { Template } from '../../shared/db/types';
import { t } from '../../shared/ui/i18n';

export interface RowActions {
  insert(template: Template): void;
  copy(template: Template): void;
  edit(template: Template): void;
  duplicate(template: Template): void;
  remove(template: Template): void;
  toggleFavorite(template: Template): void;
}

/** One reply in the list. Everything is rendered as text: a body with markup shows the markup. */
export function ReplyRow(props: {
  template: Template;
  selected: boolean;
  actions: RowActions;
  index: number;
  /** Ticked for a bulk action; `onTick(range)` with range for Shift+click. */
  ticked: boolean;
  onTick: (range: boolean) => void;
}) {
  const { template, actions } = props;
  const readOnly = template.source === 'pack';
  return (
    <li
      id={`reply-${props.index}`}
      class={`reply${props.selected ? ' selected' : ''}${props.ticked ? ' ticked' : ''}`}
      data-template-id={template.id}
    >
      <button
        type="button"
        class="reply-main"
        onClick={() => actions.insert(template)}
        title={t('panelInsertHint')}
        aria-current={props.selected ? 'true' : undefined}
        tabIndex={props.selected ? 0 : -1}
      >
        <span class="reply-title">{template.title}</span>
        {template.shortcut && <kbd class="reply-shortcut">{template.shortcut}</kbd>}
        <span class="reply-body">{template.body}</span>
      </button>
      <div class="reply-actions">
        <input
          type="checkbox"
          class="reply-select"
          checked={props.ticked}
          aria-label={t('libSelectNamed', template.title)}
          onClick={(event) => props.onTick(event.shiftKey)}
          tabIndex={props.selected ? 0 : -1}
        />
        <button
          type="button"
          class="reply-favorite"
          aria-pressed={template.favorite ? 'true' : 'false'}
          aria-label={t('libFavorite', template.title)}
          onClick={() => actions.toggleFavorite(template)}
          tabIndex={props.selected ? 0 : -1}
        >
          {template.favorite ? '★' : '☆'}
        </button>
        <button type="button" class="reply-copy" onClick={() => actions.copy(template)} tabIndex={props.selected ? 0 : -1}>
          {t('panelCopy')}
        </button>
        {/* Team pack replies are read-only: duplicate one to make a personal, editable copy. */}
        {readOnly ? (
          <span class="reply-pack">{t('libTeamReply')}</span>
        ) : (
          <button type="button" class="reply-edit" aria-label={t('libEditNamed', template.title)} onClick={() => actions.edit(template)} tabIndex={props.selected ? 0 : -1}>
            {t('libEdit')}
          </button>
        )}
        <button
          type="button"
          class="reply-duplicate"
          aria-label={t('libDuplicateNamed', template.title)}
          onClick={() => actions.duplicate(template)}
          tabIndex={props.selected ? 0 : -1}
        >
          {t('libDuplicate')}
        </button>
        {!readOnly && (
          <button type="button" class="reply-delete" aria-label={t('libDeleteNamed', template.title)} onClick={() => actions.remove(template)} tabIndex={props.selected ? 0 : -1}>
            {t('libDelete')}
          </button>
        )}
      </div>
    </li>
  );
}
