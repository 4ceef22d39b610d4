import { releaseHostAccessIfUnused } from '../host-access';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../shared/browser';
import type { InstalledPack, PackSubscription } from '../../shared/db/repos/packs';
import { parsePackUrl } from '../../shared/domain/pack';
import { foldText } from '../../shared/domain/text';
import { sendFromPage } from '../../shared/messages/client';
import { t } from '../../shared/ui/i18n';
import { useLiveQuery } from '../../shared/ui/use-live-query';
import { packErrorText } from './error-text';
import { outcomeText } from './outcome-text';
import { PackBrand } from './PackBrand';
import { PackConflicts } from './PackConflicts';
import { packsRepo } from './repo';

const when = (time: number | null) => (time === null ? t('packsNeverSynced') : t('packsLastSync', new Date(time).toLocaleString()));

function SubscriptionStatus({ subscription }: { subscription: PackSubscription }) {
  if (subscription.status === 'error' && subscription.error) {
    return <span class="packs-error">{t('packsStatusError', packErrorText(subscription.error))}</span>;
  }
  return <span>{subscription.status === 'ok' ? t('packsStatusOk') : t('packsStatusPending')}</span>;
}

/** Stops following a URL; gives the host permission back when no other subscription needs it. */
async function unfollow(url: string): Promise<void> {
  await packsRepo().unsubscribe(url);
  // Only the permission pattern is wanted here, whatever host the URL names.
  const parsed = parsePackUrl(url, { allowPrivate: true });
  if (parsed.ok) await releaseHostAccessIfUnused(parsed.value.permission);
}

/**
 * A policy can add a URL but cannot click the browser's permission prompt: the member grants the
 * origin once here (unless the server sends CORS headers, see docs/managed-storage.md).
 */
function ManagedAccess({ url }: { url: string }) {
  const parsed = parsePackUrl(url, { allowPrivate: true });
  const permission = parsed.ok ? parsed.value.permission : null;
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    if (permission) void browser.permissions.contains({ origins: [permission] }).then(setGranted);
  }, [permission]);
  return (
    <span class="hint">
      {t('packsManaged')}{' '}
      {permission && granted === false ? (
        <button type="button" onClick={() => void browser.permissions.request({ origins: [permission] }).then(setGranted)}>
          {t('packsAllowAccess')}
        </button>
      ) : null}
    </span>
  );
}

function SyncControls({ subscription }: { subscription: PackSubscription }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  async function sync(confirmed: { allowRemoveAll?: boolean; allowIdChange?: boolean } = {}) {
    setBusy(true);
    setMessage(t('packsSyncing'));
    try {
      const { outcomes } = await sendFromPage('packSyncNow', {
        url: subscription.url,
        allowRemoveAll: confirmed.allowRemoveAll ?? false,
        allowIdChange: confirmed.allowIdChange ?? false,
      });
      setMessage(outcomes.map(outcomeText).join(' '));
    } catch (failure) {
      setMessage(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="row">
      <button type="button" onClick={() => void sync()} disabled={busy}>
        {t('packsSyncNow')}
      </button>
      {subscription.error?.code === 'removesAll' ? (
        <button type="button" class="danger" onClick={() => void sync({ allowRemoveAll: true })} disabled={busy}>
          {t('packsApplyAnyway')}
        </button>
      ) : null}
      {subscription.error?.code === 'idChanged' ? (
        <button type="button" class="danger" onClick={() => void sync({ allowIdChange: true })} disabled={busy}>
          {t('packsReplacePack')}
        </button>
      ) : null}
      {subscription.managed ? (
        <ManagedAccess url={subscription.url} />
      ) : (
        <button type="button" class="secondary" onClick={() => void unfollow(subscription.url)} disabled={busy}>
          {t('packsUnfollow')}
        </button>
      )}
      <span role="status">{message}</span>
    </div>
  );
}

function PackItems({ packId }: { packId: string }) {
  const [filter, setFilter] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const items = useLiveQuery(() => packsRepo().items(packId), [packId]).value ?? [];
  const needle = foldText(filter.trim());
  const shown = (needle ? items.filter((item) => item.searchText.includes(needle)) : items).slice(0, 100);
  return (
    <div>
      <label>
        {t('packsFilterLabel')} <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      </label>
      <ul class="packs-items">
        {shown.map((item) => (
          <li key={item.id}>
            <strong>{item.title}</strong> {item.shortcut ? <code>{item.shortcut}</code> : null} <span class="hint">{t('packsReadOnly')}</span>
            <p class="packs-body">{item.body}</p>
            <button
              type="button"
              class="secondary"
              onClick={() => void packsRepo().duplicateToLibrary(item.id).then(() => setCopied(item.id))}
            >
              {t('packsDuplicate')}
            </button>
            {copied === item.id ? <span role="status"> {t('packsDuplicated')}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PackRow({ pack }: { pack: InstalledPack }) {
  const { record, subscription } = pack;
  const conflicts = useLiveQuery(() => packsRepo().conflictsOf(record.id), [record.id]).value ?? [];
  // A pack can hold 10 000 replies: they are read only while the list is open.
  const [showItems, setShowItems] = useState(false);
  return (
    <li class="packs-pack">
      <div>
        <strong>{record.name}</strong> <code>{record.id}</code> · {t('packsVersion', record.version)} ·{' '}
        {record.sourceUrl ? t('packsSourceUrl', record.sourceUrl) : t('packsSourceFile')}
      </div>
      <div class="hint">
        {t('packsSummary', String(record.templateCount), String(record.guidelines.length), String(record.rules.length))}
      </div>
      {subscription ? (
        <div>
          {when(subscription.lastSuccessAt)} · <SubscriptionStatus subscription={subscription} />
          <SyncControls subscription={subscription} />
        </div>
      ) : (
        <div class="row">
          <button type="button" class="secondary" onClick={() => void packsRepo().remove(record.id)}>
            {t('packsRemove')}
          </button>
        </div>
      )}
      <PackConflicts conflicts={conflicts} ignored={record.ignoredShortcuts ?? []} />
      <PackBrand packId={record.id} packName={record.name} />
      <details onToggle={(event) => setShowItems(event.currentTarget.open)}>
        <summary>{t('packsShowReplies', String(record.templateCount))}</summary>
        {showItems ? <PackItems packId={record.id} /> : null}
      </details>
    </li>
  );
}

/** Installed packs with version, last sync and status; followed URLs still waiting for a first good sync. */
export function PackList() {
  const packs = useLiveQuery(() => packsRepo().list(), []).value ?? [];
  const subscriptions = useLiveQuery(() => packsRepo().subscriptions(), []).value ?? [];
  const changed = useLiveQuery(() => packsRepo().changedOriginals(), []).value ?? [];
  const waiting = subscriptions.filter((s) => !s.packId);
  return (
    <div class="packs-block">
      <h3>{t('packsInstalledHeading')}</h3>
      {packs.length === 0 && waiting.length === 0 ? <p class="hint">{t('packsNone')}</p> : null}
      <ul class="packs-list">
        {packs.map((pack) => (
          <PackRow key={pack.record.id} pack={pack} />
        ))}
        {waiting.map((subscription) => (
          <li key={subscription.url} class="packs-pack">
            <div>{t('packsSourceUrl', subscription.url)}</div>
            <SubscriptionStatus subscription={subscription} />
            <SyncControls subscription={subscription} />
          </li>
        ))}
      </ul>
      {changed.length > 0 ? (
        <div>
          <h4>{t('packsChangedCopiesHeading')}</h4>
          <ul>
            {changed.map(({ copy, original }) => (
              <li key={copy.id}>
                {original ? t('packsChangedCopy', copy.title, original.title) : t('packsRemovedCopy', copy.title)}{' '}
                {original ? <p class="packs-body">{original.body}</p> : null}
                <button type="button" class="secondary" onClick={() => void packsRepo().acknowledgeOriginal(copy.id)}>
                  {t('packsAcknowledge')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
