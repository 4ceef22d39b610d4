import * as v from 'valibot';
import { browser } from '../shared/browser';
import type { BackgroundToContent, RequestOf, ResponseOf } from '../shared/messages/protocol';
import { EmptySchema, InsertTextSchema, ReplaceTextSchema } from '../shared/messages/schemas';
import { isToContentType } from '../shared/messages/to-content';

type Type = keyof BackgroundToContent;

export type FrameHandlers = {
  [K in Type]: (request: RequestOf<BackgroundToContent, K>) => Promise<ResponseOf<BackgroundToContent, K>>;
};

const SCHEMAS: { [K in Type]: v.GenericSchema<unknown, RequestOf<BackgroundToContent, K>> } = {
  insertText: InsertTextSchema,
  getDraft: EmptySchema,
  replaceText: ReplaceTextSchema,
};

/**
 * The content script's one listener for the worker's messages: only Tono's own worker, only a
 * known type, only a payload its schema accepts. Anything else gets a synchronous undefined, so
 * it is not claimed (a promise would keep the sender waiting).
 */
export function createFrameRouter(handlers: FrameHandlers) {
  return (message: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const { type, payload } = (message ?? {}) as { type?: unknown; payload?: unknown };
    if (!isToContentType(type)) return undefined;
    return route(handlers, type, payload);
  };
}

function route<K extends Type>(handlers: FrameHandlers, type: K, payload: unknown): Promise<unknown> | undefined {
  const parsed = v.safeParse(SCHEMAS[type], payload);
  return parsed.success ? handlers[type](parsed.output) : undefined;
}
