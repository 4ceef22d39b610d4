import type { TonoDatabase } from '../../shared/db/database';
import { SettingsRepo } from '../../shared/db/repos/settings';
import { TemplatesRepo } from '../../shared/db/repos/templates';
import { hostOf } from '../../shared/domain/brand';
import { platformFor } from '../../shared/domain/platform';
import { renderTemplate } from '../../shared/domain/template';
import type { FocusRecord } from '../last-focus';
import type { PageHandlers } from '../router';
import { sendToFrame } from '../send-to-frame';
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
      return { context: focus.context, platform: platformFor(focus.url, focus.context.platform), host: hostOf(focus.url), focusedAt: focus.focusedAt, check: focus.check ?? null };
    },
    async getDraft({ tabId }) {
      const focus = await focusStore.find(tabId);
      if (!focus) return null;
      const reply = await sendToFrame(focus, 'getDraft', {});
      return reply && typeof reply.text === 'string' ? { text: reply.text.slice(0, 20_000) } : null;
    },
    async applyFix({ tabId, ...range }) {
      const focus = await focusStore.find(tabId);
      if (!focus) return { ok: false, reason: 'no-box' };
      return (await sendToFrame(focus, 'replaceText', range)) ?? { ok: false, reason: 'tab-unreachable' };
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
      const outcome = (await sendToFrame(focus, 'insertText', { ...rendered, templateId })) ?? { ok: false, reason: 'tab-unreachable' };
      if (outcome.ok) await templates.recordUse(templateId);
      return outcome;
    },
  };
}
