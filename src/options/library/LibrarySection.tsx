import { getDatabase } from '../../shared/db/database';
import { TemplatesRepo } from '../../shared/db/repos/templates';
import { t } from '../../shared/ui/i18n';
import { useLiveQuery } from '../../shared/ui/use-live-query';
import { copyTemplateBody, StatusRow, useStatus } from '../../shared/ui/status';
import { RepliesView } from '../../sidepanel/replies/RepliesView';
import './library.css';

const repo = new TemplatesRepo(getDatabase());

/**
 * The reply library in the options page, with the side panel's own list and editor: search,
 * variants, preview, bulk tags, create/edit/duplicate/delete with undo. There is no reply box
 * here, so choosing a row opens its editor (a team-pack row opens as a personal copy).
 */
export function LibrarySection() {
  const library = useLiveQuery(() => repo.list(), []);
  const { status, setStatus, show } = useStatus();

  return (
    <section class="library-section" aria-labelledby="library-heading">
      <h2 id="library-heading">{t('optionsLibraryHeading')}</h2>
      <p class="hint">{t('optionsLibraryHint')}</p>
      <StatusRow status={status} onUndone={setStatus} />
      {library.error && <p class="form-error">{library.error}</p>}
      <div class="library-frame">
        <RepliesView repo={repo} templates={library.value} onCopy={(template) => copyTemplateBody(template, show)} onStatus={show} autoFocus={false} />
      </div>
    </section>
  );
}
