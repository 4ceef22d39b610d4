import { useState } from 'preact/hooks';
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
 * It reads the library only once opened: a live list of every reply would re-read thousands of
 * rows on each change, and slowed a team-pack import on this page from about 2 s to 3.7 s.
 */
export function LibrarySection(props: { onExportSelection: (ids: string[]) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <section class="library-section" aria-labelledby="library-heading">
      <h2 id="library-heading">{t('optionsLibraryHeading')}</h2>
      <p class="hint">{t('optionsLibraryHint')}</p>
      <button type="button" class="library-toggle" aria-expanded={open} aria-controls="library-body" onClick={() => setOpen(!open)}>
        {t(open ? 'optionsLibraryClose' : 'optionsLibraryOpen')}
      </button>
      {open && <LibraryBody onExportSelection={props.onExportSelection} />}
    </section>
  );
}

function LibraryBody(props: { onExportSelection: (ids: string[]) => void }) {
  const library = useLiveQuery(() => repo.list(), []);
  const { status, setStatus, show } = useStatus();
  return (
    <div id="library-body">
      <StatusRow status={status} onUndone={setStatus} />
      {library.error && <p class="form-error">{library.error}</p>}
      <div class="library-frame">
        <RepliesView repo={repo} templates={library.value} onCopy={(template) => copyTemplateBody(template, show)} onStatus={show} autoFocus={false} onExportSelection={props.onExportSelection} />
      </div>
    </div>
  );
}
