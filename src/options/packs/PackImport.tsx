import { useState } from 'preact/hooks';
import type { ShortcutConflict } from '../../shared/db/repos/packs';
import { bumpVersion, csvToPack, decodeSpreadsheet, dropCommonShortcuts, PACK_LIMITS, packError, parsePackText, type Pack, type PackDiff, type PackError } from '../../shared/domain/pack';
import { foldText } from '../../shared/domain/text';
import { t } from '../../shared/ui/i18n';
import { packErrorText } from './error-text';
import { PackConflicts } from './PackConflicts';
import { PackPreview } from './PackPreview';
import { packsRepo } from './repo';

interface Pending {
  pack: Pack;
  diff: PackDiff;
  conflicts: ShortcutConflict[];
  /** Shortcuts the pack asks for that are common words: installed without them. */
  ignored: string[];
}

/** A spreadsheet becomes a pack named after its file, so re-importing the same sheet updates it. */
async function csvPack(fileName: string, text: string) {
  const name = fileName.replace(/\.[^.]+$/, '').slice(0, 100) || 'CSV';
  const id = foldText(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'csv';
  const installed = await packsRepo().current(id);
  const now = new Date();
  return csvToPack(text, { id, name, version: bumpVersion(installed?.record.version ?? null, now), updatedAt: now.toISOString() });
}

/** Import a JSON pack or a CSV sheet: read, validate, preview the diff, then apply on confirmation. */
export function PackImport() {
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<PackError | null>(null);
  const [done, setDone] = useState('');
  const [confirmAll, setConfirmAll] = useState(false);
  const [busy, setBusy] = useState(false);

  function reset() {
    setPending(null);
    setConfirmAll(false);
  }

  async function choose(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    reset();
    setError(null);
    setDone('');
    if (!file) return;
    // UTF-8 takes at most 4 bytes per character: anything bigger cannot fit the text limit.
    if (file.size > PACK_LIMITS.maxTextLength * 4) {
      setError(packError('tooLarge', Math.round(PACK_LIMITS.maxTextLength / 1024 / 1024)));
      return;
    }
    setBusy(true);
    try {
      const text = decodeSpreadsheet(new Uint8Array(await file.arrayBuffer()));
      const isCsv = /\.(csv|tsv|txt)$/i.test(file.name) || (!/\.json$/i.test(file.name) && !text.replace(/^\ufeff/, '').trimStart().startsWith('{'));
      const result = isCsv ? await csvPack(file.name, text) : parsePackText(text);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      const current = await packsRepo().current(result.value.id);
      if (current && current.record.sourceUrl) {
        setError(packError('idConflict', result.value.id, current.record.sourceUrl));
        return;
      }
      const [diff, conflicts] = await Promise.all([packsRepo().preview(result.value), packsRepo().shortcutConflicts(result.value)]);
      setPending({ pack: result.value, diff, conflicts, ignored: dropCommonShortcuts(result.value).dropped });
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    if (!pending) return;
    setBusy(true);
    try {
      const result = await packsRepo().apply(pending.pack, { sourceUrl: null, allowRemoveAll: confirmAll });
      if (!result.ok) setError(result.error);
      else setDone(t('packsApplied', pending.pack.name, pending.pack.version));
      reset();
    } finally {
      setBusy(false);
    }
  }

  const needsConfirmation = pending?.diff.removesAll === true;
  return (
    <div class="packs-block packs-import">
      <h3>{t('packsImportHeading')}</h3>
      <div class="row">
        <label for="pack-file">{t('packsImportLabel')}</label>
        <input id="pack-file" type="file" accept=".json,.csv,.tsv,application/json,text/csv" onChange={(e) => void choose(e)} disabled={busy} />
      </div>
      <p class="hint">{t('packsImportHint')}</p>
      <p role="alert" class="packs-error">
        {error ? packErrorText(error) : ''}
      </p>
      <p role="status">{done}</p>
      {pending ? (
        <div>
          <PackPreview name={pending.pack.name} diff={pending.diff} />
          <PackConflicts conflicts={pending.conflicts} ignored={pending.ignored} />
          {needsConfirmation ? (
            <label class="packs-confirm">
              <input type="checkbox" checked={confirmAll} onChange={(e) => setConfirmAll(e.currentTarget.checked)} />{' '}
              {t('packsRemovesAllConfirm', String(pending.diff.removed.length))}
            </label>
          ) : null}
          <div class="row">
            <button type="button" onClick={() => void apply()} disabled={busy || (needsConfirmation && !confirmAll)}>
              {t('packsConfirmImport')}
            </button>
            <button type="button" class="secondary" onClick={reset} disabled={busy}>
              {t('packsCancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
