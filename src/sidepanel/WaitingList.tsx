import { getDatabase } from '../shared/db/database';
import { PendingRepo } from '../shared/db/repos/pending';
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
          <li key={item.key} class="waiting-item">
            <span class="waiting-who">{item.authorName ?? item.handle ?? t('panelSomeone')}</span>
            <span class="waiting-meta">
              {item.platform} · {t('waitingOpened', ago(item.openedAt, now))}
            </span>
            {item.permalink && /^https?:\/\//.test(item.permalink) && (
              <a href={item.permalink} target="_blank" rel="noopener noreferrer">
                {t('waitingOpen')}
              </a>
            )}
            <button type="button" onClick={() => void pending.remove(item.key)}>
              {t('waitingDismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
