import { useEffect, useRef, useState } from 'preact/hooks';
import { GUIDE_LIMITS, ruleCheck, type StoredRule } from '../../shared/domain/tone/personal-guide';
import { ruleErrorText } from '../../shared/ui/rule-error-text';
import { t, uiLanguage } from '../../shared/ui/i18n';
import { RuleForm } from './RuleForm';
import { draftFromRule, emptyDraft, RULE_KINDS, type RuleKind } from './rule-draft';
import type { GuideStore } from './use-guide-store';

/** The rule being edited, by its id (null: a new one), so another window's changes cannot shift it. */
type Editing = { id: string | null; kind: RuleKind } | null;

function nextId(kind: RuleKind, rules: readonly StoredRule[]): string {
  const ids = new Set(rules.map((rule) => rule.id));
  let n = 1;
  while (ids.has(`${kind}-${n}`)) n++;
  return `${kind}-${n}`;
}

function ruleMessage(rule: StoredRule): string {
  const messages = (rule.messages ?? {}) as { es?: unknown; en?: unknown };
  const lang = uiLanguage().toLowerCase().startsWith('es') ? 'es' : 'en';
  const pick = [messages[lang], messages.es, messages.en, rule.message].find((item) => typeof item === 'string' && item);
  return typeof pick === 'string' ? pick : '';
}

/** The personal guide's machine-checkable rules: a list, and a form per kind to add or edit one. */
export function RulesEditor({ store }: { store: GuideStore }) {
  const [editing, setEditing] = useState<Editing>(null);
  const [kind, setKind] = useState<RuleKind>('prefer');
  const rules = store.guide?.rules ?? [];
  const kindSelect = useRef<HTMLSelectElement>(null);
  const wasEditing = useRef(false);
  // When a form closes (saved or cancelled), the keyboard goes back to where rules are added.
  useEffect(() => {
    if (wasEditing.current && editing === null) kindSelect.current?.focus();
    wasEditing.current = editing !== null;
  }, [editing]);

  async function saveRule(id: string | null, rule: StoredRule): Promise<boolean> {
    const saved = await store.save((guide) => ({
      ...guide,
      // A rule deleted in another window meanwhile comes back as this edit rather than being lost.
      rules: id !== null && guide.rules.some((item) => item.id === id) ? guide.rules.map((item) => (item.id === id ? rule : item)) : [...guide.rules, rule],
    }));
    if (saved) setEditing(null);
    return saved;
  }

  const form = (id: string | null, rule: StoredRule | null, ruleKind: RuleKind) => (
    <RuleForm
      initial={rule ? draftFromRule(rule) : emptyDraft(ruleKind, nextId(ruleKind, rules))}
      otherIds={rules.filter((item) => item.id !== id).map((item) => item.id)}
      idForKind={id === null ? (next) => nextId(next, rules) : undefined}
      onSave={(next) => saveRule(id, next)}
      onCancel={() => setEditing(null)}
    />
  );

  return (
    <section class="guide-block" aria-labelledby="guide-rules-heading">
      <h3 id="guide-rules-heading">{t('guideRulesHeading')}</h3>
      {rules.length === 0 && <p class="hint">{t('guideRulesEmpty')}</p>}
      <ul class="guide-rules">
        {rules.map((rule, index) => {
          const error = ruleCheck(rule, rules.filter((_, i) => i !== index).map((item) => item.id));
          const problem = error && ruleErrorText(error);
          return (
            <li key={rule.id} data-rule-id={rule.id}>
              {editing?.id === rule.id ? (
                form(rule.id, rule, editing.kind)
              ) : (
                <div class="guide-rule">
                  <span class="rule-name">{rule.id}</span>
                  <span class="hint">{RULE_KINDS.includes(rule.kind as RuleKind) ? t(`guideKind_${rule.kind as RuleKind}`) : String(rule.kind)}</span>
                  <span class="rule-message">{ruleMessage(rule)}</span>
                  {problem && <span class="form-error">{t('toneRuleInvalid', rule.id, problem)}</span>}
                  <span class="row">
                    <button type="button" class="secondary" aria-label={t('guideRuleEditLabel', rule.id)} onClick={() => setEditing({ id: rule.id, kind: rule.kind as RuleKind })}>
                      {t('guideRuleEdit')}
                    </button>
                    <button
                      type="button"
                      class="secondary"
                      aria-label={t('guideRuleDeleteLabel', rule.id)}
                      onClick={() => void store.save((guide) => ({ ...guide, rules: guide.rules.filter((item) => item.id !== rule.id) }))}
                    >
                      {t('guideRuleDelete')}
                    </button>
                  </span>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {editing?.id === null ? (
        form(null, null, editing.kind)
      ) : (
        <div class="row">
          <label for="guide-rule-kind">{t('guideRuleKind')}</label>
          <select ref={kindSelect} id="guide-rule-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as RuleKind)}>
            {RULE_KINDS.map((item) => (
              <option key={item} value={item}>
                {t(`guideKind_${item}`)}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => setEditing({ id: null, kind })} disabled={rules.length >= GUIDE_LIMITS.rules}>
            {t('guideRuleAdd')}
          </button>
        </div>
      )}
    </section>
  );
}
