import { useEffect, useState } from 'preact/hooks';
import { GUIDE_LIMITS, type GuideSection } from '../../shared/domain/tone/personal-guide';
import { t, type MessageKey } from '../../shared/ui/i18n';
import { Markdown } from '../../shared/ui/Markdown';
import type { GuideStore } from './use-guide-store';

/** The sections a company's tone manual usually has; each starts as a titled, empty section. */
const PRESETS: readonly MessageKey[] = ['guidePreset_voice', 'guidePreset_dos', 'guidePreset_vocabulary', 'guidePreset_escalation', 'guidePreset_crisis'];

/** Guideline sections in Markdown, each with a live preview rendered by the panel's safe renderer. */
export function SectionsEditor({ store }: { store: GuideStore }) {
  const [sections, setSections] = useState<GuideSection[]>([]);
  const [dirty, setDirty] = useState(false);
  const stored = store.guide?.sections;
  // Follow the stored guide (another window's save included) until the user starts editing.
  useEffect(() => {
    if (stored && !dirty) setSections(stored);
  }, [stored, dirty]);

  const update = (next: GuideSection[]) => {
    setSections(next);
    setDirty(true);
  };
  const add = (title: string) => update([...sections, { id: `s-${crypto.randomUUID()}`, title, body: '' }]);
  const patch = (id: string, fields: Partial<GuideSection>) => update(sections.map((s) => (s.id === id ? { ...s, ...fields } : s)));
  async function save(event: Event) {
    event.preventDefault();
    if (await store.save((guide) => ({ ...guide, sections }))) setDirty(false);
  }

  return (
    <form class="guide-block" onSubmit={(event) => void save(event)} aria-labelledby="guide-sections-heading">
      <h3 id="guide-sections-heading">{t('guideSectionsHeading')}</h3>
      {sections.length === 0 && <p class="hint">{t('guideSectionsEmpty')}</p>}
      {sections.map((section, index) => (
        <fieldset key={section.id} class="guide-section-edit">
          <legend>{section.title || t('guideSectionUntitled', String(index + 1))}</legend>
          <label for={`${section.id}-title`}>{t('guideSectionTitle')}</label>
          <input
            id={`${section.id}-title`}
            value={section.title}
            maxLength={GUIDE_LIMITS.title}
            onInput={(e) => patch(section.id, { title: e.currentTarget.value })}
          />
          <div class="guide-split">
            <div>
              <label for={`${section.id}-body`}>{t('guideSectionBody')}</label>
              <textarea
                id={`${section.id}-body`}
                rows={8}
                value={section.body}
                maxLength={GUIDE_LIMITS.body}
                onInput={(e) => patch(section.id, { body: e.currentTarget.value })}
              />
            </div>
            <div class="guide-preview" aria-label={t('guideSectionPreview')} role="region">
              <p class="hint">{t('guideSectionPreview')}</p>
              <Markdown source={section.body} headingOffset={3} />
            </div>
          </div>
          <button type="button" class="secondary" onClick={() => update(sections.filter((s) => s.id !== section.id))}>
            {t('guideSectionRemove', section.title || String(index + 1))}
          </button>
        </fieldset>
      ))}
      <div class="row guide-presets">
        <span class="hint">{t('guideSectionAdd')}</span>
        {PRESETS.map((key) => (
          <button key={key} type="button" class="secondary" onClick={() => add(t(key))} disabled={sections.length >= GUIDE_LIMITS.sections}>
            {t(key)}
          </button>
        ))}
        <button type="button" class="secondary" onClick={() => add('')} disabled={sections.length >= GUIDE_LIMITS.sections}>
          {t('guideSectionBlank')}
        </button>
      </div>
      <div class="row">
        <button type="submit" disabled={!dirty}>
          {t('guideSectionsSave')}
        </button>
      </div>
    </form>
  );
}
