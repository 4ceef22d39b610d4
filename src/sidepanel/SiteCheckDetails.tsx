import type { ReplyTarget } from '../shared/messages/protocol';
import { t } from '../shared/ui/i18n';

interface Row {
  key: string;
  label: string;
  /** null: nothing to read (the content script did not tell). */
  found: boolean | null;
  value?: string;
}

/** The list opens over the panel: Escape closes it again, back on its summary. */
function closeOnEscape(event: KeyboardEvent) {
  const details = event.currentTarget as HTMLDetailsElement;
  if (event.key !== 'Escape' || !details.open) return;
  details.open = false;
  details.querySelector('summary')?.focus();
}

/**
 * What Tono read from the focused box, each part as read / not found, so a person sees at once
 * when a site changed under Tono. Closed by default: one line under the reply-target bar.
 */
export function SiteCheckDetails(props: { target: ReplyTarget }) {
  const { context, platform, host, check } = props.target;
  const precision =
    context.commentPrecision === 'exact' ? t('siteCheckExact') : context.commentPrecision === 'approximate' ? t('siteCheckApproximate') : '';
  const rows: Row[] = [
    { key: 'name', label: t('siteCheckName'), found: Boolean(context.authorName) },
    { key: 'handle', label: t('siteCheckHandle'), found: Boolean(context.handle) },
    { key: 'time', label: t('siteCheckTime'), found: context.commentAt !== null, value: context.commentAt !== null ? precision : undefined },
    { key: 'link', label: t('siteCheckLink'), found: Boolean(context.permalink) },
    { key: 'send', label: t('siteCheckSend'), found: check ? check.sendKnown : null },
  ];
  const missing = rows.filter((row) => row.found === false).length;
  return (
    <details class="site-check" onKeyDown={closeOnEscape}>
      <summary>
        {t('siteCheckSummary')}
        <span class={missing ? 'site-check-count missing' : 'site-check-count'}>
          {' · '}
          {missing ? t('siteCheckMissing', String(missing)) : t('siteCheckAllRead')}
        </span>
      </summary>
      <dl>
        <div data-check="site">
          <dt>{t('siteCheckSite')}</dt>
          <dd>
            {platform} · {host}
          </dd>
        </div>
        <div data-check="editor">
          <dt>{t('siteCheckEditor')}</dt>
          <dd>{check ? check.editor : t('siteCheckUnknown')}</dd>
        </div>
        {rows.map((row) => (
          <div key={row.key} data-check={row.key} data-found={row.found === null ? 'unknown' : String(row.found)}>
            <dt>{row.label}</dt>
            <dd class={row.found === false ? 'site-check-missing' : undefined}>
              {row.found === null ? t('siteCheckUnknown') : row.found ? t('siteCheckRead') : t('siteCheckNotFound')}
              {row.value ? ` (${row.value})` : ''}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
