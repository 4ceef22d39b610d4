import { platformForUrl } from './platform';

/** Longer than any comment link the sites show; a stored link is rewritten with each focus. */
export const MAX_SITE_LINK = 512;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * A page-supplied link (a comment's permalink), kept only when it points back into the site the
 * page is on: http(s) (http only from an http page), no user name or password, and on a
 * platform's own hosts (x.com and twitter.com alike) or, on a site no platform owns, the page's
 * very host and port. `pageUrl` must be what the browser reported, never something the page said.
 * Returns the normalised link, or undefined.
 */
export function sameSiteLink(link: string | undefined, pageUrl: string): string | undefined {
  if (!link) return undefined;
  const page = parse(pageUrl);
  const url = parse(link);
  if (!page || !url || !/^https?:$/.test(page.protocol)) return undefined;
  if (url.protocol !== 'https:' && url.protocol !== page.protocol) return undefined;
  if (url.username || url.password) return undefined;
  const platform = platformForUrl(page.href);
  const sameSite = platform === 'other' ? url.host === page.host : url.port === '' && platformForUrl(url.href) === platform;
  return sameSite && url.href.length <= MAX_SITE_LINK ? url.href : undefined;
}
