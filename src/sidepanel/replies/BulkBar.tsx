import { useState } from 'preact/hooks';
import type { TemplatesRepo, BulkOutcome } from '../../shared/db/repos/templates';
import { t } from '../../shared/ui/i18n';
import type { Status } from '../../shared/ui/status';
import type { Selection } from './use-selection';
import './library.css';

/** What a bulk action says: how many changed, and the team-pack replies it left alone. */
function outcomeText(done: string, outcome: BulkOutcome): string {
  return outcome.skipped > 0 ? `${done} ${t('libBulkSkipped', String(outcome.skipped))}` : done;
}

/**
 * Actions on the ticked replies: add or remove a tag, delete. Each is one transaction in the
 * repository and can be undone from the status line. Team-pack replies are read-only: skipped.
 * Where `onExport` is given (the options page), the ticked replies can also go into a team pack.
 */
export function BulkBar(props: {
  repo: TemplatesRepo;
  selection: Selection;
  tags: readonly string[];
  onStatus: (status: Status) => void;
  onExport?: (ids: string[]) => void;
}) {
  const { repo, selection } = props;
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);
  const count = selection.ids.size;
  if (count === 0) return null;
  const ids = [...selection.ids];

  async function run(action: () => Promise<BulkOutcome>, done: (outcome: BulkOutcome) => string, restored: string) {
    setBusy(true);
    try {
      const outcome = await action();
      props.onStatus({
        text: outcomeText(done(outcome), outcome),
        undo: outcome.before.length ? () => void repo.restoreAll(outcome.before).then(() => props.onStatus({ text: restored })) : undefined,
      });
    } catch {
      props.onStatus({ text: t('libBulkFailed') });
    } finally {
      setBusy(false);
    }
  }

  const retag = (action: 'add' | 'remove') => {
    const wanted = tag.trim();
    if (!wanted) return;
    void run(
      () => repo.retagAll(ids, wanted, action),
      (outcome) => t(action === 'add' ? 'libBulkTagAdded' : 'libBulkTagRemoved', wanted, String(outcome.before.length)),
      t('libBulkRestored'),
    );
  };

  return (
    <section class="bulk-bar" aria-label={t('libBulkLabel')}>
      <p class="bulk-count" aria-live="polite">
        {t('libBulkSelected', String(count))}
      </p>
      <form
        class="bulk-tag"
        onSubmit={(event) => {
          event.preventDefault();
          retag('add');
        }}
      >
        <label>
          <span class="visually-hidden">{t('libBulkTagLabel')}</span>
          <input
            name="bulk-tag"
            value={tag}
            list="bulk-tag-options"
            placeholder={t('libBulkTagPlaceholder')}
            onInput={(event) => setTag(event.currentTarget.value)}
          />
        </label>
        <datalist id="bulk-tag-options">
          {props.tags.map((existing) => (
            <option key={existing} value={existing} />
          ))}
        </datalist>
        <button type="submit" class="bulk-add" disabled={busy || !tag.trim()}>
          {t('libBulkAddTag')}
        </button>
        <button type="button" class="bulk-remove" disabled={busy || !tag.trim()} onClick={() => retag('remove')}>
          {t('libBulkRemoveTag')}
        </button>
      </form>
      <button
        type="button"
        class="bulk-delete"
        disabled={busy}
        onClick={() =>
          void run(
            async () => {
              const outcome = await repo.removeAll(ids);
              selection.clear();
              return outcome;
            },
            (outcome) => t('libBulkDeleted', String(outcome.before.length)),
            t('libBulkRestored'),
          )
        }
      >
        {t('libBulkDelete')}
      </button>
      {props.onExport && (
        <button type="button" class="bulk-export" disabled={busy} onClick={() => props.onExport?.(ids)}>
          {t('libBulkExport')}
        </button>
      )}
      <button type="button" class="bulk-clear" onClick={selection.clear}>
        {t('libBulkClear')}
      </button>
    </section>
  );
}
