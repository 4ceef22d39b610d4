export type OriginParse = { ok: true; origin: string; pattern: string } | { ok: false; error: 'invalid' | 'scheme' };

/**
 * Turns what a user typed ("mastodon.social", "https://foro.marca.es/t/1") into an origin and the
 * match pattern for its host permission. Only http(s) is accepted; paths are dropped.
 */
export function parseSiteOrigin(input: string): OriginParse {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, error: 'invalid' };
  // `host:8443` is a port, not a scheme.
  const withScheme = /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: 'scheme' };
  if (!url.hostname || !/^[a-z0-9.-]+$/i.test(url.hostname) || !url.hostname.includes('.') || url.hostname.split('.').some((label) => !label)) {
    return { ok: false, error: 'invalid' };
  }
  return { ok: true, origin: url.origin, pattern: `${url.protocol}//${url.hostname}/*` };
}
