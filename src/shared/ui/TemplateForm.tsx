import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang, Template } from '../db/types';
import { PLATFORMS, type Platform } from '../domain/platform';
import { checkLengths } from '../domain/platform-limits';
import { t } from './i18n';
import { TemplatePreview } from './TemplatePreview';
import { VariantSwitch } from './VariantSwitch';
import './template-form.css';
import type { PreviewContext } from './use-preview-context';

/** What the form edits; the caller decides ids, timestamps and how to save. */
export interface TemplateFields {
  title: string;
  body: string;
  shortcut: string;
  tags: string[];
  lang: Lang;
  platforms: Platform[];
  /** Tells a language variant apart in its group ("es-MX", "usted"); empty: its language. */
  variantLabel: string;
}

export function fieldsOf(template: Template | null): TemplateFields {
  return {
    title: template?.title ?? '',
    body: template?.body ?? '',
    shortcut: template?.shortcut ?? '',
    tags: template?.tags ?? [],
    lang: template?.lang ?? 'es',
    platforms: template?.platforms ?? [],
    variantLabel: template?.variantLabel ?? '',
  };
}

const SELECTABLE_PLATFORMS = PLATFORMS.filter((p) => p !== 'other');

/**
 * Creates or edits one reply: title, text, shortcut, tags, language, platforms, with a length
 * count against each platform's limit. Used by the side panel and the options page. `onSave`
 * returns an error message to show, or null when saved.
 */
export function TemplateForm(props: {
  initial: TemplateFields;
  heading: string;
  /** Fills the live preview: the comment being answered, if any. */
  preview: PreviewContext;
  /** The reply's language variants (with this one), to switch to another or add one. */
  variants?: { members: readonly Template[]; current: string | null; onOpen: (template: Template) => void; onAdd?: () => void };
  onSave: (fields: TemplateFields) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [fields, setFields] = useState(props.initial);
  const [tagsText, setTagsText] = useState(props.initial.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = useRef<HTMLInputElement>(null);
  // `autofocus` only works once per page load; the form opens and closes many times.
  useEffect(() => title.current?.focus(), []);
  const set = <K extends keyof TemplateFields>(key: K, value: TemplateFields[K]) => setFields({ ...fields, [key]: value });

  async function submit(event: Event) {
    event.preventDefault();
    const tags = tagsText
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag, i, all) => tag && all.indexOf(tag) === i);
    const next = { ...fields, title: fields.title.trim(), tags, variantLabel: fields.variantLabel.trim() };
    if (!next.title || !next.body.trim()) {
      setError(t('libErrorRequired'));
      return;
    }
    setBusy(true);
    try {
      setError(await props.onSave(next));
    } finally {
      setBusy(false);
    }
  }

  const lengths = checkLengths(fields.body, fields.platforms);
  return (
    <form class="template-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <h2>{props.heading}</h2>
      {props.variants && (
        <VariantSwitch
          title={fields.title}
          members={props.variants.members}
          current={props.variants.current}
          onChoose={props.variants.onOpen}
          onAdd={props.variants.onAdd}
        />
      )}
      <label>
        {t('libFormTitle')}
        <input ref={title} name="title" value={fields.title} onInput={(e) => set('title', e.currentTarget.value)} required />
      </label>
      <label>
        {t('libFormBody')}
        <textarea name="body" rows={6} value={fields.body} onInput={(e) => set('body', e.currentTarget.value)} required aria-describedby="form-body-hint" />
      </label>
      <p id="form-body-hint" class="hint">
        {t('libFormBodyHint')}
      </p>
      <TemplatePreview body={fields.body} preview={props.preview} />
      <div class="form-row">
        <label>
          {t('libFormShortcut')}
          <input name="shortcut" value={fields.shortcut} onInput={(e) => set('shortcut', e.currentTarget.value)} />
        </label>
        <label>
          {t('libFormLang')}
          <select name="lang" value={fields.lang} onChange={(e) => set('lang', e.currentTarget.value === 'en' ? 'en' : 'es')}>
            <option value="es">{t('libLangEs')}</option>
            <option value="en">{t('libLangEn')}</option>
          </select>
        </label>
        <label>
          {t('libVariantField')}
          <input name="variantLabel" value={fields.variantLabel} placeholder={t('libVariantPlaceholder')} onInput={(e) => set('variantLabel', e.currentTarget.value)} maxLength={40} />
        </label>
      </div>
      <label>
        {t('libFormTags')}
        <input name="tags" value={tagsText} onInput={(e) => setTagsText(e.currentTarget.value)} />
      </label>
      <fieldset class="platforms">
        <legend>{t('libFormPlatforms')}</legend>
        {SELECTABLE_PLATFORMS.map((platform) => (
          <label key={platform} class="check">
            <input
              type="checkbox"
              name="platforms"
              value={platform}
              checked={fields.platforms.includes(platform)}
              onChange={(e) =>
                set('platforms', e.currentTarget.checked ? [...fields.platforms, platform] : fields.platforms.filter((p) => p !== platform))
              }
            />
            {platform}
          </label>
        ))}
      </fieldset>
      <section class="lengths" aria-label={t('libFormLength')}>
        <ul>
          {lengths.map((check) => (
            <li key={check.platform} class={check.over ? 'over' : ''} data-platform={check.platform}>
              {t('libFormLengthItem', check.platform, String(check.length), String(check.limit))}
              {check.over && ` · ${t('libFormOver')}`}
            </li>
          ))}
        </ul>
      </section>
      {error && (
        <p class="error form-error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('libFormSave')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('libFormCancel')}
        </button>
      </div>
    </form>
  );
}
