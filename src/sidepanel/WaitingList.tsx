import { getDatabase } from '../shared/db/database';
import { PendingRepo } from '../shared/db/repos/pending';
import { waitingHost, waitingLink, type PendingReply } from '../shared/domain/pending';
import { t } from '../shared/ui/i18n';
import { useLiveQuery } from '../shared/ui/use-live-query';
import { ago } from './ago';

const pending = new PendingRepo(getDatabase());

/** Comments whose box was opened but never answered: nothing is forgotten, each can be dismissed. */
export function WaitingList() {
  const list = useLiveQuery(() => pending.list(), []).value ?? [];
  if (list.length === 0) return null;
  const now = Date.now();
  return (
    <section class="waiting" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">{t('waitingHeading', String(list.length))}</h2>
      <ul>
        {list.map((item) => (
          <WaitingItem key={item.key} item={item} now={now} />
        ))}
      </ul>
    </section>
  );
}

/**
 * One comment. Names and the link came from the page: the host shown is the page's as the browser
 * reported it, and the link opens only if it leads back into that site (see sameSiteLink).
 */
function WaitingItem({ item, now }: { item: PendingReply; now: number }) {
  const host = waitingHost(item);
  const link = waitingLink(item);
  return (
    <li class="waiting-item">
      <span class="waiting-who">{item.authorName ?? item.handle ?? t('panelSomeone')}</span>
      <span class="waiting-meta">
        {host && <span class="waiting-host">{host} · </span>}
        {t('waitingOpened', ago(item.openedAt, now))}
      </span>
      {link && (
        <a href={link} target="_blank" rel="noopener noreferrer" title={link}>
          {t('waitingOpen')}
        </a>
      )}
      <button type="button" onClick={() => void pending.remove(item.key)}>
        {t('waitingDismiss')}
      </button>
    </li>
  );
}
