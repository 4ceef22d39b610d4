import type { BackgroundToContent } from './protocol';

/**
 * Every message type the worker sends to a content script. The bootstrap (content.js) forwards
 * exactly these to content-ui.js, so it reads this list, which holds no schema code; the check
 * below fails to compile when a type is added to BackgroundToContent but not here.
 */
export const TO_CONTENT_TYPES = ['insertText', 'getDraft', 'replaceText'] as const satisfies readonly (keyof BackgroundToContent)[];

type Unlisted = Exclude<keyof BackgroundToContent, (typeof TO_CONTENT_TYPES)[number]>;
const everyTypeListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyTypeListed;

const TYPES: ReadonlySet<string> = new Set(TO_CONTENT_TYPES);

export function isToContentType(type: unknown): type is keyof BackgroundToContent {
  return typeof type === 'string' && TYPES.has(type);
}
