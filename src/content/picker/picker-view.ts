import { browser } from '../../shared/browser';
import type { PickerItem } from '../../shared/messages/protocol';

export interface PickerCallbacks {
  onQuery(query: string): void;
  onChoose(item: PickerItem): void;
  /** `refocus` is false when the user clicked elsewhere (the focus goes where they clicked). */
  onClose(refocus: boolean): void;
}

const STYLE = `
:host { all: initial; }
.panel { position: fixed; z-index: 2147483647; width: 340px; max-width: calc(100vw - 16px); background: #fff; color: #111827;
  border: 1px solid #d1d5db; border-radius: 10px; box-shadow: 0 8px 24px rgba(0,0,0,.18); font: 14px/1.4 system-ui, sans-serif; }
input { box-sizing: border-box; width: 100%; border: 0; border-bottom: 1px solid #e5e7eb; padding: 10px 12px; font: inherit;
  border-radius: 10px 10px 0 0; outline: none; }
ul { list-style: none; margin: 0; padding: 4px; max-height: 320px; overflow: auto; }
li { padding: 6px 8px; border-radius: 6px; cursor: pointer; }
li[aria-selected="true"] { background: #ccfbf1; }
.title { font-weight: 600; } .shortcut { color: #4b5563; font-size: 12px; margin-left: 6px; }
.preview { display: block; color: #4b5563; font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.empty { padding: 8px 12px; color: #4b5563; }
@media (prefers-color-scheme: dark) {
  .panel { background: #1f2937; color: #f3f4f6; border-color: #374151; } input { background: #1f2937; color: inherit; border-color: #374151; }
  li[aria-selected="true"] { background: #134e4a; } .shortcut, .preview, .empty { color: #9ca3af; }
}`;

const label = (key: string) => browser.i18n.getMessage(key) || key;

/**
 * The picker's DOM, in a closed shadow root: page styles cannot reach in, ours cannot leak out,
 * and page scripts cannot read the list. Every string is set as text, never as markup.
 */
export class PickerView {
  private readonly host = document.createElement('tono-picker');
  private readonly input = document.createElement('input');
  private readonly list = document.createElement('ul');
  private readonly panel = document.createElement('div');
  private items: PickerItem[] = [];
  private active = 0;

  constructor(private readonly callbacks: PickerCallbacks) {
    const shadow = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const panel = this.panel;
    panel.className = 'panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', label('pickerLabel'));
    this.input.type = 'text';
    this.input.placeholder = label('pickerPlaceholder');
    this.input.setAttribute('role', 'combobox');
    this.input.setAttribute('aria-expanded', 'true');
    this.input.setAttribute('aria-controls', 'tono-picker-list');
    this.list.id = 'tono-picker-list';
    this.list.setAttribute('role', 'listbox');
    panel.append(this.input, this.list);
    shadow.append(style, panel);
    this.input.addEventListener('input', () => callbacks.onQuery(this.input.value));
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('blur', () => setTimeout(() => this.host.isConnected && callbacks.onClose(false), 150));
  }

  /** Shows the picker under the reply box (above it when there is no room below). */
  open(anchor: DOMRect): void {
    const top = anchor.bottom + 366 < innerHeight ? anchor.bottom + 6 : Math.max(8, anchor.top - 366);
    this.panel.style.top = `${top}px`;
    this.panel.style.left = `${Math.max(8, Math.min(anchor.left, innerWidth - 348))}px`;
    document.documentElement.append(this.host);
    this.input.focus();
  }

  show(items: PickerItem[]): void {
    this.items = items;
    this.active = 0;
    const rows = items.map((item, index) => {
      const row = document.createElement('li');
      row.id = `tono-option-${index}`;
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
        event.preventDefault();
        this.callbacks.onChoose(item);
      });
      return row;
    });
    if (rows.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = label('pickerEmpty');
      rows.push(empty);
    }
    this.list.replaceChildren(...rows);
    this.highlight();
  }

  close(): void {
    this.host.remove();
  }

  private highlight(): void {
    this.list.querySelectorAll('[role="option"]').forEach((row, index) => row.setAttribute('aria-selected', String(index === this.active)));
    if (this.items.length) this.input.setAttribute('aria-activedescendant', `tono-option-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private onKey(event: KeyboardEvent): void {
    // Keys typed in the picker never reach the page's own shortcuts.
    event.stopPropagation();
    // Tab moves through the list too: leaving the input would close the picker and lose the caret.
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp' || event.key === 'Tab') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' || (event.key === 'Tab' && !event.shiftKey) ? 1 : -1;
      this.active = Math.min(this.items.length - 1, Math.max(0, this.active + step));
      this.highlight();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = this.items[this.active];
      if (item) this.callbacks.onChoose(item);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.callbacks.onClose(true);
    }
  }
}
