import { PLACEHOLDER, blankLabel, valueFor, type TemplateContext } from './template';

/**
 * One piece of a previewed reply. `value`: a variable filled from the comment being answered;
 * `fallback`: the variable's default, used because the comment does not say; `missing`: nothing
 * to fill it with (it will be left out); `blank`: asked for when the reply is inserted.
 */
export type PreviewPart =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string; text: string }
  | { kind: 'fallback'; name: string; text: string }
  | { kind: 'missing'; name: string }
  | { kind: 'blank'; label: string; fallback: string };

/**
 * The reply as it would be filled for `context`, in parts, so the preview can mark what came from
 * the comment and what is still unknown. The same placeholders and values as renderTemplate; the
 * text is never parsed as markup.
 */
export function previewTemplate(body: string, context: TemplateContext): PreviewPart[] {
  const source = body.replace(/\r\n?/g, '\n');
  const parts: PreviewPart[] = [];
  const text = (value: string) => {
    if (!value) return;
    const last = parts[parts.length - 1];
    if (last?.kind === 'text') last.text += value;
    else parts.push({ kind: 'text', text: value });
  };
  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    const [whole, blank, key = '', fallback = ''] = match;
    text(source.slice(last, match.index));
    last = match.index + whole.length;
    if (blank !== undefined) {
      parts.push({ kind: 'blank', label: blankLabel(blank), fallback: fallback.trim() });
    } else if (key !== 'cursor') {
      const value = valueFor(key, context)?.trim();
      if (value) parts.push({ kind: 'value', name: key, text: value });
      else if (fallback.trim()) parts.push({ kind: 'fallback', name: key, text: fallback.trim() });
      else parts.push({ kind: 'missing', name: key });
    }
  }
  text(source.slice(last));
  return parts;
}
