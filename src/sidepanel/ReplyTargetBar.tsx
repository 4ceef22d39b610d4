import type { CrisisMatch } from '../shared/domain/crisis';
import type { ReplyTarget } from '../shared/messages/protocol';
import { t } from '../shared/ui/i18n';
import { ago } from './ago';
import { SiteCheckDetails } from './SiteCheckDetails';

/** Whom the agent is answering and how long ago they wrote; a crisis notice when it applies. */
export function ReplyTargetBar(props: { target: ReplyTarget | null; crisis: CrisisMatch | null; now?: number }) {
  const { target, crisis } = props;
  if (!target) return <p class="reply-target empty">{t('panelNoTarget')}</p>;
  const { authorName, handle, commentAt, commentPrecision } = target.context;
  // {{handle}} is bare (no site prefix); the bar shows it the way most sites write a username.
  const who = [authorName, handle && `@${handle}`].filter(Boolean).join(' ') || t('panelSomeone');
  const when =
    commentAt === null ? '' : `${commentPrecision === 'approximate' ? '≈ ' : ''}${ago(commentAt, props.now ?? Date.now())}`;
  return (
    <div class="reply-target">
      <p>
        <span class="reply-target-who">{t('panelReplyingTo', who)}</span>
        {when && <span class="reply-target-when"> · {when}</span>}
      </p>
      <SiteCheckDetails target={target} />
      {crisis && (
        <p class="crisis" role="alert">
          {t('panelCrisisNotice', crisis.signals.join(', '))}
        </p>
      )}
    </div>
  );
}
