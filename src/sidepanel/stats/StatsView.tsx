import { t } from '../../shared/ui/i18n';

/** The Stats view of the side panel (response times). Placeholder until the stats work lands. */
export function StatsView() {
  return <p class="empty">{t('panelNoReplies')}</p>;
}
