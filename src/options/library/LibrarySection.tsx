import { useEffect, useRef, useState } from 'preact/hooks';
import { getDatabase } from '../../shared/db/database';
import { TemplatesRepo } from '../../shared/db/repos/templates';
import type { Template } from '../../shared/db/types';
import { t } from '../../shared/ui/i18n';
import { useLiveQuery } from '../../shared/ui/use-live-query';
import { RepliesView, type Status } from '../../sidepanel/replies/RepliesView';
import './library.css';

const repo = new TemplatesRepo(getDatabase());
/** As in the side panel: Undo stays offered for this long. */
const UNDO_MS = 10_000;

/**
 * The reply library in the options page, with the side panel's own list and editor: search,
 * variants, preview, bulk tags, create/edit/duplicate/delete with undo. There is no reply box
 * here, so choosing a row opens its editor (a team-pack row opens as a personal copy).
 */
export function LibrarySection() {
  const library = useLiveQuery(() => repo.list(), []);
  const [status, setStatus] = useState<Status | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  function show(next: Status) {
    clearTimeout(timer.current);
    setStatus(next);
    if (next.undo) timer.current = setTimeout(() => setStatus({ text: next.text }), UNDO_MS);
  }

  async function copy(template: Template) {
    try {
      await navigator.clipboard.writeText(template.body);
      show({ text: t('statusCopiedTemplate') });
    } catch {
      show({ text: t('statusFailed') });
    }
  }

  return (
    <section class="library-section" aria-labelledby="library-heading">
      <h2 id="library-heading">{t('optionsLibraryHeading')}</h2>
      <p class="hint">{t('optionsLibraryHint')}</p>
      <div class="status-row">
        <p class="status" role="status" aria-live="polite">
          {status?.text ?? ''}
        </p>
        {status?.undo && (
          <button
            type="button"
            class="undo"
            onClick={() => {
              const undo = status.undo!;
              setStatus({ text: status.text });
              undo();
            }}
          >
            {t('libUndo')}
          </button>
        )}
      </div>
      {library.error && <p class="form-error">{library.error}</p>}
      <div class="library-frame">
        <RepliesView repo={repo} templates={library.value} onCopy={copy} onStatus={show} autoFocus={false} />
      </div>
    </section>
  );
}
