import { browser } from '../../shared/browser';
import type { TonoDatabase } from '../../shared/db/database';
import { SettingsRepo } from '../../shared/db/repos/settings';
import { TemplatesRepo } from '../../shared/db/repos/templates';
import { hostOf } from '../../shared/domain/brand';
import { platformFor } from '../../shared/domain/platform';
import { renderTemplate } from '../../shared/domain/template';
import type { BackgroundToContent, FixOutcome, InsertOutcome, RequestOf } from '../../shared/messages/protocol';
import type { FocusRecord } from '../last-focus';
import type { PageHandlers } from '../router';
import { syncUserSiteScripts } from '../user-sites';
import { templateContextFor } from './content';

export function createPageHandlers(
  db: TonoDatabase,
  focusStore: { find(tabId: number | null): Promise<FocusRecord | undefined> },
): Omit<PageHandlers, 'packSyncNow' | 'deleteAllData' | 'claimInPageToken'> {
  const templates = new TemplatesRepo(db);
  const settings = new SettingsRepo(db);
  return {
    async getReplyTarget({ tabId }) {
      const focus = await focusStore.find(tabId);
      if (!focus) return null;
      return { context: focus.context, platform: platformFor(focus.url, focus.context.platform), host: hostOf(focus.url), focusedAt: focus.focusedAt };
    },
    async getDraft({ tabId }) {
      const focus = await focusStore.find(tabId);
      if (!focus) return null;
      const request: RequestOf<BackgroundToContent, 'getDraft'> = {};
      const reply = (await browser.tabs
        .sendMessage(focus.tabId, { type: 'getDraft', payload: request }, { frameId: focus.frameId })
        .catch(() => null)) as { text: string } | null | undefined;
      return reply && typeof reply.text === 'string' ? { text: reply.text.slice(0, 20_000) } : null;
    },
    async applyFix({ tabId, ...range }) {
      const focus = await focusStore.find(tabId);
      if (!focus) return { ok: false, reason: 'no-box' };
      const request: RequestOf<BackgroundToContent, 'replaceText'> = range;
      const reply = (await browser.tabs
        .sendMessage(focus.tabId, { type: 'replaceText', payload: request }, { frameId: focus.frameId })
        .catch(() => undefined)) as FixOutcome | undefined;
      return reply ?? { ok: false, reason: 'tab-unreachable' };
    },
    async syncUserSites() {
      return { sites: await syncUserSiteScripts(db) };
    },
    async insertTemplate({ templateId, tabId, inputs }) {
      const template = await templates.get(templateId);
      if (!template) return { ok: false, reason: 'unknown-template' };
      const focus = await focusStore.find(tabId);
      if (!focus) return { ok: false, reason: 'no-box' };
      // The panel asks for the template's blanks first; unanswered ones render as their defaults.
      const rendered = renderTemplate(template.body, await templateContextFor(settings, focus.context, focus.url), new Map(inputs));
      const request: RequestOf<BackgroundToContent, 'insertText'> = { ...rendered, templateId };
      let outcome: InsertOutcome;
      try {
        const reply = (await browser.tabs.sendMessage(
          focus.tabId,
          { type: 'insertText', payload: request },
          { frameId: focus.frameId },
        )) as InsertOutcome | undefined;
        outcome = reply ?? { ok: false, reason: 'tab-unreachable' };
      } catch {
        outcome = { ok: false, reason: 'tab-unreachable' };
      }
      if (outcome.ok) await templates.recordUse(templateId);
      return outcome;
    },
  };
}
