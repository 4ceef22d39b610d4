import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SearchHits } from '../../shared/domain/search/template-search';

/** Rows drawn beyond the visible ones, so fast scrolling does not show blanks. */
const OVERSCAN = 6;
/** Short lists are drawn whole: cheap, and find-in-page and screen readers see every row. */
const WINDOW_FROM = 60;

/**
 * A list that only renders the rows in view: with 10 000 replies the DOM holds a couple of dozen
 * rows. Rows have a fixed height; `active` is scrolled into view when it changes.
 */
export function VirtualList<T>(props: {
  /** An array, or search hits that only become objects for the rows drawn. */
  items: SearchHits<T>;
  rowHeight: number;
  active: number;
  /** One row may be taller by `extra` pixels (an open preview). */
  tall?: { index: number; extra: number } | null;
  label: string;
  id: string;
  renderRow: (item: T, index: number) => ComponentChildren;
}) {
  const { items, rowHeight, active } = props;
  const tall = props.tall && props.tall.index < items.length ? props.tall : null;
  /** Where row `index` starts, counting the tall row's extra height above it. */
  const topOf = (index: number) => index * rowHeight + (tall && tall.index < index ? tall.extra : 0);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // Until measured, assume a tall panel: better a few extra rows than an empty first frame.
  const [height, setHeight] = useState(900);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 900));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = scroller.current;
    if (!element || active < 0) return;
    const top = topOf(active);
    const bottom = top + rowHeight + (tall?.index === active ? tall.extra : 0);
    if (top < element.scrollTop) element.scrollTop = top;
    else if (bottom > element.scrollTop + element.clientHeight) element.scrollTop = bottom - element.clientHeight;
    else return;
    // Scroll events wait for the next frame (and never come while the page is hidden): draw the
    // rows around the selection now.
    setScrollTop(element.scrollTop);
  }, [active, rowHeight, tall?.index, tall?.extra]);

  // A new result list starts at the top.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [items]);

  const whole = items.length <= WINDOW_FROM;
  const first = whole ? 0 : Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = whole ? items.length : Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) rows.push(props.renderRow(items.at(i)!, i));

  return (
    <div class="virtual-scroller" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <ul
        id={props.id}
        class="replies"
        aria-label={props.label}
        style={{ height: `${topOf(items.length)}px`, paddingTop: `${topOf(first)}px` }}
      >
        {rows}
      </ul>
    </div>
  );
}
