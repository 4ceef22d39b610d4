import { browser } from '../shared/browser';
import { whileConnected } from './connection';
import { hasFocusWithin } from './insert/selection';
import type { ShortcutCache } from './shortcut-cache';

const STYLE = `:host{all:initial!important}
button{position:fixed;z-index:2147483646;box-sizing:border-box;width:24px;height:24px;margin:0;padding:0;border:0;border-radius:12px;
background:#0f766e;color:#fff;font:700 12px/24px system-ui,sans-serif;text-align:center;cursor:pointer;box-shadow:0 1px 4px rgba(0,0,0,.3);opacity:.8}
button:hover,button:focus-visible{opacity:1;outline:2px solid #5eead4;outline-offset:1px}
button[hidden]{display:none}
span{position:absolute;top:-7px;right:-9px;min-width:16px;height:16px;padding:0 3px;box-sizing:border-box;border-radius:8px;font-size:10px;line-height:16px;color:#fff}
span[hidden]{display:none}`;

const label = (key: string) => whileConnected(() => browser.i18n.getMessage(key), '') || key;

/**
 * A small button by the focused reply box that opens the picker. One instance for the page, built
 * on first use, in a closed shadow root of a plain `div` (a page could define a custom element
 * name first and read a closed root through `attachInternals`), positioned `fixed` so the site's layout never moves. It
 * follows only the focused box: one rectangle read per animation frame while the page scrolls or
 * the box resizes, nothing at all while no box has the focus.
 */
export class ReplyButton {
  private host: HTMLElement | null = null;
  private button: HTMLButtonElement | null = null;
  private box: HTMLElement | null = null;
  private frame = 0;
  private title = '';
  private readonly resize = new ResizeObserver(() => this.schedule());

  /** `onDraft`: the focused box was shown or typed in (the tone badge checks it). */
  constructor(
    private readonly onOpen: (box: HTMLElement) => void,
    private readonly onDraft: (box: HTMLElement) => void,
  ) {}

  show(box: HTMLElement, keyName: string): void {
    if (this.box !== box) this.hide();
    const button = this.button ?? this.build();
    this.title = `${label('pickerButtonLabel')} (${keyName})`;
    button.setAttribute('aria-keyshortcuts', keyName);
    if (!this.host?.isConnected && this.host) document.documentElement.append(this.host);
    if (this.box === box) return this.place();
    button.title = this.title;
    this.box = box;
    box.addEventListener('focusout', this.onFocusOut);
    box.addEventListener('input', this.onInput);
    addEventListener('scroll', this.schedule, { capture: true, passive: true });
    addEventListener('resize', this.schedule, { passive: true });
    this.resize.observe(box);
    this.place();
    this.onDraft(box);
  }

  /** Tone findings: a count in the worst severity's colour, the first message as the tooltip. */
  setBadge(box: HTMLElement, count: number, colour: string, message: string): void {
    const badge = this.button?.firstElementChild;
    if (box !== this.box || !(badge instanceof HTMLElement) || !this.button) return;
    badge.hidden = count === 0;
    badge.textContent = count > 9 ? '9+' : String(count);
    badge.style.background = colour;
    this.button.title = message || this.title;
  }

  hide(): void {
    const box = this.box;
    if (!box) return;
    this.box = null;
    box.removeEventListener('focusout', this.onFocusOut);
    box.removeEventListener('input', this.onInput);
    removeEventListener('scroll', this.schedule, { capture: true });
    removeEventListener('resize', this.schedule);
    this.resize.disconnect();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (!this.button) return;
    this.button.hidden = true;
    // The next box starts without the last one's findings.
    (this.button.firstElementChild as HTMLElement).hidden = true;
  }

  private build(): HTMLButtonElement {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const button = document.createElement('button');
    button.type = 'button';
    button.hidden = true;
    button.setAttribute('aria-label', label('pickerButtonLabel'));
    const badge = document.createElement('span');
    badge.hidden = true;
    button.append(badge, 'T');
    // The box keeps the focus and its caret: the picker then inserts where the agent was.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', (event) => {
      if (event.isTrusted && this.box?.isConnected) this.onOpen(this.box);
    });
    shadow.append(style, button);
    this.host = host;
    this.button = button;
    return button;
  }

  private readonly onInput = (event: Event): void => {
    if (event.isTrusted && this.box) this.onDraft(this.box);
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget;
    if (!(to instanceof Node && (this.box?.contains(to) || to === this.host))) this.hide();
  };

  private readonly schedule = (): void => {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.place());
  };

  /** Just above the box's top right corner (below it at the top of the viewport); hidden off screen. */
  private place(): void {
    this.frame = 0;
    const { box, button } = this;
    if (!box || !button) return;
    const rect = box.getBoundingClientRect();
    const visible = box.isConnected && rect.width > 0 && rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth;
    button.hidden = !visible;
    if (!visible) return;
    button.style.top = `${rect.top >= 28 ? rect.top - 28 : Math.min(rect.bottom + 4, innerHeight - 28)}px`;
    button.style.left = `${Math.max(4, Math.min(rect.right - 24, innerWidth - 28))}px`;
  }
}

/** Shows the button for a focused box when the setting allows; a setting turned off meanwhile hides it. */
export function showButton(button: ReplyButton, box: HTMLElement, shortcuts: ShortcutCache): void {
  const apply = () => {
    const { replyButton, openPickerKey } = shortcuts.prefs;
    // Another box may have the focus by now: that one's own call decides.
    if (!hasFocusWithin(box)) return;
    if (!replyButton) return button.hide();
    button.show(box, label(`keyName_${openPickerKey.replace(/-/g, '_')}`));
  };
  apply();
  void shortcuts.refresh().then(apply);
}
