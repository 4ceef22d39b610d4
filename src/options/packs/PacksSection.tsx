import { t } from '../../shared/ui/i18n';
import { PackExport, type ExportRequest } from './PackExport';
import { PackImport } from './PackImport';
import { PackList } from './PackList';
import { PackSubscribe } from './PackSubscribe';
import './packs.css';

/** Team packs: installed packs and their sync status, import with preview, follow by URL, export. */
export function PacksSection(props: { exportRequest: ExportRequest | null }) {
  return (
    <section class="packs" aria-labelledby="packs-heading">
      <h2 id="packs-heading">{t('packsHeading')}</h2>
      <p class="hint">{t('packsHint')}</p>
      <PackList />
      <PackImport />
      <PackSubscribe />
      <PackExport request={props.exportRequest} />
    </section>
  );
}
