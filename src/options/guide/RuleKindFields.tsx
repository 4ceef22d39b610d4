import { t } from '../../shared/ui/i18n';
import { LENGTH_KEYS, type RuleDraft } from './rule-draft';

type Setter = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => void;

/** The fields of one rule kind, in the rule form's two-column grid. */
export function RuleKindFields({ draft, set, field }: { draft: RuleDraft; set: Setter; field: (name: string) => string }) {
  switch (draft.kind) {
    case 'avoid':
      return (
        <>
          <label for={field('terms')}>{t('guideRuleTerms')}</label>
          <textarea id={field('terms')} rows={4} maxLength={50_000} value={draft.terms} onInput={(e) => set('terms', e.currentTarget.value)} />
          <label class="check span">
            <input type="checkbox" checked={draft.regex} onChange={(e) => set('regex', e.currentTarget.checked)} />
            {t('guideRuleRegex')}
          </label>
        </>
      );
    case 'prefer':
      return (
        <>
          <label for={field('swap')}>{t('guideRuleSwap')}</label>
          <textarea id={field('swap')} rows={4} maxLength={50_000} value={draft.swap} placeholder="problema -> incidencia" onInput={(e) => set('swap', e.currentTarget.value)} />
        </>
      );
    case 'length':
      return (
        <fieldset class="span rule-lengths">
          <legend>{t('guideRuleMax')}</legend>
          {LENGTH_KEYS.map((key) => (
            <label key={key}>
              {key === 'default' ? t('guideLengthDefault') : key}
              <input
                type="number"
                min={1}
                max={100000}
                value={draft.max[key] ?? ''}
                onInput={(e) => set('max', { ...draft.max, [key]: e.currentTarget.value })}
              />
            </label>
          ))}
        </fieldset>
      );
    case 'require':
      return (
        <>
          <label for={field('element')}>{t('guideRuleElement')}</label>
          <select id={field('element')} value={draft.element} onChange={(e) => set('element', e.currentTarget.value as RuleDraft['element'])}>
            {(['greeting', 'signoff', 'name', 'custom'] as const).map((element) => (
              <option key={element} value={element}>
                {t(`guideElement_${element}`)}
              </option>
            ))}
          </select>
          {draft.element !== 'name' && (
            <>
              <label for={field('patterns')}>{t('guideRulePatterns')}</label>
              <textarea id={field('patterns')} rows={3} maxLength={20_000} value={draft.patterns} onInput={(e) => set('patterns', e.currentTarget.value)} />
            </>
          )}
          <label for={field('where')}>{t('guideRuleWhere')}</label>
          <select id={field('where')} value={draft.where} onChange={(e) => set('where', e.currentTarget.value as RuleDraft['where'])}>
            {(['start', 'end', 'anywhere'] as const).map((where) => (
              <option key={where} value={where}>
                {t(`guideWhere_${where}`)}
              </option>
            ))}
          </select>
        </>
      );
    case 'shouting':
      return (
        <>
          <label for={field('upper')}>{t('guideRuleUpper')}</label>
          <input id={field('upper')} type="number" min={0} max={100} value={draft.upperPercent} onInput={(e) => set('upperPercent', e.currentTarget.value)} />
          <label for={field('exclamations')}>{t('guideRuleExclamations')}</label>
          <input id={field('exclamations')} type="number" min={0} value={draft.exclamations} onInput={(e) => set('exclamations', e.currentTarget.value)} />
        </>
      );
    case 'emoji':
      return (
        <>
          <label for={field('emoji-max')}>{t('guideRuleEmojiMax')}</label>
          <input id={field('emoji-max')} type="number" min={0} value={draft.emojiMax} onInput={(e) => set('emojiMax', e.currentTarget.value)} />
          <label for={field('emoji-allowed')}>{t('guideRuleEmojiAllowed')}</label>
          <input id={field('emoji-allowed')} value={draft.allowed} maxLength={500} onInput={(e) => set('allowed', e.currentTarget.value)} />
        </>
      );
    case 'formality':
      return (
        <>
          <label for={field('expect')}>{t('guideRuleExpect')}</label>
          <select id={field('expect')} value={draft.expect} onChange={(e) => set('expect', e.currentTarget.value as RuleDraft['expect'])}>
            <option value="">{t('guideExpect_any')}</option>
            <option value="tu">{t('guideExpect_tu')}</option>
            <option value="usted">{t('guideExpect_usted')}</option>
          </select>
        </>
      );
  }
}
