import type * as v from 'valibot';
import { nativeMessage as label } from '../shared/browser/native-i18n';
import type { BlankSchema } from '../shared/messages/in-page';

type Blank = v.InferOutput<typeof BlankSchema>;

export interface BlankEvents {
  onAnswers(answers: Array<[string, string]>): void;
  onClose(refocus: boolean): void;
}

/**
 * Asks for a reply's blanks (an order number, a date) in the in-page frame, where the page cannot
 * see what is typed. A field left empty takes the blank's default (shown as its placeholder).
 * Enter confirms, Esc cancels, Tab cycles through the fields.
 */
export class BlankFormView {
  readonly element = document.createElement('form');
  private fields: HTMLInputElement[] = [];
  private blanks: Blank[] = [];

  constructor(private readonly events: BlankEvents) {
    const form = this.element;
    form.className = 'panel blanks';
    form.hidden = true;
    form.setAttribute('aria-label', label('blanksLabel'));
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('keydown', (event) => this.onKey(event));
  }

  open(title: string, blanks: Blank[]): void {
    this.blanks = blanks;
    const heading = document.createElement('h2');
    heading.textContent = title || label('blanksLabel');
    this.fields = blanks.map((blank, index) => {
      const input = document.createElement('input');
      input.id = `blank-${index}`;
      input.maxLength = 500;
      input.autocomplete = 'off';
      input.placeholder = blank.fallback;
      return input;
    });
    const rows = blanks.flatMap((blank, index) => {
      const name = document.createElement('label');
      name.textContent = blank.label;
      name.htmlFor = `blank-${index}`;
      return [name, this.fields[index]!];
    });
    const hint = document.createElement('p');
    hint.textContent = label('blanksHint');
    this.element.replaceChildren(heading, ...rows, hint);
    this.element.hidden = false;
    this.fields[0]?.focus();
  }

  /** Forgets every answer typed. */
  reset(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
    this.fields = [];
    this.blanks = [];
  }

  private onKey(event: KeyboardEvent): void {
    if (!event.isTrusted || event.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      this.events.onClose(true);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.events.onAnswers(this.blanks.map((blank, index) => [blank.label, this.fields[index]?.value ?? '']));
    } else if (event.key === 'Tab') {
      event.preventDefault();
      const at = this.fields.indexOf(event.target as HTMLInputElement);
      this.fields[(at + (event.shiftKey ? -1 : 1) + this.fields.length) % this.fields.length]?.focus();
    }
  }
}
