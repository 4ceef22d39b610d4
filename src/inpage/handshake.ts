import * as v from 'valibot';
import { HelloSchema } from '../shared/messages/in-page';
import type { PageToBackground, Reply, RequestOf, ResponseOf } from '../shared/messages/protocol';

type Runtime = { id?: string; sendMessage(message: unknown): Promise<unknown> };
/**
 * The browser's own runtime, not the polyfill: after the extension is reloaded under an open page,
 * this frame can be loaded again without extension APIs, and the polyfill throws at import there.
 */
const runtime = ((globalThis as { browser?: { runtime?: Runtime } }).browser ?? (globalThis as { chrome?: { runtime?: Runtime } }).chrome)
  ?.runtime;

async function claim(token: string): Promise<boolean> {
  if (!runtime?.id) return false;
  const payload: RequestOf<PageToBackground, 'claimInPageToken'> = { token };
  const reply = (await runtime.sendMessage({ type: 'claimInPageToken', payload })) as Reply<ResponseOf<PageToBackground, 'claimInPageToken'>> | undefined;
  return reply?.ok === true && reply.value === true;
}

/** Claims in flight at once; more are dropped (a page posting junk hellos cannot queue work). */
const MAX_PENDING = 4;

/**
 * Waits for the content script's port. Anyone in the embedding page can post to this window and
 * cannot be told apart by `origin` or `source` (the content script shares the page's), so a port
 * is adopted only with a token the worker confirms it got from a content script of this tab,
 * once. The first confirmed port wins; every later hello is ignored.
 */
export function awaitPort(adopt: (port: MessagePort) => void): void {
  let adopted = false;
  let pending = 0;
  addEventListener('message', (event: MessageEvent) => {
    if (adopted || pending >= MAX_PENDING || event.source !== parent || event.ports.length !== 1) return;
    const hello = v.safeParse(HelloSchema, event.data);
    const [port] = event.ports;
    if (!hello.success || !port) return;
    pending++;
    claim(hello.output.token)
      .catch(() => false)
      .then((ok) => {
        pending--;
        if (ok && !adopted) {
          adopted = true;
          adopt(port);
        } else port.close();
      });
  });
}
