import type { PacksRepo } from '../shared/db/repos/packs';
import type { PageHandlers } from './router';
// Direct module imports, not the pack barrel: the worker must not bundle the CSV parser.
import { packError, type PackError } from '../shared/domain/pack/errors';
import { PACK_LIMITS } from '../shared/domain/pack/format';
import { parsePackText } from '../shared/domain/pack/parse';
import { summarizeDiff, type PackSyncOutcome } from '../shared/domain/pack/sync';
import { parsePackUrl } from '../shared/domain/pack/url';

/** What the sync engine needs from the outside world; tests pass a real fetch and a fake clock. */
export interface PackSyncDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  now: () => number;
  repo: PacksRepo;
  /** Whole request, headers and body, must finish within this (default 20 s). */
  timeoutMs?: number;
  /** Largest body accepted, in bytes (default: the pack text limit). */
  maxBytes?: number;
}


class SyncFailure extends Error {
  constructor(readonly packError: PackError) {
    super(packError.code);
  }
}

/** Reads at most `maxBytes`, refusing early on Content-Length so a 50 MB body is never buffered. */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw new SyncFailure(packError('tooLarge', Math.round(maxBytes / 1024 / 1024)));
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new SyncFailure(packError('tooLarge', Math.round(maxBytes / 1024 / 1024)));
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/**
 * Any redirect is refused, before a request reaches its target. Browsers answer `redirect:
 * 'manual'` with an opaque response that hides the Location (checked in Chromium, even with host
 * permission), so a same-origin hop cannot be told from one to an intranet host without letting
 * the browser follow it, which is what sent requests where the member never pointed. The member
 * follows the final address instead; runtimes that do expose the 3xx (Node) are refused alike.
 */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || response.redirected || (response.status >= 300 && response.status < 400 && response.status !== 304);
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the member confirmed for this one sync. */
export interface SyncOptions {
  allowRemoveAll?: boolean;
  /** Replace the subscription's pack by the one with another id the URL now delivers. */
  allowIdChange?: boolean;
}

/**
 * One sync of one subscription. Whatever fails (a private host, network, timeout, status, any
 * redirect, size, encoding, JSON, schema, a pack that would remove everything, clash with another
 * pack's id, change the subscription's pack id or pass the storage cap, a server changing content
 * under the same ETag, even a failing database), the installed version stays and the outcome and
 * the subscription say why; it never throws, so one subscription cannot stop the others. A good
 * new version is applied in one transaction together with its new ETag, so a worker stopped
 * mid-sync leaves either the old state or the new one.
 */
export async function syncSubscription(url: string, deps: PackSyncDeps, options: SyncOptions = {}): Promise<PackSyncOutcome> {
  try {
    return await syncOnce(url, deps, options);
  } catch (error) {
    // Not a sync failure: the database refused (quota, a closed connection) or a bug.
    const failure = packError('localFailure', error instanceof Error ? error.name : 'Error');
    await deps.repo.recordFailure(url, failure, deps.now()).catch(() => undefined);
    return { url, kind: 'failed', error: failure };
  }
}

async function syncOnce(url: string, deps: PackSyncDeps, options: SyncOptions): Promise<PackSyncOutcome> {
  const { repo } = deps;
  const subscription = await repo.subscription(url);
  if (!subscription) return { url, kind: 'failed', error: packError('badUrl') };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? 20_000);
  try {
    // Checked at every sync, not only when following: a subscription an older version saved may
    // name a private host. Only a policy's own URLs may (see PackUrlOptions.allowPrivate).
    const allowed = parsePackUrl(url, { allowPrivate: subscription.managed === true });
    if (!allowed.ok) throw new SyncFailure(allowed.error);
    const headers: Record<string, string> = { accept: 'application/json' };
    // Only revalidate when a good version is installed; otherwise a 304 would leave nothing to show.
    if (subscription.etag && subscription.packId) headers['if-none-match'] = subscription.etag;
    let response: Response;
    try {
      response = await deps.fetch(url, {
        headers,
        signal: controller.signal,
        // Our own validators decide freshness; the HTTP cache must not answer for the server.
        cache: 'no-store',
        credentials: 'omit',
        // Never followed: see isRedirect.
        redirect: 'manual',
      });
    } catch {
      throw new SyncFailure(controller.signal.aborted ? packError('timeout', Math.round((deps.timeoutMs ?? 20_000) / 1000)) : packError('network'));
    }
    if (isRedirect(response)) {
      await response.body?.cancel().catch(() => undefined);
      throw new SyncFailure(packError('redirected'));
    }
    if (response.status === 304 && subscription.packId) {
      await repo.recordUnchanged(url, deps.now());
      return { url, kind: 'unchanged' };
    }
    if (!response.ok) throw new SyncFailure(packError('httpStatus', response.status));
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await readLimited(response, deps.maxBytes ?? PACK_LIMITS.maxTextLength);
    } catch (error) {
      if (error instanceof SyncFailure) throw error;
      throw new SyncFailure(controller.signal.aborted ? packError('timeout', Math.round((deps.timeoutMs ?? 20_000) / 1000)) : packError('network'));
    }
    const etag = response.headers.get('etag');
    const bodyHash = await sha256(bytes);
    if (subscription.packId && bodyHash === subscription.bodyHash) {
      // The server ignored If-None-Match but sent the same bytes: nothing to apply.
      await repo.recordUnchanged(url, deps.now(), etag);
      return { url, kind: 'unchanged' };
    }
    if (subscription.packId && etag && etag === subscription.etag) {
      // Same validator, different bytes: the server's caching is broken and members would disagree.
      throw new SyncFailure(packError('etagMismatch', etag));
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new SyncFailure(packError('notUtf8'));
    }
    const parsed = parsePackText(text);
    if (!parsed.ok) throw new SyncFailure(parsed.error);
    const applied = await repo.apply(parsed.value, {
      sourceUrl: url,
      allowRemoveAll: options.allowRemoveAll,
      allowIdChange: options.allowIdChange,
      now: deps.now(),
      fetched: { etag, bodyHash },
    });
    if (!applied.ok) throw new SyncFailure(applied.error);
    return { url, kind: 'applied', summary: summarizeDiff(applied.value) };
  } catch (error) {
    if (!(error instanceof SyncFailure)) throw error;
    await repo.recordFailure(url, error.packError, deps.now());
    return { url, kind: 'failed', error: error.packError };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Syncs every subscription one after the other (packs are few; parallel fetches gain little).
 * Each one reports its own outcome: a failure of one, whatever it is, does not skip the rest.
 */
export async function syncAllSubscriptions(deps: PackSyncDeps): Promise<PackSyncOutcome[]> {
  const outcomes: PackSyncOutcome[] = [];
  for (const subscription of await deps.repo.subscriptions()) outcomes.push(await syncSubscription(subscription.url, deps));
  return outcomes;
}

export type PackHandlers = Pick<PageHandlers, 'packSyncNow'>;

/** One sync service per worker: page messages, the alarm and browser start all go through it. */
export interface PackSyncService {
  handlers: PackHandlers;
  syncAll(): Promise<PackSyncOutcome[]>;
}

/**
 * Page messages for packs. Subscribing and removing happen in the options page (it owns the
 * permission prompt and the database); the worker only fetches, and only URLs already followed.
 */
export function createPackSync(deps: PackSyncDeps): PackSyncService {
  // Two triggers at once (alarm + "sync now") share one run instead of fetching twice.
  const running = new Map<string, Promise<PackSyncOutcome[]>>();
  const once = (key: string, run: () => Promise<PackSyncOutcome[]>) => {
    const existing = running.get(key);
    if (existing) return existing;
    const promise = run().finally(() => running.delete(key));
    running.set(key, promise);
    return promise;
  };
  const syncAll = () => once('*', () => syncAllSubscriptions(deps));
  return {
    syncAll,
    handlers: {
      async packSyncNow({ url, allowRemoveAll, allowIdChange }) {
        if (url === null) return { outcomes: await syncAll() };
        if (!(await deps.repo.subscription(url))) return { outcomes: [{ url, kind: 'failed', error: packError('badUrl') }] };
        return { outcomes: await once(url, async () => [await syncSubscription(url, deps, { allowRemoveAll, allowIdChange })]) };
      },
    },
  };
}

/** Most pack URLs a policy may list; more is a misconfiguration, not a team. */
const MAX_MANAGED = 50;

/**
 * Turns the `packUrls` value of managed storage (an administrator's policy, untrusted in shape)
 * into valid, de-duplicated subscription URLs; anything else is ignored. Intranet hosts are
 * allowed here (see PackUrlOptions.allowPrivate).
 */
export function managedPackUrls(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const urls = new Set<string>();
  for (const entry of value.slice(0, MAX_MANAGED)) {
    if (typeof entry !== 'string') continue;
    const parsed = parsePackUrl(entry, { allowPrivate: true });
    if (parsed.ok) urls.add(parsed.value.url);
  }
  return [...urls];
}
