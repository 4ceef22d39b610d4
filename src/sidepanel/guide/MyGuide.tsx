import { browser } from '../../shared/browser';
import { t } from '../../shared/ui/i18n';
import { Markdown } from '../../shared/ui/Markdown';
import { usePersonalGuide } from './use-personal-guide';

function EditButton() {
  return (
    <button type="button" class="link guide-edit" onClick={() => void browser.runtime.openOptionsPage()}>
      {t('guideMineEdit')}
    </button>
  );
}

/**
 * The user's own guide in the panel's Guide view (read-only here; edited in the options page).
 * With `alone`, no pack has a guide either, so an empty personal guide teaches where to start.
 */
export function MyGuide(props: { alone?: boolean }) {
  const guide = usePersonalGuide();
  if (guide === undefined) return null;
  if (guide.sections.length === 0) {
    return props.alone ? (
      <div class="empty">
        <p>{t('libGuideEmpty')}</p>
        <p>{t('guideMineEmpty')}</p>
        <EditButton />
      </div>
    ) : null;
  }
  const view = (
    <section class="guide-pack guide-mine" aria-labelledby="guide-mine">
      <h2 id="guide-mine">
        {t('guideMineName')} <EditButton />
      </h2>
      {guide.sections.map((section) => (
        <section key={section.id} class="guide-section">
          <h3>{section.title}</h3>
          <Markdown source={section.body} headingOffset={3} />
        </section>
      ))}
    </section>
  );
  return props.alone ? <div class="guide">{view}</div> : view;
}
