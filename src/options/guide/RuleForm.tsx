import { useEffect, useRef, useState } from 'preact/hooks';
import { ruleCheck, type StoredRule } from '../../shared/domain/tone/personal-guide';
import { ruleErrorText } from '../../shared/ui/rule-error-text';
import { t } from '../../shared/ui/i18n';
import { RuleKindFields } from './RuleKindFields';
import { badSwapLines, ruleFromDraft, RULE_KINDS, SEVERITIES, type RuleDraft, type RuleKind } from './rule-draft';

/** Why a rule cannot be saved, in the user's words, or null. */
function ruleIssue(rule: StoredRule, otherIds: readonly string[]): string | null {
  const error = ruleCheck(rule, otherIds);
  return error && ruleErrorText(error);
}

/**
 * Edits one rule: its kind, name, severity and message (Spanish and English), then the fields of
 * its kind. A rule the engine would reject (a bad pattern, a missing value) is not saved, and the
 * error names it; the other rules keep working meanwhile. Changing the kind keeps what was typed
 * for the other kinds in the draft, so switching back loses nothing; only the saved kind's fields
 * are stored.
 */
export function RuleForm(props: {
  initial: RuleDraft;
  otherIds: readonly string[];
  /** For a new rule: the name it would get for a kind, so an untouched name follows the kind. */
  idForKind?: (kind: RuleKind) => string;
  onSave: (rule: StoredRule) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(props.initial);
  const [error, setError] = useState('');
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const field = (name: string) => `rule-${name}`;
  const first = useRef<HTMLInputElement>(null);
  const changeKind = (kind: RuleKind) =>
    setDraft((current) => {
      const { idForKind } = props;
      const untouchedId = idForKind !== undefined && current.id === idForKind(current.kind);
      return { ...current, kind, id: untouchedId ? idForKind(kind) : current.id };
    });
  // The button that opened the form is gone: the keyboard continues in the form's first field.
  useEffect(() => first.current?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    const name = draft.id.trim() || '?';
    const badLines = draft.kind === 'prefer' ? badSwapLines(draft.swap) : [];
    const rule = ruleFromDraft(draft);
    const problem = !draft.messageEs.trim() && !draft.messageEn.trim()
      ? t('guideRuleNoMessage')
      : badLines.length
        ? t('guideRuleBadSwap', badLines.join(', '))
        : ruleIssue(rule, props.otherIds);
    if (problem) {
      setError(t('guideRuleInvalid', name, problem));
      return;
    }
    setError('');
    await props.onSave(rule);
  }

  return (
    <form
      class="rule-form"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => event.key === 'Escape' && props.onCancel()}
      aria-label={t('guideRuleFormLabel', t(`guideKind_${draft.kind}`))}
    >
      <div class="rule-grid">
        <label for={field('kind')}>{t('guideRuleKind')}</label>
        <select id={field('kind')} value={draft.kind} onChange={(e) => changeKind(e.currentTarget.value as RuleKind)}>
          {RULE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`guideKind_${kind}`)}
            </option>
          ))}
        </select>
        <label for={field('id')}>{t('guideRuleId')}</label>
        <input ref={first} id={field('id')} value={draft.id} maxLength={100} required onInput={(e) => set('id', e.currentTarget.value)} />
        <label for={field('severity')}>{t('guideRuleSeverity')}</label>
        <select id={field('severity')} value={draft.severity} onChange={(e) => set('severity', e.currentTarget.value as RuleDraft['severity'])}>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {t(`toneSeverity_${severity}`)}
            </option>
          ))}
        </select>
        <label for={field('message-es')}>{t('guideRuleMessageEs')}</label>
        <input id={field('message-es')} lang="es" value={draft.messageEs} maxLength={500} aria-describedby={field('message-hint')} onInput={(e) => set('messageEs', e.currentTarget.value)} />
        <label for={field('message-en')}>{t('guideRuleMessageEn')}</label>
        <input id={field('message-en')} lang="en" value={draft.messageEn} maxLength={500} aria-describedby={field('message-hint')} onInput={(e) => set('messageEn', e.currentTarget.value)} />
        <p class="hint span" id={field('message-hint')}>
          {t('guideRuleMessageHint')}
        </p>
        <RuleKindFields draft={draft} set={set} field={field} />
      </div>
      <p role="alert" class="form-error">
        {error}
      </p>
      <div class="row">
        <button type="submit">{t('guideRuleSave')}</button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t('guideRuleCancel')}
        </button>
      </div>
    </form>
  );
}
