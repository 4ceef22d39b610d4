import { browser } from '../../shared/browser';
import { t } from '../../shared/ui/i18n';
import { brandsRepo, type BrandState } from './use-brand';

export type RepliesScope = 'brand' | 'all';

function viaText(state: BrandState): string | null {
  const { resolution } = state;
  // Nothing bound: the teaching hint says it all.
  if (!resolution?.visible && !resolution?.active) return null;
  if (!resolution.active) return t('brandNoneHint');
  if (resolution.via === 'override') return t('brandViaOverride');
  if (resolution.via === 'account') return t('brandViaAccount', state.account ?? '');
  return t('brandViaSite');
}

/**
 * Which brand the panel, the picker and Tab follow on this site, with a manual choice for the
 * site, and whether the Replies list shows that brand only or every brand.
 */
export function BrandBar(props: { brand: BrandState; scope: RepliesScope; onScope: (scope: RepliesScope) => void }) {
  const { brand } = props;
  if (brand.packs.length === 0) return null;
  if (brand.host === null) {
    return brand.anyBound ? <p class="brand-bar hint">{t('brandNoTarget')}</p> : null;
  }
  const host = brand.host;
  const nameOf = (id: string) => brand.packs.find((p) => p.id === id)?.name ?? id;
  // "Automatic" names what the bindings alone would choose, so the member sees what they override.
  const automatic = brand.override === null ? brand.resolution?.active ?? null : null;
  const also = brand.resolution?.alsoMatched ?? [];
  const automaticLabel = automatic
    ? t('brandAutomatic', nameOf(automatic))
    : brand.override
      ? t('brandAutomaticPlain')
      : brand.anyBound
        ? t('brandAutomaticNone')
        : t('brandAutomaticAll');
  const via = viaText(brand);
  return (
    <section class="brand-bar" aria-label={t('brandActiveLabel', host)}>
      <div class="brand-row">
        <label for="brand-select">{t('brandActiveLabel', host)}</label>
        <select
          id="brand-select"
          value={brand.override ?? ''}
          onChange={(event) => void brandsRepo.setOverride(host, event.currentTarget.value || null)}
        >
          <option value="">{automaticLabel}</option>
          {brand.packs.map((pack) => (
            <option key={pack.id} value={pack.id}>
              {pack.name}
            </option>
          ))}
        </select>
      </div>
      {via && <p class="hint brand-via">{via}</p>}
      {also.length > 0 && <p class="hint">{t('brandAlsoMatched', also.map(nameOf).join(', '))}</p>}
      {!brand.anyBound && (
        <p class="hint">
          {t('brandTeachHint')}{' '}
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('brandOpenSettings')}
          </button>
        </p>
      )}
      {brand.resolution?.visible && (
        <fieldset class="brand-scope">
          <legend>{t('brandRepliesScope')}</legend>
          <label>
            <input type="radio" name="brand-scope" checked={props.scope === 'brand'} onChange={() => props.onScope('brand')} />{' '}
            {brand.resolution.active ? t('brandScopeActive', nameOf(brand.resolution.active)) : t('brandScopeShared')}
          </label>
          <label>
            <input type="radio" name="brand-scope" checked={props.scope === 'all'} onChange={() => props.onScope('all')} />{' '}
            {t('brandScopeAll')}
          </label>
        </fieldset>
      )}
    </section>
  );
}
