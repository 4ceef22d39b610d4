import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Template } from '../shared/db/types';
import { templateBlanks, type TemplateBlank } from '../shared/domain/template';
import { t } from '../shared/ui/i18n';
import './blanks.css';

type Answers = Array<[string, string]>;

function BlanksForm(props: { title: string; blanks: TemplateBlank[]; onDone(answers: Answers | null): void }) {
  const [values, setValues] = useState<string[]>(() => props.blanks.map(() => ''));
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      class="blanks-form"
      aria-label={t('blanksLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        props.onDone(props.blanks.map((blank, index) => [blank.label, values[index] ?? '']));
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onDone(null);
      }}
    >
      <p class="blanks-title">{props.title}</p>
      {props.blanks.map((blank, index) => (
        <label key={blank.label}>
          {blank.label}
          <input
            ref={index === 0 ? first : undefined}
            value={values[index]}
            placeholder={blank.fallback}
            maxLength={500}
            onInput={(event) => setValues(values.map((value, at) => (at === index ? event.currentTarget.value : value)))}
          />
        </label>
      ))}
      <p class="hint">{t('blanksHint')}</p>
      <button type="submit">{t('blanksInsert')}</button>{' '}
      <button type="button" onClick={() => props.onDone(null)}>
        {t('blanksCancel')}
      </button>
    </form>
  );
}

/**
 * Asks for a template's blanks (`{{input:Label}}`) before the panel inserts it. `ask` resolves to
 * undefined when the template has none, null when the agent cancels, else the answers.
 */
export function useBlanks(): { ask(template: Template): Promise<Answers | null | undefined>; form: VNode | null } {
  const [pending, setPending] = useState<{ template: Template; blanks: TemplateBlank[]; resolve(answers: Answers | null): void } | null>(null);
  const ask = (template: Template) => {
    const blanks = templateBlanks(template.body);
    if (blanks.length === 0) return Promise.resolve(undefined);
    pending?.resolve(null);
    return new Promise<Answers | null>((resolve) => setPending({ template, blanks, resolve }));
  };
  const form = pending && (
    <BlanksForm
      key={pending.template.id}
      title={pending.template.title}
      blanks={pending.blanks}
      onDone={(answers) => {
        setPending(null);
        pending.resolve(answers);
      }}
    />
  );
  return { ask, form };
}
