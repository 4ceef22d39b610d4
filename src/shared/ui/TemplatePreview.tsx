import { previewTemplate, type PreviewPart } from '../domain/template-preview';
import { t } from './i18n';
import type { PreviewContext } from './use-preview-context';
import './template-preview.css';

function Part(props: { part: PreviewPart }) {
  const { part } = props;
  switch (part.kind) {
    case 'text':
      return <>{part.text}</>;
    case 'value':
      return <span class="preview-value">{part.text}</span>;
    case 'fallback':
      return <span class="preview-fallback">{part.text}</span>;
    case 'missing':
      return (
        <mark class="preview-missing" title={t('previewMissingTitle')}>
          {`{{${part.name}}}`}
          <span class="visually-hidden"> {t('previewMissingTitle')}</span>
        </mark>
      );
    case 'blank':
      return (
        <mark class="preview-blank" title={t('previewBlankTitle')}>
          {`[${part.label}]`}
          <span class="visually-hidden"> {t('previewBlankTitle')}</span>
        </mark>
      );
  }
}

/**
 * The reply filled for the comment being answered, as text (never markup): values from the
 * comment are underlined, unknown variables and blanks to fill in are highlighted placeholders.
 */
export function TemplatePreview(props: { body: string; preview: PreviewContext; id?: string }) {
  const { context, who } = props.preview;
  const parts = previewTemplate(props.body, context);
  return (
    <figure class="template-preview" id={props.id}>
      <figcaption>{who === null ? t('previewNoComment') : t('previewForComment', who || t('panelSomeone'))}</figcaption>
      <p class="preview-text">
        {parts.map((part, index) => (
          <Part key={index} part={part} />
        ))}
      </p>
    </figure>
  );
}
