import { useEffect, useState } from 'preact/hooks';
import { getDatabase } from '../../shared/db/database';
import { BrandsRepo } from '../../shared/db/repos/brands';
import { normalizeAccount, normalizeSite, parseBindingList } from '../../shared/domain/brand';
import { t } from '../../shared/ui/i18n';
import { useLiveQuery } from '../../shared/ui/use-live-query';

let repo: BrandsRepo | undefined;
const brandsRepo = () => (repo ??= new BrandsRepo(getDatabase()));

const asAccounts = (accounts: string[]) => accounts.map((a) => `@${a}`).join(', ');

/**
 * Where a pack is the active brand: on the sites listed and/or when replying as one of the
 * accounts. Unbound packs apply everywhere, so nothing changes until a member binds one.
 */
export function PackBrand({ packId, packName }: { packId: string; packName: string }) {
  const stored = useLiveQuery(() => brandsRepo().bindings(), []).value;
  const binding = stored?.find((b) => b.packId === packId);
  const [sites, setSites] = useState('');
  const [accounts, setAccounts] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const storedKey = binding ? `${binding.sites.join(',')}|${binding.accounts.join(',')}` : '';
  useEffect(() => {
    setSites(binding?.sites.join(', ') ?? '');
    setAccounts(binding ? asAccounts(binding.accounts) : '');
  }, [storedKey]);

  async function save(event: Event) {
    event.preventDefault();
    const parsedSites = parseBindingList(sites, normalizeSite);
    const parsedAccounts = parseBindingList(accounts, normalizeAccount);
    const invalid = [...parsedSites.invalid, ...parsedAccounts.invalid];
    if (invalid.length) {
      setMessage({ text: t('brandInvalid', invalid.join(', ')), error: true });
      return;
    }
    const saved = await brandsRepo().setBinding(packId, parsedSites.values, parsedAccounts.values);
    setSites(saved.sites.join(', '));
    setAccounts(asAccounts(saved.accounts));
    setMessage({ text: saved.sites.length || saved.accounts.length ? t('brandSaved', packName) : t('brandCleared', packName), error: false });
  }

  const id = `brand-${packId}`;
  const where = binding ? [...binding.sites, ...binding.accounts.map((a) => `@${a}`)].join(', ') : '';
  return (
    <details class="packs-brand" open={message !== null}>
      <summary>{binding ? t('brandSummaryBound', where) : t('brandSummaryUnbound')}</summary>
      <form onSubmit={(event) => void save(event)} aria-labelledby={`${id}-heading`}>
        <h4 id={`${id}-heading`} class="visually-hidden">
          {t('brandHeading')}
        </h4>
        <p class="hint">{binding ? t('brandBoundHint', packName) : t('brandUnboundHint', packName)}</p>
        <div class="packs-form">
          <label for={`${id}-sites`}>{t('brandSitesLabel')}</label>
          <input
            id={`${id}-sites`}
            value={sites}
            placeholder="x.com, mastodon.social"
            aria-describedby={`${id}-sites-hint`}
            onInput={(e) => setSites(e.currentTarget.value)}
          />
          <span />
          <span id={`${id}-sites-hint`} class="hint">
            {t('brandSitesHint')}
          </span>
          <label for={`${id}-accounts`}>{t('brandAccountsLabel')}</label>
          <input
            id={`${id}-accounts`}
            value={accounts}
            placeholder="@acme, @acme@mastodon.social"
            aria-describedby={`${id}-accounts-hint`}
            onInput={(e) => setAccounts(e.currentTarget.value)}
          />
          <span />
          <span id={`${id}-accounts-hint`} class="hint">
            {t('brandAccountsHint')}
          </span>
        </div>
        <div class="row">
          <button type="submit">{t('brandSave')}</button>
          <span role={message?.error ? 'alert' : 'status'} class={message?.error ? 'packs-error' : undefined}>
            {message?.text ?? ''}
          </span>
        </div>
      </form>
    </details>
  );
}
