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

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*(?:\|([^}]*))?\}\}/g;

/** The first word of a display name ("Ana Pérez" → "Ana"), as templates and the tone guide use it. */
export function firstNameOf(name: string | undefined): string | undefined {
  return name?.trim().split(/\s+/)[0];
}

function valueFor(key: string, context: TemplateContext): string | undefined {
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
 * Fills `{{variable}}` and `{{variable|default}}` placeholders. The result is plain text: it is
 * always inserted as text, never parsed as HTML, so no escaping happens here.
 * Unknown variables without a default render as nothing rather than as raw braces.
 */
const normalizeNewlines = (text: string) => text.replace(/\r\n?/g, '\n');

export function renderTemplate(body: string, context: TemplateContext): RenderedTemplate {
  // Newlines are normalised first so the cursor offset counts the characters actually inserted.
  const source = normalizeNewlines(body);
  let cursorOffset: number | null = null;
  let text = '';
  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    const [whole, key = '', fallback] = match;
    text += source.slice(last, match.index);
    last = match.index + whole.length;
    if (key === 'cursor') {
      cursorOffset ??= text.length;
      continue;
    }
    const value = normalizeNewlines(valueFor(key, context)?.trim() || (fallback ?? '').trim());
    // An empty value takes the separator before it along ("Hola {{firstName|}}, …" → "Hola, …").
    text = value ? text + value : text.replace(/[ \t]*,?[ \t]*$/, '');
    // Removing that separator may pull the text back behind an earlier {{cursor}}.
    if (cursorOffset !== null && cursorOffset > text.length) cursorOffset = text.length;
  }
  text += source.slice(last);
  return { text, cursorOffset };
}
