import { browser } from '../../shared/browser';
import type { TemplateBlank } from '../../shared/domain/template';

const STYLE = `:host{all:initial}
form{position:fixed;z-index:2147483647;width:300px;max-width:calc(100vw - 16px);box-sizing:border-box;padding:10px 12px;
background:#fff;color:#111827;border:1px solid #d1d5db;border-radius:10px;box-shadow:0 8px 24px rgba(0,0,0,.18);font:14px/1.4 system-ui,sans-serif}
label{display:block;margin:4px 0 2px;font-weight:600}
input{box-sizing:border-box;width:100%;padding:6px 8px;border:1px solid #d1d5db;border-radius:6px;font:inherit;background:inherit;color:inherit}
p{margin:8px 0 0;color:#4b5563;font-size:12px}
@media (prefers-color-scheme:dark){form{background:#1f2937;color:#f3f4f6;border-color:#374151}p{color:#9ca3af}}`;

const label = (key: string) => browser.i18n.getMessage(key) || key;

/** The answers as [label, value] pairs, or null when cancelled; `refocus` is false after a click elsewhere. */
export interface BlankAnswers {
  answers: Array<[string, string]> | null;
  refocus: boolean;
}

/**
 * Asks for a template's blanks in a small form by the reply box, inside a closed shadow root (page
 * styles and scripts cannot reach it). Enter confirms, Esc or leaving the form cancels.
 */
export function askBlanks(anchor: DOMRect, blanks: TemplateBlank[]): Promise<BlankAnswers> {
  return new Promise((resolve) => {
    const host = document.createElement('tono-blanks');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const form = document.createElement('form');
    form.setAttribute('aria-label', label('blanksLabel'));
    const fields = blanks.map((blank, index) => {
      const name = document.createElement('label');
      name.textContent = blank.label;
      name.htmlFor = `tono-blank-${index}`;
      const input = document.createElement('input');
      input.id = name.htmlFor;
      input.placeholder = blank.fallback;
      input.maxLength = 500;
      form.append(name, input);
      return input;
    });
    const hint = document.createElement('p');
    hint.textContent = label('blanksHint');
    form.append(hint);
    shadow.append(style, form);

    let done = false;
    const finish = (answers: BlankAnswers['answers'], refocus: boolean) => {
      if (done) return;
      done = true;
      host.remove();
      resolve({ answers, refocus });
    };
    form.addEventListener('keydown', (event) => {
      // Keys typed here never reach the page's own shortcuts.
      event.stopPropagation();
      if (!event.isTrusted || event.isComposing) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        finish(null, true);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        finish(blanks.map((blank, index) => [blank.label, fields[index]?.value ?? '']), true);
      } else if (event.key === 'Tab') {
        // Tab cycles through the blanks: leaving the form would cancel it and lose the caret.
        event.preventDefault();
        const at = fields.indexOf(event.target as HTMLInputElement);
        fields[(at + (event.shiftKey ? -1 : 1) + fields.length) % fields.length]?.focus();
      }
    });
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('focusout', (event) => {
      if (!(event.relatedTarget instanceof Node && form.contains(event.relatedTarget))) finish(null, false);
    });

    document.documentElement.append(host);
    const height = form.offsetHeight;
    const below = anchor.bottom + 6;
    form.style.top = `${below + height < innerHeight ? below : Math.max(8, anchor.top - 6 - height)}px`;
    form.style.left = `${Math.max(8, Math.min(anchor.left, innerWidth - 308))}px`;
    fields[0]?.focus();
  });
}
