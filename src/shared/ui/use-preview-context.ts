import { getDatabase } from '../db/database';
import { SettingsRepo } from '../db/repos/settings';
import type { TemplateContext } from '../domain/template';
import type { ReplyTarget } from '../messages/protocol';
import { useLiveQuery } from './use-live-query';

const settings = () => new SettingsRepo(getDatabase());

export interface PreviewContext {
  context: TemplateContext;
  /** Who wrote the comment being answered; null when none is (the options page, no box focused). */
  who: string | null;
}

/**
 * The variables a preview fills in: the comment being answered (as the worker fills them when
 * inserting) and the agent's name from the settings.
 */
export function usePreviewContext(target: ReplyTarget | null | undefined): PreviewContext {
  const agent = useLiveQuery(() => settings().get('agentName'), []).value || undefined;
  if (!target) return { context: { agent }, who: null };
  const { authorName, handle, account } = target.context;
  return { context: { name: authorName, handle, platform: target.platform, agent, brand: account }, who: authorName || handle || '' };
}
