import { t } from '../../shared/ui/i18n';
import { RulesEditor } from './RulesEditor';
import { SectionsEditor } from './SectionsEditor';
import { SignalsEditor } from './SignalsEditor';
import { useGuideStore } from './use-guide-store';
import './guide.css';

/**
 * The personal tone guide (for someone without a pack, or a team lead preparing one): guideline
 * sections, tone rules and crisis signals, stored locally. Team packs' guides stay read-only.
 */
export function GuideSection() {
  const store = useGuideStore();
  return (
    <section id="my-guide" class="guide-editor" aria-labelledby="guide-heading">
      <h2 id="guide-heading">{t('guideMineHeading')}</h2>
      <p class="hint">{t('guideMineIntro')}</p>
      {store.guide === undefined ? (
        <p class="hint">{t('panelLoading')}</p>
      ) : (
        <>
          <SectionsEditor store={store} />
          <RulesEditor store={store} />
          <SignalsEditor store={store} />
        </>
      )}
      <p role="status" class={store.status?.error ? 'form-error' : 'hint'}>
        {store.status?.text ?? ''}
      </p>
    </section>
  );
}
