import { fail, type PackResult } from './errors';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A subscription URL and the one host-permission pattern it needs. HTTPS only (plain HTTP is
 * accepted for loopback hosts, for a team lead testing a pack locally); no credentials in the URL.
 */
export function parsePackUrl(input: string): PackResult<{ url: string; origin: string; permission: string }> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return fail('badUrl');
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure || url.username || url.password || input.length > 2048) return fail('badUrl');
  url.hash = '';
  // No port in the pattern: Firefox's match patterns with a port match nothing (Chrome's without
  // one match every port), so a pack on :8443 or a local :8080 would never be readable there.
  return { ok: true, value: { url: url.href, origin: url.origin, permission: `${url.protocol}//${url.hostname}/*` } };
}
