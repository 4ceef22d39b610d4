import { useEffect, useRef, useState } from 'preact/hooks';
import type { Template } from '../../shared/db/types';
import type { SearchHits } from '../../shared/domain/search/template-search';

export interface Selection {
  ids: ReadonlySet<string>;
  has(id: string): boolean;
  /** Toggles one row; with `range`, sets every row from the last toggled one to this one (Shift). */
  toggle(index: number, range: boolean): void;
  /** Adds one row (Shift+arrow extends the selection as it moves). */
  add(index: number): void;
  selectAll(): void;
  clear(): void;
}

/**
 * Which replies are ticked for a bulk action, by id, so the ticks survive typing a new search.
 * Ids that leave the library (deleted elsewhere) drop out.
 */
export function useSelection(results: SearchHits<Template>, library: readonly Template[] | undefined): Selection {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<number | null>(null);

  useEffect(() => {
    if (!library || ids.size === 0) return;
    const present = new Set(library.map((template) => template.id));
    if ([...ids].some((id) => !present.has(id))) setIds(new Set([...ids].filter((id) => present.has(id))));
  }, [library]);
  // Positions mean nothing in a new result list.
  useEffect(() => {
    anchor.current = null;
  }, [results]);

  const idAt = (index: number) => results.at(index)?.id;
  return {
    ids,
    has: (id) => ids.has(id),
    toggle(index, range) {
      const id = idAt(index);
      if (!id) return;
      const next = new Set(ids);
      if (range && anchor.current !== null) {
        const [from, to] = anchor.current < index ? [anchor.current, index] : [index, anchor.current];
        // The range takes the state the anchor row has, as in file managers.
        const on = ids.has(idAt(anchor.current) ?? '');
        for (const template of results.slice(from, to + 1)) {
          if (on) next.add(template.id);
          else next.delete(template.id);
        }
      } else if (next.has(id)) next.delete(id);
      else next.add(id);
      if (!range) anchor.current = index;
      setIds(next);
    },
    add(index) {
      const id = idAt(index);
      if (id && !ids.has(id)) setIds(new Set([...ids, id]));
      anchor.current ??= index;
    },
    selectAll() {
      setIds(new Set([...ids, ...results.slice().map((template) => template.id)]));
    },
    clear() {
      anchor.current = null;
      setIds(new Set());
    },
  };
}

/**
 * Keys inside the result list: Ctrl/Cmd+A ticks every result, Escape clears the ticks, ↑ ↓ move
 * to the same control of the next row (Shift also ticks it), so the list works without a mouse.
 */
export function listKeyDown(event: KeyboardEvent, selection: Selection, active: number, count: number, setActive: (index: number) => void): void {
  const target = event.target as HTMLElement;
  if (target.closest('input:not([type="checkbox"]), textarea, select')) return;
  if (event.key === 'a' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    selection.selectAll();
  } else if (event.key === 'Escape' && selection.ids.size > 0) {
    event.preventDefault();
    selection.clear();
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    const next = Math.min(count - 1, Math.max(0, active + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    if (event.shiftKey) {
      selection.add(active);
      selection.add(next);
    }
    if (next === active) return;
    const control = [...target.classList].find((name) => name.startsWith('reply-'));
    setActive(next);
    // The row is drawn on the next render; then the same control takes the focus.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`#reply-${next} .${control ?? 'reply-main'}`)?.focus());
  }
}
