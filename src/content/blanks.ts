import type { ExpandedTemplate } from '../shared/messages/protocol';
import { restoreSelection, saveSelection } from './insert/saved-selection';
import { askBlanks } from './picker/blank-form';

/**
 * A reply whose template has blanks comes back unrendered: ask the agent for them, give the caret
 * back, and expand again with the answers. Null when cancelled (the draft stays untouched).
 */
export async function withAnswers(
  box: HTMLElement,
  reply: ExpandedTemplate | null,
  expandWith: (inputs: Array<[string, string]>) => Promise<ExpandedTemplate | null>,
): Promise<ExpandedTemplate | null> {
  if (!reply?.blanks) return reply;
  const saved = saveSelection(box);
  const { answers, refocus } = await askBlanks(box.getBoundingClientRect(), reply.title ?? '', reply.blanks);
  if (refocus) restoreSelection(box, saved);
  if (!answers || !box.isConnected) return null;
  const filled = await expandWith(answers);
  return filled?.blanks ? null : filled;
}
