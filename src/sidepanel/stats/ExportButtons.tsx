import { useState } from 'preact/hooks';
import { t } from '../../shared/ui/i18n';
import { download, type EventPages, type ExportFormat } from './export';
import { runExport } from './export-runner';

/** CSV and JSON exports, built in the export worker with a progress line. */
export function ExportButtons(props: { source: EventPages }) {
  const [progress, setProgress] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(format: ExportFormat) {
    setBusy(true);
    try {
      const blob = await runExport(format, props.source, (done, total) =>
        setProgress(t('statsExportProgress', String(Math.round((done / Math.max(1, total)) * 100)))),
      );
      download(blob, `tono-stats-${new Date().toISOString().slice(0, 10)}.${format}`);
      setProgress(t('statsExportDone'));
    } catch {
      setProgress(t('statsExportFailed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="stats-export">
      <button type="button" class="stats-button" disabled={busy} onClick={() => run('csv')}>
        {t('statsExportCsv')}
      </button>
      <button type="button" class="stats-button" disabled={busy} onClick={() => run('json')}>
        {t('statsExportJson')}
      </button>
      <span role="status" class="hint">{progress ?? ''}</span>
    </div>
  );
}
