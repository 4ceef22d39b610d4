import type * as v from 'valibot';
import { nativeMessage as label } from '../shared/browser/native-i18n';
import type { PickerItemSchema } from '../shared/messages/in-page';

type Item = v.InferOutput<typeof PickerItemSchema>;

/** Two lists with the same key draw the same rows. */
const rowsKey = (items: Item[]) => items.map((item) => [item.id, item.title, item.shortcut, item.preview].join('\u0000')).join('\u0001');

export interface PickerEvents {
  onQuery(query: string): void;
  onChoose(id: string): void;
  onClose(refocus: boolean): void;
}

/** The picker's list, drawn in the in-page frame. Every string is set as text, never as markup. */
export class PickerView {
  readonly element = document.createElement('div');
  private readonly input = document.createElement('input');
  private readonly list = document.createElement('ul');
  private items: Item[] = [];
  private active = 0;

  constructor(private readonly events: PickerEvents) {
    const { element, input, list } = this;
    element.className = 'panel picker';
    element.hidden = true;
    element.setAttribute('role', 'dialog');
    element.setAttribute('aria-label', label('pickerLabel'));
    input.type = 'text';
    input.placeholder = label('pickerPlaceholder');
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-expanded', 'true');
    input.setAttribute('aria-controls', 'picker-list');
    input.autocomplete = 'off';
    input.spellcheck = false;
    list.id = 'picker-list';
    list.setAttribute('role', 'listbox');
    element.append(input, list);
    input.addEventListener('input', (event) => event.isTrusted && events.onQuery(input.value));
    input.addEventListener('keydown', (event) => this.onKey(event));
  }

  /** Draws the rows the picker will open with (the frame is still invisible and inert). */
  prepare(items: Item[]): void {
    this.input.value = '';
    this.show(items);
    this.element.hidden = false;
  }

  open(items: Item[]): void {
    if (this.input.value || this.element.hidden || rowsKey(items) !== rowsKey(this.items)) this.prepare(items);
    this.active = 0;
    this.highlight();
    this.input.focus();
  }

  /** Forgets the query and the rows, so nothing typed outlives the picker. */
  reset(): void {
    this.element.hidden = true;
    this.input.value = '';
    this.items = [];
    this.list.replaceChildren();
  }

  show(items: Item[]): void {
    this.items = items;
    this.active = 0;
    const rows = items.map((item, index) => {
      const row = document.createElement('li');
      row.id = `option-${index}`;
      row.setAttribute('role', 'option');
      const title = document.createElement('span');
      title.className = 'title';
      title.textContent = item.title;
      const shortcut = document.createElement('span');
      shortcut.className = 'shortcut';
      shortcut.textContent = item.shortcut;
      const preview = document.createElement('span');
      preview.className = 'preview';
      preview.textContent = item.preview;
      row.append(title, shortcut, preview);
      row.addEventListener('mousedown', (event) => {
        // The input keeps the focus; the choice is the row's own item.
        event.preventDefault();
        if (event.isTrusted) this.events.onChoose(item.id);
      });
      return row;
    });
    if (rows.length === 0 && this.input.value) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = label('pickerEmpty');
      rows.push(empty);
    }
    this.list.replaceChildren(...rows);
    this.highlight();
  }

  private highlight(): void {
    this.list.querySelectorAll('[role="option"]').forEach((row, index) => row.setAttribute('aria-selected', String(index === this.active)));
    if (this.items.length) this.input.setAttribute('aria-activedescendant', `option-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
    this.list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  private onKey(event: KeyboardEvent): void {
    if (!event.isTrusted || event.isComposing) return;
    // Tab moves through the list too: leaving the input would close the picker and lose the caret.
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp' || event.key === 'Tab') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' || (event.key === 'Tab' && !event.shiftKey) ? 1 : -1;
      this.active = Math.min(this.items.length - 1, Math.max(0, this.active + step));
      this.highlight();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = this.items[this.active];
      if (item) this.events.onChoose(item.id);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.events.onClose(true);
    }
  }
}
