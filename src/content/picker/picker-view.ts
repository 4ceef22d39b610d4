import type { PickerItem } from '../../shared/messages/protocol';
import { inPageFrame } from '../frame';

export interface PickerCallbacks {
  onQuery(query: string): void;
  onChoose(item: PickerItem): void;
  /** `refocus` is false when the user clicked elsewhere (the focus goes where they clicked). */
  onClose(refocus: boolean): void;
}

const WIDTH = 340;
/** Room kept below the box for the list at its tallest. */
const TALLEST = 366;

/**
 * The picker, drawn in the in-page frame (see frame/in-page-frame.ts): the page cannot read the
 * list, see the query being typed, or choose for the agent. The content script keeps the rows it
 * sent, so a choice names one of them and nothing else.
 */
export class PickerView {
  private items: PickerItem[] = [];
  private closed = false;

  constructor(private readonly callbacks: PickerCallbacks) {}

  /**
   * Shows the picker under the reply box (above it when there is no room below), with `items`
   * (the rows fetched when the box got the focus) drawn at once.
   */
  open(anchor: DOMRect, items: PickerItem[]): void {
    this.items = items;
    // Below the box when the list at its tallest fits there; otherwise above it, growing upwards.
    const below = anchor.bottom + TALLEST < innerHeight;
    const place = (_width: number, height: number) => ({
      top: below ? anchor.bottom + 6 : Math.max(8, anchor.top - 6 - height),
      left: Math.max(8, Math.min(anchor.left, innerWidth - WIDTH - 8)),
    });
    void inPageFrame()
      .open({ type: 'openPicker', items }, (message) => {
        if (this.closed) return;
        if (message.type === 'query') this.callbacks.onQuery(message.query);
        else if (message.type === 'close') this.callbacks.onClose(message.refocus);
        else if (message.type === 'choose') {
          const item = this.items.find((candidate) => candidate.id === message.id);
          if (item) this.callbacks.onChoose(item);
        }
      }, place, WIDTH)
      .then((opened) => {
        if (!opened && !this.closed) this.callbacks.onClose(true);
        else if (opened) this.send();
      });
  }

  show(items: PickerItem[]): void {
    this.items = items;
    this.send();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    inPageFrame().hide();
  }

  private send(): void {
    if (!this.closed) inPageFrame().send({ type: 'items', items: this.items });
  }
}
