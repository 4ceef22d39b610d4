import type * as v from 'valibot';
import type { PackSyncOutcome } from '../domain/pack/sync';
import type { TemplateBlank } from '../domain/template';
import type { ContentPrefs } from '../domain/keys';
import type { Severity } from '../domain/tone/types';
import type {
  ApplyFixSchema,
  BoxFocusedSchema,
  CheckDraftSchema,
  EmptySchema,
  GetShortcutsSchema,
  ExpandTemplateSchema,
  SearchTemplatesSchema,
  GetReplyTargetSchema,
  ExpandShortcutSchema,
  InPageTokenSchema,
  InsertTemplateSchema,
  InsertTextSchema,
  PackSyncNowSchema,
  ReplaceTextSchema,
  ReplyContextSchema,
  SiteCheckSchema,
  ReplySubmittedSchema,
} from './schemas';

export type ReplyContext = v.InferOutput<typeof ReplyContextSchema>;
export type SiteCheck = v.InferOutput<typeof SiteCheckSchema>;

/** How an insertion ended; `clipboard` means the text was copied instead and the user was told. */
export type InsertOutcome =
  | { ok: true; method: string }
  | { ok: false; reason: 'no-box' | 'clipboard' | 'tab-unreachable' | 'unknown-template' };

/**
 * How a one-click fix ended. `draft-changed`: the box no longer holds the checked draft (or the
 * occurrence could not be told apart), so nothing was touched.
 */
export type FixOutcome =
  | { ok: true; method: string }
  | { ok: false; reason: 'no-box' | 'draft-changed' | 'clipboard' | 'tab-unreachable' | 'not-applied' };

export interface ExpandedTemplate {
  templateId: string;
  text: string;
  cursorOffset: number | null;
  /** Set (and nothing rendered) when the template has blanks and no answers came: ask, then expand again with `inputs`. */
  blanks?: TemplateBlank[];
  /** The reply's title, with `blanks`: the form asking for them names the reply. */
  title?: string;
}

/** One row of the in-page picker: enough to choose, never the whole library. */
export interface PickerItem {
  id: string;
  title: string;
  shortcut: string;
  preview: string;
}

/** Content script → background. This is the whole allow-list for semi-trusted senders. */
export interface ContentToBackground {
  /** The in-page frame's handshake: this tab's frame may claim the token once. */
  registerInPageToken: { request: v.InferOutput<typeof InPageTokenSchema>; response: true };
  /** The shortcut list, with the in-page keys and button setting (so a change reaches open pages). */
  getShortcuts: { request: v.InferOutput<typeof GetShortcutsSchema>; response: { shortcuts: string[]; prefs: ContentPrefs } };
  expandShortcut: { request: v.InferOutput<typeof ExpandShortcutSchema>; response: ExpandedTemplate | null };
  /** The in-page picker: at most a screenful of matches, ranked for the comment. */
  searchTemplates: { request: v.InferOutput<typeof SearchTemplatesSchema>; response: { items: PickerItem[] } };
  /** A reply chosen in the picker, rendered for the comment (like a shortcut). */
  expandTemplate: { request: v.InferOutput<typeof ExpandTemplateSchema>; response: ExpandedTemplate | null };
  boxFocused: { request: v.InferOutput<typeof BoxFocusedSchema>; response: null };
  replySubmitted: {
    request: v.InferOutput<typeof ReplySubmittedSchema>;
    response: { responseSeconds: number | null };
  };
  /** The tone badge by the box: how many findings the draft has, the worst severity, the first message. */
  checkDraft: { request: v.InferOutput<typeof CheckDraftSchema>; response: ToneSummary };
  /** Inject the rest of Tono (content-ui.js, a fixed file) into the sender's own tab and frame. */
  loadContentUi: { request: v.InferOutput<typeof EmptySchema>; response: null };
}

export interface ToneSummary {
  count: number;
  worst: Severity | null;
  first: string | null;
}

/** The comment being answered in a tab, for the side panel's header, suggestions and crisis notice. */
export interface ReplyTarget {
  context: ReplyContext;
  platform: string;
  /** The page's host as the browser reported it, for the active brand. */
  host: string;
  focusedAt: number;
  /** The editor kind and whether a send control was recognised, when the content script told. */
  check: SiteCheck | null;
}

/** Extension pages (side panel, options) → background. */
export interface PageToBackground {
  /** The in-page frame asks whether a token came from a content script of its own tab (once). */
  claimInPageToken: { request: v.InferOutput<typeof InPageTokenSchema>; response: boolean };
  insertTemplate: { request: v.InferOutput<typeof InsertTemplateSchema>; response: InsertOutcome };
  getReplyTarget: { request: v.InferOutput<typeof GetReplyTargetSchema>; response: ReplyTarget | null };
  /** The draft in the box last focused in a tab (it stays in the browser). */
  getDraft: { request: v.InferOutput<typeof GetReplyTargetSchema>; response: { text: string } | null };
  /** A tone finding's fix, applied to that occurrence in the tab's last focused draft. */
  applyFix: { request: v.InferOutput<typeof ApplyFixSchema>; response: FixOutcome };
  /** Re-register the content script for the sites enabled in settings. */
  syncUserSites: { request: v.InferOutput<typeof EmptySchema>; response: { sites: string[] } };
  packSyncNow: { request: v.InferOutput<typeof PackSyncNowSchema>; response: { outcomes: PackSyncOutcome[] } };
  /** "Delete all my data" (settings page): reply events, stats, use counts, waiting list, focus records. */
  deleteAllData: { request: v.InferOutput<typeof EmptySchema>; response: null };
}

/** Background → content script of one tab and frame. */
export interface BackgroundToContent {
  insertText: { request: v.InferOutput<typeof InsertTextSchema>; response: InsertOutcome };
  /** The text of the last focused box, for the tone check. */
  getDraft: { request: v.InferOutput<typeof EmptySchema>; response: { text: string } | null };
  /** Replace one range of the last focused draft, re-verified against the current text. */
  replaceText: { request: v.InferOutput<typeof ReplaceTextSchema>; response: FixOutcome };
}

export type Protocol = ContentToBackground | PageToBackground | BackgroundToContent;

export type RequestOf<P, K extends keyof P> = P[K] extends { request: infer R } ? R : never;
export type ResponseOf<P, K extends keyof P> = P[K] extends { response: infer R } ? R : never;

/** Errors cross the boundary as values so a rejected promise never carries a page-visible stack. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
