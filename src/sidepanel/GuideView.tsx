import { getDatabase } from '../shared/db/database';
import { PacksRepo } from '../shared/db/repos/packs';
import { t } from '../shared/ui/i18n';
import { Markdown } from '../shared/ui/Markdown';
import { useLiveQuery } from '../shared/ui/use-live-query';
import { MyGuide } from './guide/MyGuide';
import { useBrand } from './brand/use-brand';
import { useReplyTarget } from './use-reply-target';

const packs = new PacksRepo(getDatabase());

/** The tone guide: every installed pack's guideline sections, the active brand's first, Markdown shown safely. */
export function GuideView() {
  const installed = useLiveQuery(() => packs.list(), []);
  const active = useBrand(useReplyTarget()).resolution?.active ?? null;
  if (installed.error) return <p class="error">{t('panelLoadError', installed.error)}</p>;
  if (installed.value === undefined) return <p class="empty">{t('panelLoading')}</p>;
  const withGuide = installed.value
    .filter(({ record }) => record.guidelines.length > 0)
    .sort((a, b) => Number(b.record.id === active) - Number(a.record.id === active));
  if (withGuide.length === 0) return <MyGuide alone />;
  return (
    <div class="guide">
      <MyGuide />
      {withGuide.map(({ record }) => (
        <section key={record.id} class="guide-pack" aria-labelledby={`guide-${record.id}`}>
          <h2 id={`guide-${record.id}`}>
            {record.name}
            {record.id === active && <span class="brand-badge"> {t('brandGuideActive')}</span>}
          </h2>
          {record.guidelines.map((section) => (
            <section key={section.id} class="guide-section">
              <h3>{section.title}</h3>
              <Markdown source={section.body} headingOffset={3} />
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
