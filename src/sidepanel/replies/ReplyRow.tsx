import type { Template } from '../../shared/db/types';
import { t } from '../../shared/ui/i18n';
import { TemplatePreview } from '../../shared/ui/TemplatePreview';
import { VariantSwitch } from '../../shared/ui/VariantSwitch';
import type { PreviewContext } from '../../shared/ui/use-preview-context';

/** A row's height, and what an open preview adds to it (the list's windowing needs both). */
export const ROW_HEIGHT = 112;
export const PREVIEW_HEIGHT = 150;

export interface RowActions {
  insert(template: Template): void;
  copy(template: Template): void;
  edit(template: Template): void;
  duplicate(template: Template): void;
  remove(template: Template): void;
  toggleFavorite(template: Template): void;
  /** A new language variant of this reply, in its group. */
  addVariant(template: Template): void;
}

/** One reply in the list. Everything is rendered as text: a body with markup shows the markup. */
export function ReplyRow(props: {
  template: Template;
  selected: boolean;
  actions: RowActions;
  index: number;
  /** What clicking the row does (insert, or edit in the options page). */
  activateHint: string;
  /** Ticked for a bulk action; `onTick(range)` with range for Shift+click. */
  ticked: boolean;
  onTick: (range: boolean) => void;
  /** The filled-in preview, when this row's is open. */
  preview: PreviewContext | null;
  onPreview: () => void;
  /** The reply's variant group (this row shows one of them), or null. */
  variants: { members: readonly Template[]; onChoose: (template: Template) => void } | null;
}) {
  const { template, actions } = props;
  const readOnly = template.source === 'pack';
  return (
    <li
      id={`reply-${props.index}`}
      class={`reply${props.selected ? ' selected' : ''}${props.ticked ? ' ticked' : ''}`}
      data-template-id={template.id}
      style={props.preview ? { height: `${ROW_HEIGHT + PREVIEW_HEIGHT}px` } : undefined}
    >
      <button
        type="button"
        class="reply-main"
        onClick={() => actions.insert(template)}
        title={props.activateHint}
        aria-current={props.selected ? 'true' : undefined}
        tabIndex={props.selected ? 0 : -1}
      >
        <span class="reply-title">{template.title}</span>
        {template.shortcut && <kbd class="reply-shortcut">{template.shortcut}</kbd>}
        <span class="reply-body">{template.body}</span>
      </button>
      {props.variants && (
        <VariantSwitch
          title={template.title}
          members={props.variants.members}
          current={template.id}
          onChoose={props.variants.onChoose}
          onAdd={readOnly ? undefined : () => actions.addVariant(template)}
          tabIndex={props.selected ? 0 : -1}
        />
      )}
      {props.preview && <TemplatePreview id={`preview-${props.index}`} body={template.body} preview={props.preview} />}
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
        <button
          type="button"
          class="reply-preview"
          aria-expanded={props.preview ? 'true' : 'false'}
          aria-controls={props.preview ? `preview-${props.index}` : undefined}
          aria-label={t('previewNamed', template.title)}
          onClick={props.onPreview}
          tabIndex={props.selected ? 0 : -1}
        >
          {t('previewToggle')}
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
