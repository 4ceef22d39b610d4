import * as v from 'valibot';

/**
 * The private channel between a content script and its in-page frame (`src/inpage/`, an extension
 * page shown in an iframe on the social site). It is a MessageChannel port handed to the frame
 * once the worker vouched for the handshake token, so the page can neither read nor send on it.
 * Both ends still parse what arrives: a bug on one side must not become a crash on the other.
 */

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const PickerItemSchema = v.object({ id: Text(200), title: Text(500), shortcut: Text(200), preview: Text(2_000) });
export const BlankSchema = v.object({ label: Text(200), fallback: Text(500) });

/** Content script → frame. */
export const ToFrameSchema = v.variant('type', [
  /** Show the picker with the rows already known for this box (maybe none) and take the focus; fresher rows follow as `items`. */
  v.object({ type: v.literal('openPicker'), items: v.pipe(v.array(PickerItemSchema), v.maxLength(200)) }),
  v.object({ type: v.literal('items'), items: v.pipe(v.array(PickerItemSchema), v.maxLength(200)) }),
  /** Draw the picker with these rows while the frame is still invisible, so opening it only shows it. */
  v.object({ type: v.literal('prepare'), items: v.pipe(v.array(PickerItemSchema), v.maxLength(200)) }),
  /** Ask for a reply's blanks; `title` names the reply being filled in. */
  v.object({ type: v.literal('openBlanks'), title: Text(500), blanks: v.pipe(v.array(BlankSchema), v.minLength(1), v.maxLength(20)) }),
  /** Hidden by the content script: forget what was typed. */
  v.object({ type: v.literal('hide') }),
]);

/** Frame → content script. */
export const FromFrameSchema = v.variant('type', [
  /** The port was adopted: the frame is listening. */
  v.object({ type: v.literal('ready') }),
  v.object({ type: v.literal('query'), query: Text(500) }),
  v.object({ type: v.literal('choose'), id: Text(200) }),
  v.object({ type: v.literal('answers'), answers: v.pipe(v.array(v.strictTuple([Text(200), Text(500)])), v.maxLength(20)) }),
  /** `refocus`: false when the user clicked elsewhere (the focus stays where they clicked). */
  v.object({ type: v.literal('close'), refocus: v.boolean() }),
  /** The drawn content's size in CSS pixels, so the iframe fits it. */
  v.object({ type: v.literal('size'), width: v.pipe(v.number(), v.minValue(0), v.maxValue(2_000)), height: v.pipe(v.number(), v.minValue(0), v.maxValue(2_000)) }),
]);

export type ToFrame = v.InferOutput<typeof ToFrameSchema>;
export type FromFrame = v.InferOutput<typeof FromFrameSchema>;

const short = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const pixels = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= 2_000;

/**
 * `FromFrameSchema` checked by hand for the content script, which is loaded into every page that
 * needs it and where valibot's variant and tuple code would cost more than these lines. A unit
 * test holds the two to the same verdicts.
 */
export function readFromFrame(data: unknown): FromFrame | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'query':
      return short(message.query, 500) ? { type: 'query', query: message.query } : null;
    case 'choose':
      return short(message.id, 200) ? { type: 'choose', id: message.id } : null;
    case 'close':
      return typeof message.refocus === 'boolean' ? { type: 'close', refocus: message.refocus } : null;
    case 'size':
      return pixels(message.width) && pixels(message.height) ? { type: 'size', width: message.width, height: message.height } : null;
    case 'answers': {
      const answers = message.answers;
      if (!Array.isArray(answers) || answers.length > 20) return null;
      const pairs = answers.filter((pair): pair is [string, string] => Array.isArray(pair) && pair.length === 2 && short(pair[0], 200) && short(pair[1], 500));
      return pairs.length === answers.length ? { type: 'answers', answers: pairs.map(([label, value]) => [label, value]) } : null;
    }
    default:
      return null;
  }
}

/** What the content script posts to the frame's window to hand over the port. */
export const HELLO = 'tono-in-page-hello';
export const HelloSchema = v.object({ kind: v.literal(HELLO), token: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/)) });

/** The frame page's path inside the extension (also its web_accessible_resources entry). */
export const IN_PAGE_PATH = 'src/inpage/index.html';
