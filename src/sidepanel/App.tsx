import { useMemo, useState } from 'preact/hooks';
import { getDatabase } from '../shared/db/database';
import { ReplyEventsRepo } from '../shared/db/repos/reply-events';
import { TemplatesRepo } from '../shared/db/repos/templates';
import type { Template } from '../shared/db/types';
import { foldText } from '../shared/domain/text';
import { sendFromPage } from '../shared/messages/client';
import type { InsertOutcome } from '../shared/messages/protocol';
import { t, type MessageKey } from '../shared/ui/i18n';
import { useLiveQuery } from '../shared/ui/use-live-query';
import { RecentReplies } from './RecentReplies';
import { ReplyList } from './ReplyList';
import { targetTabId } from './target-tab';

const db = getDatabase();
const templatesRepo = new TemplatesRepo(db);
const eventsRepo = new ReplyEventsRepo(db);

const OUTCOME_MESSAGES: Record<string, MessageKey> = {
  'no-box': 'statusNoBox',
  clipboard: 'statusCopied',
  'tab-unreachable': 'statusTabUnreachable',
  'unknown-template': 'statusUnknownTemplate',
};

function statusFor(outcome: InsertOutcome): MessageKey {
  return outcome.ok ? 'statusInserted' : (OUTCOME_MESSAGES[outcome.reason] ?? 'statusFailed');
}

/** Every search word must appear in the folded text; accents and case do not matter. */
function matches(template: Template, words: string[]): boolean {
  return words.every((word) => template.searchText.includes(word));
}

export function App() {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<MessageKey | null>(null);
  const templates = useLiveQuery(() => templatesRepo.list(), []);
  const events = useLiveQuery(() => eventsRepo.recent(5), []);

  const words = useMemo(() => foldText(query).split(/\s+/).filter(Boolean), [query]);
  const visible = useMemo(
    () => (templates.value ?? []).filter((template) => matches(template, words)),
    [templates.value, words],
  );

  async function insert(template: Template) {
    try {
      setStatus(statusFor(await sendFromPage('insertTemplate', { templateId: template.id, tabId: await targetTabId() })));
    } catch {
      setStatus('statusFailed');
    }
  }

  async function copy(template: Template) {
    try {
      await navigator.clipboard.writeText(template.body);
      setStatus('statusCopiedTemplate');
    } catch {
      setStatus('statusFailed');
    }
  }

  return (
    <main class="panel">
      <header class="panel-header">
        <h1>Tono</h1>
        <p class="tagline">{t('panelTagline')}</p>
      </header>
      <label class="search">
        <span class="visually-hidden">{t('panelSearchLabel')}</span>
        <input
          type="search"
          value={query}
          placeholder={t('panelSearchPlaceholder')}
          onInput={(event) => setQuery(event.currentTarget.value)}
          autofocus
        />
      </label>
      <p class="status" role="status" aria-live="polite">
        {status ? t(status) : ''}
      </p>
      {templates.error && <p class="error">{t('panelLoadError', templates.error)}</p>}
      {templates.value === undefined ? (
        <p class="empty">{t('panelLoading')}</p>
      ) : (
        <ReplyList templates={visible} onInsert={insert} onCopy={copy} />
      )}
      <section class="recent" aria-labelledby="recent-heading">
        <h2 id="recent-heading">{t('panelRecentHeading')}</h2>
        <RecentReplies events={events.value ?? []} />
      </section>
    </main>
  );
}
