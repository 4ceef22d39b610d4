import { browser } from '../browser';
import type { ContentToBackground, PageToBackground, Reply, RequestOf, ResponseOf } from './protocol';

async function send<P, K extends keyof P & string>(type: K, payload: RequestOf<P, K>): Promise<ResponseOf<P, K>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<ResponseOf<P, K>> | undefined;
  if (!reply) throw new Error(`No answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Typed send from a content script. */
export function sendFromContent<K extends keyof ContentToBackground & string>(
  type: K,
  payload: RequestOf<ContentToBackground, K>,
): Promise<ResponseOf<ContentToBackground, K>> {
  return send<ContentToBackground, K>(type, payload);
}

/** Typed send from an extension page. */
export function sendFromPage<K extends keyof PageToBackground & string>(
  type: K,
  payload: RequestOf<PageToBackground, K>,
): Promise<ResponseOf<PageToBackground, K>> {
  return send<PageToBackground, K>(type, payload);
}
