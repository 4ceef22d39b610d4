import * as v from 'valibot';
import { PLATFORMS } from '../domain/platform';
import { isPlausibleTime } from '../domain/plausible-time';

const MAX_SHORT = 200;
/** Checked against the clock when the message arrives: 2000 up to a day from now (plausible-time.ts). */
const timestamp = v.pipe(v.number(), v.integer(), v.check((ms) => isPlausibleTime(ms), 'Time outside 2000 … tomorrow'));
const shortText = v.pipe(v.string(), v.maxLength(MAX_SHORT));

/** What a content script may tell about the comment being answered. All of it is page-derived. */
export const ReplyContextSchema = v.object({
  authorName: v.optional(shortText),
  handle: v.optional(shortText),
  account: v.optional(shortText),
  commentAt: v.nullable(timestamp),
  commentPrecision: v.picklist(['exact', 'approximate', 'unknown']),
  permalink: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  /** Used locally for suggestions and crisis detection; never stored. */
  commentText: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  /** The adapter's claim; the worker weighs it against the sender URL (see platformFor). */
  platform: v.optional(v.picklist(PLATFORMS)),
});

export const EmptySchema = v.strictObject({});

/**
 * The shortcuts a page may expand. `account` is the focused box's replying account (null when the
 * box shows none); left out before any box is focused, when the list must cover every account.
 */
export const GetShortcutsSchema = v.strictObject({
  account: v.optional(v.nullable(shortText)),
});

/** The agent's answers to a template's blanks (`{{input:Label}}`), as [label, value] pairs. */
const BlankAnswersSchema = v.optional(
  v.pipe(v.array(v.tuple([v.pipe(v.string(), v.maxLength(80)), v.pipe(v.string(), v.maxLength(500))])), v.maxLength(10)),
);

export const ExpandShortcutSchema = v.object({
  shortcut: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  context: ReplyContextSchema,
  inputs: BlankAnswersSchema,
});

export const SearchTemplatesSchema = v.object({
  query: v.pipe(v.string(), v.maxLength(200)),
  context: ReplyContextSchema,
});

export const ExpandTemplateSchema = v.object({
  templateId: shortText,
  context: ReplyContextSchema,
  inputs: BlankAnswersSchema,
});

/**
 * What the content script found out about the focused box itself, for the panel's site check:
 * the editor kind (editor-kind.ts) and whether the site's adapter recognised a send control near it.
 */
export const SiteCheckSchema = v.strictObject({
  editor: v.pipe(v.string(), v.regex(/^[a-z]{1,20}$/)),
  sendKnown: v.boolean(),
});

export const BoxFocusedSchema = v.object({
  context: ReplyContextSchema,
  focusedAt: timestamp,
  /** Left out by content scripts older than the site check. */
  check: v.optional(SiteCheckSchema),
});

export const ReplySubmittedSchema = v.object({
  eventId: v.pipe(v.string(), v.uuid()),
  context: ReplyContextSchema,
  firstFocusAt: v.nullable(timestamp),
  submittedAt: timestamp,
  templateId: v.nullable(shortText),
  /** How far the sent text drifted from the inserted template (0..1); a number, never the text. */
  drift: v.optional(v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1)))),
});

/** The focused draft, for the tone badge by the box (only its first characters are checked). */
export const CheckDraftSchema = v.object({
  text: v.pipe(v.string(), v.maxLength(5000)),
  context: ReplyContextSchema,
});

export const GetReplyTargetSchema = v.strictObject({
  tabId: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

export const InsertTemplateSchema = v.object({
  templateId: shortText,
  /** The tab the side panel is attached to, or null to use the box focused most recently anywhere. */
  tabId: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  inputs: BlankAnswersSchema,
});

/** Sync one followed pack URL now (or all of them with `url: null`). Only already-followed URLs are fetched. */
export const PackSyncNowSchema = v.strictObject({
  url: v.nullable(v.pipe(v.string(), v.maxLength(2048))),
  allowRemoveAll: v.boolean(),
  /** The member confirmed replacing the URL's pack by the one with a new id it now delivers. */
  allowIdChange: v.optional(v.boolean()),
});

const draftText = v.pipe(v.string(), v.maxLength(20_000));
const draftOffset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20_000));

/**
 * Replace [start, end) of the draft the panel checked with `replacement` (a tone finding's fix).
 * `draft` is that text: the content script refuses when the box no longer holds exactly it.
 */
const ReplaceRangeFields = {
  draft: draftText,
  start: draftOffset,
  end: draftOffset,
  replacement: v.pipe(v.string(), v.maxLength(MAX_SHORT)),
};
const orderedRange = <T extends { start: number; end: number; draft: string }>() =>
  v.check<T, string>((range) => range.start < range.end && range.end <= range.draft.length, 'Range outside the draft');

const ApplyFixFields = v.strictObject({ tabId: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))), ...ReplaceRangeFields });
export const ApplyFixSchema = v.pipe(ApplyFixFields, orderedRange<v.InferOutput<typeof ApplyFixFields>>());

const ReplaceTextFields = v.strictObject(ReplaceRangeFields);
export const ReplaceTextSchema = v.pipe(ReplaceTextFields, orderedRange<v.InferOutput<typeof ReplaceTextFields>>());

export const InsertTextSchema = v.object({
  text: v.pipe(v.string(), v.maxLength(20_000)),
  cursorOffset: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  templateId: v.nullable(shortText),
});

/** The in-page frame's handshake token (src/background/in-page-tokens.ts): 128 random bits in hex. */
export const InPageTokenSchema = v.strictObject({ token: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/)) });
