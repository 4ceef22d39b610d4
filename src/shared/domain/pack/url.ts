import { fail, type PackResult } from './errors';
import { isPrivateHost } from './host';

export interface PackUrlOptions {
  /**
   * An administrator's policy URL (managed storage) may name an intranet host: enterprises
   * publish packs there, the policy is set by whoever runs the machine, and members cannot edit
   * it. A URL a member types or pastes may not (see isPrivateHost).
   */
  allowPrivate?: boolean;
}

/**
 * A subscription URL and the one host-permission pattern it needs. HTTPS only, no credentials in
 * the URL, and a public host unless `allowPrivate`. A team lead trying a pack out imports the
 * file instead of serving it from their own machine.
 */
export function parsePackUrl(input: string, options: PackUrlOptions = {}): PackResult<{ url: string; origin: string; permission: string }> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return fail('badUrl');
  }
  if (url.protocol !== 'https:' || url.username || url.password || input.length > 2048) return fail('badUrl');
  if (!options.allowPrivate && isPrivateHost(url.hostname)) return fail('privateHost', url.hostname);
  url.hash = '';
  // No port in the pattern: Firefox's match patterns with a port match nothing (Chrome's without
  // one match every port), so a pack on :8443 would never be readable there.
  return { ok: true, value: { url: url.href, origin: url.origin, permission: `${url.protocol}//${url.hostname}/*` } };
}
