import { useEffect, useState } from 'preact/hooks';
import { GUIDE_LIMITS } from '../../shared/domain/tone/personal-guide';
import { t } from '../../shared/ui/i18n';
import type { GuideStore } from './use-guide-store';

/** The crisis signal words the team adds to the built-in ones, one per line. */
export function SignalsEditor({ store }: { store: GuideStore }) {
  const [text, setText] = useState('');
  const [dirty, setDirty] = useState(false);
  const stored = store.guide?.crisisSignals;
  useEffect(() => {
    if (stored && !dirty) setText(stored.join('\n'));
  }, [stored, dirty]);

  async function save(event: Event) {
    event.preventDefault();
    const signals = [...new Set(text.split('\n').map((line) => line.trim()).filter(Boolean))];
    if (await store.save((guide) => ({ ...guide, crisisSignals: signals }))) setDirty(false);
  }

  return (
    <form class="guide-block" onSubmit={(event) => void save(event)}>
      <h3>
        <label for="guide-signals">{t('guideSignalsHeading')}</label>
      </h3>
      <p class="hint" id="guide-signals-hint">
        {t('guideSignalsHint')}
      </p>
      <textarea
        id="guide-signals"
        rows={5}
        aria-describedby="guide-signals-hint"
        value={text}
        maxLength={GUIDE_LIMITS.signals * (GUIDE_LIMITS.signal + 1)}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setDirty(true);
        }}
      />
      <div class="row">
        <button type="submit" disabled={!dirty}>
          {t('guideSignalsSave')}
        </button>
      </div>
    </form>
  );
}
