import { matchesKey } from '../../shared/domain/keys';
import type { PickerItem } from '../../shared/messages/protocol';
import { withAnswers } from '../blanks';
import { request } from '../connection';
import { deepTarget } from '../deep-target';
import { inPageFrame } from '../frame';
import type { FocusTracker } from '../focus-tracker';
import { editableRoot } from '../insert/editor-kind';
import { restoreSelection, saveSelection } from '../insert/saved-selection';
import { insertExpanded } from '../insert-expanded';
import type { ShortcutCache } from '../shortcut-cache';
import { PickerView } from './picker-view';

/**
 * The in-page picker: a keyboard shortcut in a reply box opens a search-as-you-type list of
 * approved replies (ranked for the comment when nothing is typed); Enter inserts, Esc goes back.
 * Its DOM is built only when opened, and removed when it closes.
 */
export function createPicker(focus: FocusTracker, shortcuts: ShortcutCache) {
  let view: PickerView | null = null;
  let generation = 0;
  /** The rows for the box last focused, asked for on focus so the picker opens with them drawn. */
  let ready: { box: HTMLElement; items: PickerItem[] } | null = null;

  function open(box: HTMLElement): void {
    const saved = saveSelection(box);
    const context = focus.contextFor(box);
    const close = (refocus: boolean) => {
      view?.close();
      view = null;
      if (refocus) restoreSelection(box, saved);
    };
    const search = (query: string) => {
      const mine = ++generation;
      void request('searchTemplates', { query, context }).then((answer) => {
        // Answers to earlier keystrokes arriving late are dropped.
        if (mine === generation && view) view.show(answer?.items ?? []);
      });
    };
    const choose = async (item: PickerItem) => {
      close(true);
      const templateId = item.id;
      const first = await request('expandTemplate', { templateId, context });
      const expanded = await withAnswers(box, first, (inputs) => request('expandTemplate', { templateId, context, inputs }));
      if (expanded && box.isConnected) await insertExpanded(box, expanded, context);
    };
    view?.close();
    view = new PickerView({ onQuery: search, onChoose: (item) => void choose(item), onClose: (refocus) => view && close(refocus) });
    view.open(box.getBoundingClientRect(), ready?.box === box ? ready.items : []);
    // Fresher rows replace those within a few milliseconds (a reply edited since the focus).
    search('');
  }

  return {
    open,
    /** Asks for the rows the picker would open with in this box. */
    prefetch(box: HTMLElement): void {
      const context = focus.contextFor(box);
      void request('searchTemplates', { query: '', context }).then((answer) => {
        if (!answer) return;
        ready = { box, items: answer.items };
        inPageFrame().prepare({ type: 'prepare', items: answer.items });
      });
    },
    onKey(event: KeyboardEvent): void {
      // Ctrl+Shift+Space unless the agent chose another key (Space alone would type).
      if (!event.isTrusted || !matchesKey(shortcuts.prefs.openPickerKey, event)) return;
      const box = editableRoot(deepTarget(event));
      if (!box || !focus.adapter.isReplyBox(box)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      open(box);
    },
  };
}
