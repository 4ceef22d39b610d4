/**
 * A hostile page's own script, run in the page's main world before anything else on it (the way a
 * third-party script on a social site would be). It tries every known way into Tono's in-page UI:
 * - defines Tono's former custom element names first and keeps `attachInternals()`, whose
 *   `shadowRoot` hands over a closed root attached to such an element;
 * - wraps `attachShadow` to keep every root made in its world;
 * - listens on window, in the capture phase, to every key and input event;
 * - later forges keys and clicks at whatever has the focus and posts to every frame it can list.
 * Everything it learns goes to `window.attack`, which the test reads.
 */
export const HOSTILE_PAGE_SCRIPT = `(() => {
  const attack = { internals: [], roots: [], keys: [] };
  window.attack = attack;
  for (const name of ['tono-picker', 'tono-blanks', 'tono-button', 'tono-toast']) {
    customElements.define(name, class extends HTMLElement {
      constructor() {
        super();
        try { attack.internals.push(this.attachInternals()); } catch {}
      }
    });
  }
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    attack.roots.push(root);
    return root;
  };
  for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']) {
    window.addEventListener(type, (event) => attack.keys.push(event.key ?? event.data ?? ''), true);
  }
  /** Every text the page can reach in shadow roots and frames. */
  attack.read = () => {
    const texts = [];
    for (const internals of attack.internals) if (internals.shadowRoot) texts.push(internals.shadowRoot.textContent);
    for (const root of attack.roots) texts.push(root.textContent);
    for (const element of document.querySelectorAll('*')) if (element.shadowRoot) texts.push(element.shadowRoot.textContent);
    for (let i = 0; i < window.frames.length; i++) {
      try { texts.push(window.frames[i].document.documentElement.textContent); } catch {}
    }
    return texts.join(' ');
  };
  attack.typed = () => attack.keys.join('');
  /** Forged keys at the focused element and at Tono's hosts, and a forged handshake to every frame. */
  attack.drive = (key) => {
    const targets = [document.activeElement, ...document.documentElement.children].filter(Boolean);
    for (const target of targets) {
      for (const type of ['keydown', 'keypress', 'keyup']) {
        target.dispatchEvent(new KeyboardEvent(type, { key, code: key, bubbles: true, composed: true, cancelable: true }));
      }
      target.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true }));
      target.click?.();
    }
    for (let i = 0; i < window.frames.length; i++) {
      const channel = new MessageChannel();
      window.frames[i].postMessage({ kind: 'tono-in-page-hello', token: '0'.repeat(32) }, '*', [channel.port2]);
      channel.port1.postMessage({ type: 'choose', id: 'x' });
    }
  };
})();`;

/** A policy that refuses every frame a page could make. */
export const NO_FRAMES_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'none'; child-src 'none'";

/**
 * Runs in the page: makes a frame of its own and resolves with the directive that refused it, the
 * positive control that the policy is in force before Tono's frame is tried under it.
 */
export function ownFrameRefusedBy(): Promise<string> {
  return new Promise<string>((resolve) => {
    document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true });
    const frame = document.createElement('iframe');
    frame.src = 'https://x.com/tono-demo/';
    document.body.append(frame);
  });
}
