import * as v from 'valibot';
import type { ContentToBackground, PageToBackground, Reply, RequestOf, ResponseOf } from '../shared/messages/protocol';
import {
  ApplyFixSchema,
  BoxFocusedSchema,
  CheckDraftSchema,
  EmptySchema,
  GetShortcutsSchema,
  GetReplyTargetSchema,
  ExpandShortcutSchema,
  ExpandTemplateSchema,
  SearchTemplatesSchema,
  InsertTemplateSchema,
  InPageTokenSchema,
  PackSyncNowSchema,
  ReplySubmittedSchema,
} from '../shared/messages/schemas';

/** Who sent a message, as established by the browser (never by the payload). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** A content script's identity: the tab and frame it runs in and the page URL. */
export interface ContentSender {
  tabId: number;
  frameId: number;
  url: string;
}

type Handlers<P, S> = { [K in keyof P]: (payload: RequestOf<P, K>, sender: S) => Promise<ResponseOf<P, K>> };

export type ContentHandlers = Handlers<ContentToBackground, ContentSender>;
/** An extension page; `tabId` is set for one shown inside a tab (the in-page frame). */
export interface PageSender {
  url: string;
  tabId?: number;
}

export type PageHandlers = Handlers<PageToBackground, PageSender>;

const CONTENT_SCHEMAS: { [K in keyof ContentToBackground]: v.GenericSchema<unknown, RequestOf<ContentToBackground, K>> } =
  {
    getShortcuts: GetShortcutsSchema,
    expandShortcut: ExpandShortcutSchema,
    searchTemplates: SearchTemplatesSchema,
    expandTemplate: ExpandTemplateSchema,
    boxFocused: BoxFocusedSchema,
    replySubmitted: ReplySubmittedSchema,
    checkDraft: CheckDraftSchema,
    loadContentUi: EmptySchema,
    registerInPageToken: InPageTokenSchema,
  };

const PAGE_SCHEMAS: { [K in keyof PageToBackground]: v.GenericSchema<unknown, RequestOf<PageToBackground, K>> } = {
  insertTemplate: InsertTemplateSchema,
  syncUserSites: EmptySchema,
  getReplyTarget: GetReplyTargetSchema,
  getDraft: GetReplyTargetSchema,
  applyFix: ApplyFixSchema,
  packSyncNow: PackSyncNowSchema,
  deleteAllData: EmptySchema,
  claimInPageToken: InPageTokenSchema,
};

const EnvelopeSchema = v.object({ type: v.pipe(v.string(), v.maxLength(64)), payload: v.unknown() });

function hasKey<T extends object>(map: T, key: string): key is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(map, key);
}

async function dispatch<P, S>(
  schemas: { [K in keyof P]: v.GenericSchema<unknown, RequestOf<P, K>> },
  handlers: Handlers<P, S>,
  type: string,
  payload: unknown,
  sender: S,
): Promise<Reply<unknown>> {
  if (!hasKey(schemas, type)) return { ok: false, error: `Message "${type}" is not allowed from this sender` };
  const parsed = v.safeParse(schemas[type], payload);
  if (!parsed.success) return { ok: false, error: `Invalid "${type}" payload: ${parsed.issues[0].message}` };
  try {
    return { ok: true, value: await handlers[type](parsed.output as RequestOf<P, typeof type>, sender) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Builds the single onMessage handler. Senders are told apart by what the browser reports:
 * extension pages by their URL origin, content scripts by having a tab and a web URL. Content
 * scripts get only their allow-list and learn their tab from `sender`, never from the payload.
 */
export function createRouter(options: {
  extensionId: string;
  extensionOrigin: string;
  content: ContentHandlers;
  page: PageHandlers;
}): (message: unknown, sender: SenderInfo) => Promise<Reply<unknown>> {
  const route = async (message: unknown, sender: SenderInfo): Promise<Reply<unknown>> => {
    if (sender.id !== options.extensionId) return { ok: false, error: 'Unknown sender' };
    const envelope = v.safeParse(EnvelopeSchema, message);
    if (!envelope.success) return { ok: false, error: 'Malformed message' };
    const { type, payload } = envelope.output;
    const url = sender.url ?? '';
    if (url.startsWith(options.extensionOrigin)) {
      return dispatch(PAGE_SCHEMAS, options.page, type, payload, { url, tabId: sender.tab?.id });
    }
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0 || !/^https?:/.test(url)) return { ok: false, error: 'Unknown sender' };
    return dispatch(CONTENT_SCHEMAS, options.content, type, payload, { tabId, frameId: sender.frameId ?? 0, url });
  };
  // Reading the envelope or checking a payload can throw (a getter, a value no schema expected):
  // the sender gets an error answer like any other refusal, never an exception.
  return async (message, sender) => {
    try {
      return await route(message, sender);
    } catch {
      return { ok: false, error: 'Malformed message' };
    }
  };
}
