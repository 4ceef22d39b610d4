/** Values a template may refer to; every one is optional because sites do not always show them. */
export interface TemplateContext {
  name?: string;
  firstName?: string;
  handle?: string;
  platform?: string;
  agent?: string;
  brand?: string;
}

export interface RenderedTemplate {
  text: string;
  /** Where `{{cursor}}` was, as an offset into `text`; null to leave the caret at the end. */
  cursorOffset: number | null;
}

/** `{{key}}`, `{{key|default}}`, or a blank `{{input:Label}}` / `{{input:Label|default}}`. */
export const PLACEHOLDER = /\{\{\s*(?:input\s*:([^|}]*)|([a-zA-Z]+))\s*(?:\|([^}]*))?\}\}/g;
const MAX_BLANKS = 10;

/** A value the agent types before the reply is inserted (an order number, a date). */
export interface TemplateBlank {
  label: string;
  /** What an empty answer falls back to (the first occurrence's default). */
  fallback: string;
}

/** The label a blank is known by: the same label twice is asked once. */
export const blankLabel = (raw: string) => raw.trim().replace(/\s+/g, ' ').slice(0, 80);

/** The blanks a body asks for, in order of first appearance, each label once (at most ten). */
export function templateBlanks(body: string): TemplateBlank[] {
  const blanks = new Map<string, TemplateBlank>();
  for (const [, raw, , fallback] of body.matchAll(PLACEHOLDER)) {
    const label = raw === undefined ? '' : blankLabel(raw);
    if (label && !blanks.has(label) && blanks.size < MAX_BLANKS) blanks.set(label, { label, fallback: (fallback ?? '').trim() });
  }
  return [...blanks.values()];
}

/** The first word of a display name ("Ana Pérez" → "Ana"), as templates and the tone guide use it. */
export function firstNameOf(name: string | undefined): string | undefined {
  return name?.trim().split(/\s+/)[0];
}

export function valueFor(key: string, context: TemplateContext): string | undefined {
  switch (key) {
    case 'name':
      return context.name;
    case 'firstName':
      return context.firstName ?? firstNameOf(context.name);
    case 'handle':
      return context.handle;
    case 'platform':
      return context.platform;
    case 'agent':
      return context.agent;
    case 'brand':
      return context.brand;
    default:
      return undefined;
  }
}

/**
 * Fills `{{variable}}`, `{{variable|default}}` and blanks (`{{input:Label}}`, answered in
 * `inputs`). The result is plain text: it is
 * always inserted as text, never parsed as HTML, so no escaping happens here.
 * Unknown variables without a default render as nothing rather than as raw braces.
 */
const normalizeNewlines = (text: string) => text.replace(/\r\n?/g, '\n');

/** `inputs`: the agent's answer per blank label; a blank without one renders as its default. */
export function renderTemplate(
  body: string,
  context: TemplateContext,
  inputs: ReadonlyMap<string, string> = new Map(),
): RenderedTemplate {
  // Newlines are normalised first so the cursor offset counts the characters actually inserted.
  const source = normalizeNewlines(body);
  let cursorOffset: number | null = null;
  let text = '';
  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    const [whole, blank, key = '', fallback] = match;
    text += source.slice(last, match.index);
    last = match.index + whole.length;
    if (key === 'cursor') {
      cursorOffset ??= text.length;
      continue;
    }
    const found = blank === undefined ? valueFor(key, context) : inputs.get(blankLabel(blank));
    const value = normalizeNewlines(found?.trim() || (fallback ?? '').trim());
    // An empty value takes the separator before it along ("Hola {{firstName|}}, …" → "Hola, …").
    text = value ? text + value : text.replace(/[ \t]*,?[ \t]*$/, '');
    // Removing that separator may pull the text back behind an earlier {{cursor}}.
    if (cursorOffset !== null && cursorOffset > text.length) cursorOffset = text.length;
  }
  text += source.slice(last);
  return { text, cursorOffset };
}
