import { browser } from '../../shared/browser';
import { HELLO, IN_PAGE_PATH, readFromFrame, type FromFrame, type ToFrame } from '../../shared/messages/in-page';
import { request, whileConnected } from '../connection';

/** Longest wait for the frame to load and confirm its port before a use is given up. */
const READY_TIMEOUT_MS = 5_000;

// `!important` inside the shadow root outranks even the page's `!important` rules for the host.
// Hidden by opacity, not visibility: Chromium stops rendering a hidden cross-origin frame, and
// its first paint once shown would wait. While hidden, the frame draws nothing focusable and lets
// every click through.
const FRAME_STYLE = `:host{all:initial!important}
iframe{position:fixed;z-index:2147483647;border:0;margin:0;padding:0;border-radius:10px;box-shadow:0 8px 24px rgba(0,0,0,.18);
background:transparent;color-scheme:normal;opacity:0;pointer-events:none;top:0;left:0;width:340px;height:44px;max-width:calc(100vw - 16px)}
iframe.shown{opacity:1;pointer-events:auto}`;

export type FrameHandler = (message: Exclude<FromFrame, { type: 'ready' | 'size' }>) => void;

/**
 * The origin the frame's document has. Chrome hands content scripts a per-session dynamic URL for
 * a `use_dynamic_url` resource (so pages cannot probe the fixed id), but the document it loads
 * has the extension's own origin; Firefox's URL carries the per-install id already.
 */
function frameOrigin(url: string): string {
  return url.startsWith('chrome-extension:') ? `chrome-extension://${browser.runtime.id}` : new URL(url).origin;
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Tono's in-page UI lives in an extension page (`src/inpage/`) shown in an iframe, the way password
 * managers show their inline menus: what the agent types there (a search, an order number) goes
 * to that document only, and page scripts cannot read or drive it whatever they do to this
 * document's prototypes or custom elements. The iframe sits in a closed shadow root of a plain
 * `div` (no custom element name a page could define first). It is loaded ahead of need, on the
 * first focus in a reply box, so opening it costs one message, not a page load.
 */
export class InPageFrame {
  private host: HTMLDivElement | null = null;
  private shadow: ShadowRoot | null = null;
  private iframe: HTMLIFrameElement | null = null;
  private port: MessagePort | null = null;
  private ready: Promise<MessagePort | null> | null = null;
  private handler: FrameHandler | null = null;
  private onSize: ((width: number, height: number) => void) | null = null;
  /** The last drawn height: where to place the frame before it reports this open's size. */
  private height = 44;

  /** Loads the frame and makes the handshake now, so the first open is immediate. */
  preload(): void {
    void this.connect();
  }

  /**
   * Shows the frame at `place` and sends `open`; messages from the frame go to `handler` until
   * `hide`. `place` positions it once its drawn size is known. False when the frame could not load.
   */
  async open(
    open: ToFrame,
    handler: FrameHandler,
    place: (width: number, height: number) => { top: number; left: number },
    width: number,
  ): Promise<boolean> {
    this.handler = handler;
    const port = await this.connect();
    const iframe = this.iframe;
    if (!port || !iframe || this.handler !== handler) return false;
    iframe.style.width = `${Math.min(width, innerWidth - 16)}px`;
    this.onSize = (width, height) => {
      this.height = height;
      const at = place(width, height);
      iframe.style.height = `${height}px`;
      iframe.style.top = `${at.top}px`;
      iframe.style.left = `${at.left}px`;
      iframe.classList.add('shown');
    };
    // The message first: the frame draws while this document moves the focus into it (focusing
    // another process's frame takes a few milliseconds). No layout is read here.
    port.postMessage(open);
    const guess = place(width, this.height);
    iframe.style.top = `${guess.top}px`;
    iframe.style.left = `${guess.left}px`;
    iframe.classList.add('shown');
    iframe.removeAttribute('aria-hidden');
    iframe.focus();
    return true;
  }

  send(message: ToFrame): void {
    this.port?.postMessage(message);
  }

  /** Has the frame draw the picker's rows ahead of the key, unless something is showing. */
  prepare(items: ToFrame & { type: 'prepare' }): void {
    void this.connect().then((port) => {
      if (port && !this.handler) port.postMessage(items);
    });
  }

  /** Hides the frame and tells it to forget what was typed; the frame stays loaded for next time. */
  hide(): void {
    this.handler = null;
    this.onSize = null;
    this.iframe?.classList.remove('shown');
    // A transparent frame is still in the accessibility tree unless told otherwise.
    this.iframe?.setAttribute('aria-hidden', 'true');
    this.port?.postMessage({ type: 'hide' } satisfies ToFrame);
  }

  /** Removes everything from the page (the extension went away). */
  destroy(): void {
    this.hide();
    this.port?.close();
    this.host?.remove();
    this.host = null;
    this.shadow = null;
    this.iframe = null;
    this.port = null;
    this.ready = null;
  }

  private connect(): Promise<MessagePort | null> {
    if (this.port && this.iframe?.isConnected) return Promise.resolve(this.port);
    if (this.ready && this.iframe?.isConnected) return this.ready;
    this.ready = this.load().then((port) => {
      if (!port) this.ready = null;
      return port;
    });
    return this.ready;
  }

  private async load(): Promise<MessagePort | null> {
    this.port?.close();
    this.port = null;
    this.iframe?.remove();
    const url = whileConnected<string | null>(() => browser.runtime.getURL(IN_PAGE_PATH), null);
    if (!url) return null;
    const token = randomToken();
    // The worker learns the token from this tab's content script before the frame can claim it.
    const registered = request('registerInPageToken', { token });
    const iframe = this.mountFrame();
    const loaded = new Promise<boolean>((resolve) => {
      iframe.addEventListener('load', (event) => resolve(event.isTrusted), { once: true });
      setTimeout(() => resolve(false), READY_TIMEOUT_MS);
    });
    iframe.src = url;
    if (!(await registered) || !(await loaded) || this.iframe !== iframe) return null;
    const channel = new MessageChannel();
    const confirmed = new Promise<boolean>((resolve) => {
      channel.port1.onmessage = (event: MessageEvent) => {
        const message = readFromFrame(event.data);
        if (!message) return;
        if (message.type === 'ready') resolve(true);
        else this.receive(message);
      };
      setTimeout(() => resolve(false), READY_TIMEOUT_MS);
    });
    // Delivered only if the iframe still holds Tono's page: a page that navigated it elsewhere gets nothing.
    iframe.contentWindow?.postMessage({ kind: HELLO, token }, frameOrigin(url), [channel.port2]);
    if (!(await confirmed) || this.iframe !== iframe) {
      channel.port1.close();
      return null;
    }
    // A later load is a navigation Tono did not make: drop the port, load afresh on the next use.
    iframe.addEventListener('load', () => {
      if (this.iframe !== iframe) return;
      channel.port1.close();
      this.port = null;
      this.ready = null;
      iframe.remove();
      this.iframe = null;
    });
    this.port = channel.port1;
    return this.port;
  }

  private mountFrame(): HTMLIFrameElement {
    if (!this.host?.isConnected) {
      this.host = document.createElement('div');
      this.shadow = this.host.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      style.textContent = FRAME_STYLE;
      this.shadow.append(style);
      document.documentElement.append(this.host);
    }
    const iframe = document.createElement('iframe');
    iframe.setAttribute('aria-label', 'Tono');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    this.iframe = iframe;
    this.shadow?.append(iframe);
    return iframe;
  }

  private receive(message: FromFrame): void {
    if (message.type === 'size') {
      this.height = message.height;
      this.onSize?.(message.width, message.height);
    }
    else if (message.type !== 'ready') this.handler?.(message);
  }
}
