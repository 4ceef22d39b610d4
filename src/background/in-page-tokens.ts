import type { ContentHandlers, PageHandlers } from './router';

/** How long a registered token waits for its frame, and how many one tab may hold at once. */
const TOKEN_TTL_MS = 30_000;
const MAX_PER_TAB = 8;

interface Pending {
  tabId: number;
  expires: number;
}

/**
 * The handshake behind the in-page frame (src/content/frame, src/inpage). A content script
 * registers a random token, then hands its frame a port with that token through `postMessage`,
 * where page scripts could post too. The frame adopts the port only once this store confirms the
 * token came from a content script of the frame's own tab, and each token confirms once.
 * Kept in memory: the two messages follow each other within milliseconds, and a lost token only
 * makes the content script load the frame again on its next use.
 */
function isFramePage(url: string, framePath: string): boolean {
  try {
    return new URL(url).pathname === `/${framePath}`;
  } catch {
    return false;
  }
}

export function createInPageTokens(framePath: string, now: () => number = Date.now) {
  const tokens = new Map<string, Pending>();
  const sweep = () => {
    const at = now();
    for (const [token, pending] of tokens) if (pending.expires <= at) tokens.delete(token);
  };

  const registerInPageToken: ContentHandlers['registerInPageToken'] = async ({ token }, sender) => {
    sweep();
    const mine = [...tokens].filter(([, pending]) => pending.tabId === sender.tabId);
    // Oldest first out: a frame reloading in a loop cannot grow the map.
    for (const [old] of mine.slice(0, Math.max(0, mine.length - MAX_PER_TAB + 1))) tokens.delete(old);
    if (!tokens.has(token)) tokens.set(token, { tabId: sender.tabId, expires: now() + TOKEN_TTL_MS });
    return true;
  };

  const claimInPageToken: PageHandlers['claimInPageToken'] = async ({ token }, sender) => {
    sweep();
    const pending = tokens.get(token);
    // Only Tono's frame page, in the tab whose content script registered the token.
    if (!pending || sender.tabId !== pending.tabId || !isFramePage(sender.url, framePath)) return false;
    tokens.delete(token);
    return true;
  };

  return { registerInPageToken, claimInPageToken };
}
