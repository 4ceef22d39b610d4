import type { Template } from '../shared/db/types';
import { t } from '../shared/ui/i18n';

export function ReplyList(props: {
  templates: Template[];
  onInsert: (template: Template) => void;
  onCopy: (template: Template) => void;
}) {
  if (props.templates.length === 0) return <p class="empty">{t('panelNoMatches')}</p>;
  return (
    <ul class="replies" aria-label={t('panelRepliesLabel')}>
      {props.templates.map((template) => (
        <li key={template.id} class="reply" data-template-id={template.id}>
          <button type="button" class="reply-main" onClick={() => props.onInsert(template)} title={t('panelInsertHint')}>
            <span class="reply-title">{template.title}</span>
            {template.shortcut && <kbd class="reply-shortcut">{template.shortcut}</kbd>}
            <span class="reply-body">{template.body}</span>
          </button>
          <button type="button" class="reply-copy" onClick={() => props.onCopy(template)} aria-label={t('panelCopy')}>
            {t('panelCopy')}
          </button>
        </li>
      ))}
    </ul>
  );
}
