import type { TonoDatabase } from '../../shared/db/database';
import { BrandsRepo } from '../../shared/db/repos/brands';
import { readContentPrefs } from '../../shared/db/repos/content-prefs';
import { PendingRepo } from '../../shared/db/repos/pending';
import { ReplyEventsRepo } from '../../shared/db/repos/reply-events';
import { SettingsRepo } from '../../shared/db/repos/settings';
import { TemplatesRepo } from '../../shared/db/repos/templates';
import { hostOf, inScope } from '../../shared/domain/brand';
import { waitingEntry, waitingKey } from '../../shared/domain/pending';
import { platformFor } from '../../shared/domain/platform';
import { renderTemplate, templateBlanks, type TemplateContext } from '../../shared/domain/template';
import type { Template } from '../../shared/db/types';
import type { ExpandedTemplate, ReplyContext } from '../../shared/messages/protocol';
import { hashPermalink } from '../hash';
import { PickerSearch } from '../picker-search';
import { variantFor } from '../variant-choice';
import { createToneSummary } from '../tone-summary';
import type { FocusRecord } from '../last-focus';
import type { ContentHandlers } from '../router';

/** Turns page-derived context into template variables; the sender URL decides the platform (see platformFor). */
export async function templateContextFor(
  settings: SettingsRepo,
  context: ReplyContext | undefined,
  url: string,
): Promise<TemplateContext> {
  return {
    name: context?.authorName,
    handle: context?.handle,
    platform: platformFor(url, context?.platform),
    agent: await settings.get('agentName'),
    brand: context?.account,
  };
}

export function createContentHandlers(
  db: TonoDatabase,
  focusStore: { remember(record: FocusRecord): Promise<void> },
  /** The browser's UI language (the worker passes `i18n.getUILanguage`; this file stays free of browser APIs). */
  uiLanguage: () => string = () => 'en',
): Omit<ContentHandlers, 'loadContentUi' | 'registerInPageToken'> {
  const templates = new TemplatesRepo(db);
  const events = new ReplyEventsRepo(db);
  const settings = new SettingsRepo(db);
  const pending = new PendingRepo(db);
  const picker = new PickerSearch(templates);
  const brands = new BrandsRepo(db);
  const toneSummary = createToneSummary(db, uiLanguage);
  // The brand comes from the browser-reported URL and the box's account; a payload never names a pack.
  const scopeFor = (context: ReplyContext, url: string) => brands.resolve(hostOf(url), context.account);

  /**
   * Renders a reply for the comment and counts its use (a shortcut and the picker alike). A reply
   * with blanks is rendered only once the agent's answers come with the request.
   */
  async function expand(
    template: Template | undefined,
    context: ReplyContext,
    url: string,
    inputs: Array<[string, string]> | undefined,
  ): Promise<ExpandedTemplate | null> {
    if (!template) return null;
    const blanks = templateBlanks(template.body);
    if (blanks.length > 0 && !inputs) return { templateId: template.id, text: '', cursorOffset: null, blanks, title: template.title };
    const rendered = renderTemplate(template.body, await templateContextFor(settings, context, url), new Map(inputs));
    // Counting the use is not part of the answer: the reply goes back without waiting for the write.
    void templates.recordUse(template.id).catch((error: unknown) => console.error('Tono: could not count a use', error));
    return { templateId: template.id, ...rendered };
  }

  return {
    async getShortcuts({ account }, sender) {
      const [shortcuts, prefs] = await Promise.all([brands.shortcutsOn(hostOf(sender.url), account), readContentPrefs(settings)]);
      return { shortcuts, prefs };
    },
    async expandShortcut({ shortcut, context, inputs }, sender) {
      // The brand and the shortcut's replies are read at once; the brand then filters the replies.
      const resolving = scopeFor(context, sender.url);
      const [scope, found] = await Promise.all([resolving, brands.findByShortcut(shortcut, resolving)]);
      // A reply with language variants goes in as the comment's language (see variant-choice.ts).
      const template = await variantFor(templates, found, context.commentText, scope.visible);
      return expand(template, context, sender.url, inputs);
    },
    async searchTemplates({ query, context }, sender) {
      const scope = await scopeFor(context, sender.url);
      return { items: await picker.search(query, context.commentText, scope.visible) };
    },
    async expandTemplate({ templateId, context, inputs }, sender) {
      // Only a reply the picker could have offered here: another brand's id expands to nothing.
      const [template, scope] = await Promise.all([templates.get(templateId), scopeFor(context, sender.url)]);
      return expand(template && inScope(template, scope.visible) ? template : undefined, context, sender.url, inputs);
    },
    async checkDraft({ text, context }, sender) {
      return toneSummary(text, context, sender.url);
    },
    async boxFocused({ context, focusedAt, check }, sender) {
      await focusStore.remember({ tabId: sender.tabId, frameId: sender.frameId, url: sender.url, context, focusedAt, ...(check && { check }) });
      // Opening a box on a comment puts it on the waiting list until a reply is confirmed. The
      // sender's URL decides which links it may keep and which tab's share it counts against.
      const entry = waitingEntry(context, sender, focusedAt, Date.now());
      if (entry) await pending.add(entry);
      return null;
    },
    async replySubmitted({ eventId, context, firstFocusAt, submittedAt, templateId, drift }, sender) {
      // The repository derives wall-clock and business-hours durations from these raw times and
      // updates the rollups in the same transaction; the event id makes a repeated signal a no-op.
      const stored = await events.record({
        id: eventId,
        platform: platformFor(sender.url, context.platform),
        account: context.account ?? null,
        threadHash: await hashPermalink(context.permalink),
        commentAt: context.commentAt,
        commentPrecision: context.commentPrecision,
        firstFocusAt,
        submittedAt,
        templateId,
        drift: drift ?? null,
      });
      const key = waitingKey(context, sender.url);
      if (key) await pending.answered(key);
      return { responseSeconds: stored.responseSeconds };
    },
  };
}
