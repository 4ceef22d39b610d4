import type { FunctionComponent } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { getDatabase } from '../shared/db/database';
import { ReplyEventsRepo } from '../shared/db/repos/reply-events';
import { TemplatesRepo } from '../shared/db/repos/templates';
import type { Template } from '../shared/db/types';
import { sendFromPage } from '../shared/messages/client';
import type { InsertOutcome } from '../shared/messages/protocol';
import { t, type MessageKey } from '../shared/ui/i18n';
import { useLiveQuery } from '../shared/ui/use-live-query';
import { inScope } from '../shared/domain/brand';
import { ownValue } from '../shared/domain/own-value';
import { useBlanks } from './BlanksForm';
import { BrandBar, type RepliesScope } from './brand/BrandBar';
import { useBrand } from './brand/use-brand';
import { useCrisis } from './guide/use-personal-guide';
import { RecentReplies } from './RecentReplies';
import { ReplyTargetBar } from './ReplyTargetBar';
import { RepliesView } from './replies/RepliesView';
import { copyTemplateBody, StatusRow, useStatus } from '../shared/ui/status';
import { Tabs } from './Tabs';
import { ToneCheck } from './ToneCheck';
import { targetTabId } from './target-tab';
import { useReplyTarget } from './use-reply-target';
import { WaitingList } from './WaitingList';
import type { Shell } from './boot/shell';
import { FIRST_SCREEN, inIdOrder } from './boot/first-screen-size';

const db = getDatabase();
const templatesRepo = new TemplatesRepo(db);
const eventsRepo = new ReplyEventsRepo(db);

const OUTCOME_MESSAGES: Record<string, MessageKey> = {
  'no-box': 'statusNoBox',
  clipboard: 'statusCopied',
  'tab-unreachable': 'statusTabUnreachable',
  'unknown-template': 'statusUnknownTemplate',
};

/** The reason comes back from a content script: an unknown one (even "constructor") is a plain failure. */
function statusFor(outcome: InsertOutcome): MessageKey {
  return outcome.ok ? 'statusInserted' : (ownValue(OUTCOME_MESSAGES, outcome.reason) ?? 'statusFailed');
}

type View = 'replies' | 'guide' | 'stats';

export function App(props: { shell?: Shell }) {
  const { shell } = props;
  const [view, setView] = useState<View>('replies');
  const { status, setStatus, show } = useStatus();
  // The full read starts once the first screen has painted: reading and decoding 10 000 rows
  // would otherwise hold that first frame back.
  const firstScreen = useFirstScreen(shell?.rows ?? null);
  // Taking over from the shell: its query, caret and focus (read in this first render, before
  // any further key can arrive), then the action clicked there, if any.
  const [handover] = useState(() =>
    shell ? { query: shell.query, selection: shell.hadFocus ? shell.selection : null, pending: shell.pending } : null,
  );
  useLayoutEffect(() => shell?.retire(), []);
  useEffect(() => {
    const pending = handover?.pending;
    if (pending?.kind === 'view' && (pending.key === 'guide' || pending.key === 'stats')) setView(pending.key);
    if (pending?.kind !== 'insert') return;
    const template = firstScreen?.find((row) => row.id === pending.id);
    if (template) void insert(template);
  }, []);
  const [readAll, setReadAll] = useState(false);
  useEffect(() => {
    if (firstScreen) setReadAll(true);
  }, [firstScreen]);
  const library = useLiveQuery(() => (readAll ? templatesRepo.list() : Promise.resolve(null)), [readAll]);
  const [repliesScope, setRepliesScope] = useState<RepliesScope>('brand');
  const events = useLiveQuery(() => eventsRepo.recent(5), []);
  const target = useReplyTarget();
  const brand = useBrand(target);
  // The Replies list keeps to the active brand (plus personal, starter and unbound packs) unless
  // the member asks for every brand.
  const visible = repliesScope === 'brand' ? (brand.resolution?.visible ?? null) : null;
  const scoped = useMemo(
    () => (library.value && visible ? library.value.filter((template) => inScope(template, visible)) : library.value),
    [library.value, visible],
  );
  const templates = { value: scoped ?? undefined, error: library.error };
  const scopedFirst = firstScreen && visible ? firstScreen.filter((template) => inScope(template, visible)) : firstScreen;
  const commentText = target?.context.commentText ?? '';
  const crisis = useCrisis(commentText);

  const blanks = useBlanks();

  async function insert(template: Template) {
    try {
      const inputs = await blanks.ask(template);
      if (inputs === null) return;
      show({ text: t(statusFor(await sendFromPage('insertTemplate', { templateId: template.id, tabId: await targetTabId(), inputs }))) });
    } catch {
      show({ text: t('statusFailed') });
    }
  }

  return (
    <main class="panel">
      <header class="panel-header">
        <h1>Tono</h1>
        <p class="tagline">{t('panelTagline')}</p>
      </header>
      <ReplyTargetBar target={target} crisis={crisis} />
      <BrandBar brand={brand} scope={repliesScope} onScope={setRepliesScope} />
      <StatusRow status={status} onUndone={setStatus} />
      {blanks.form}
      <Tabs
        label={t('libViewsLabel')}
        selected={view}
        onSelect={setView}
        tabs={[
          { key: 'replies', label: t('libTabReplies') },
          { key: 'guide', label: t('libTabGuide') },
          { key: 'stats', label: t('libTabStats') },
        ]}
      >
        {view === 'replies' && (
          <>
            {templates.error && <p class="error">{t('panelLoadError', templates.error)}</p>}
            <ToneCheck target={target} />
            <RepliesView
              repo={templatesRepo}
              templates={templates.value ?? scopedFirst}
              comment={commentText}
              crisis={crisis !== null}
              target={target}
              onInsert={insert}
              onCopy={(template) => copyTemplateBody(template, show)}
              onStatus={show}
              takeOver={
                handover
                  ? {
                      query: handover.query,
                      selection: handover.selection,
                      startNew: handover.pending?.kind === 'new',
                      rowAction: handover.pending?.kind === 'row' ? handover.pending : null,
                    }
                  : undefined
              }
            />
            {/* Scrolls when the panel is short: focusable, so the keyboard can scroll it too. */}
            <section class="recent" aria-labelledby="recent-heading" tabIndex={0}>
              <h2 id="recent-heading">{t('panelRecentHeading')}</h2>
              <RecentReplies events={events.value ?? []} />
            </section>
            <WaitingList />
          </>
        )}
        {view === 'guide' && <LazyView load={loadGuide} />}
        {view === 'stats' && <LazyView load={loadStats} />}
      </Tabs>
    </main>
  );
}

/**
 * A first screenful of replies (most recently edited) while a large library is still loading:
 * reading 10 000 rows takes about 90 ms, the first 40 a few. The shell's read when it made one,
 * else read here. Discarded once the full list arrives.
 */
function useFirstScreen(fromShell: Template[] | null): Template[] | undefined {
  const [first, setFirst] = useState<Template[] | undefined>(fromShell ? inIdOrder(fromShell) : undefined);
  useEffect(() => {
    if (fromShell) return;
    let live = true;
    // On failure, skip straight to the full read (which reports its own error).
    void templatesRepo.recentlyEdited(FIRST_SCREEN).then(
      (list) => live && setFirst(inIdOrder(list)),
      () => live && setFirst([]),
    );
    return () => {
      live = false;
    };
  }, []);
  return first;
}

const loadGuide = () => import('./GuideView').then((module) => module.GuideView);
const loadStats = () => import('./stats/StatsView').then((module) => module.StatsView);

/** Guide (Markdown) and Stats (charts) load on first use, off the panel's start-up path. */
function LazyView(props: { load: () => Promise<FunctionComponent> }) {
  const [view, setView] = useState<{ Component: FunctionComponent } | null>(null);
  useEffect(() => {
    let live = true;
    void props.load().then((Component) => live && setView({ Component }));
    return () => {
      live = false;
    };
  }, [props.load]);
  return view ? <view.Component /> : <p class="empty">{t('panelLoading')}</p>;
}
