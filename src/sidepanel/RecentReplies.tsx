import type { ReplyEvent } from '../shared/db/types';
import { formatDuration } from '../shared/domain/response-time';
import { t, uiLanguage } from '../shared/ui/i18n';

export function RecentReplies(props: { events: ReplyEvent[] }) {
  if (props.events.length === 0) return <p class="empty">{t('panelNoReplies')}</p>;
  const time = new Intl.DateTimeFormat(uiLanguage(), { hour: '2-digit', minute: '2-digit' });
  return (
    <ul class="events">
      {props.events.map((event) => (
        <li key={event.id} class="event" data-event-id={event.id}>
          <span class="event-platform">{event.platform}</span>
          <span class="event-time">{time.format(event.submittedAt)}</span>
          <span class="event-response">
            {event.responseSeconds === null
              ? t('panelResponseUnknown')
              : t('panelResponseTime', formatDuration(event.responseSeconds))}
          </span>
        </li>
      ))}
    </ul>
  );
}
