import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef<K extends string> {
  key: K;
  label: string;
}

/**
 * ARIA tabs: one tab stop for the tab list, arrows/Home/End move between tabs (and select them),
 * the selected panel follows.
 */
export function Tabs<K extends string>(props: {
  tabs: readonly TabDef<K>[];
  selected: K;
  label: string;
  onSelect: (key: K) => void;
  children: ComponentChildren;
}) {
  const list = useRef<HTMLDivElement>(null);
  const index = props.tabs.findIndex((tab) => tab.key === props.selected);

  function onKeyDown(event: KeyboardEvent) {
    const count = props.tabs.length;
    const next =
      event.key === 'ArrowRight' ? (index + 1) % count
      : event.key === 'ArrowLeft' ? (index - 1 + count) % count
      : event.key === 'Home' ? 0
      : event.key === 'End' ? count - 1
      : -1;
    if (next < 0) return;
    event.preventDefault();
    props.onSelect(props.tabs[next]!.key);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  }

  return (
    <>
      <div class="tabs" role="tablist" aria-label={props.label} ref={list} onKeyDown={onKeyDown}>
        {props.tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`tab-${tab.key}`}
            aria-selected={tab.key === props.selected ? 'true' : 'false'}
            aria-controls={`view-${tab.key}`}
            tabIndex={tab.key === props.selected ? 0 : -1}
            onClick={() => props.onSelect(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div class="view" role="tabpanel" id={`view-${props.selected}`} aria-labelledby={`tab-${props.selected}`}>
        {props.children}
      </div>
    </>
  );
}
