import { platformForUrl, type Platform } from './domain/platform';

/**
 * The content script's built files. `content.js` (the bootstrap) is what the manifest and the
 * user-enabled sites inject on every page; these are injected by the worker into one frame on
 * first need. The build, the worker and the size benchmark read the same list.
 */
export const CONTENT_UI_FILES = ['content-ui.js'] as const;

/**
 * Platforms whose adapter is its own file, sites/<platform>.js (src/sites/chunks/<platform>.ts),
 * injected after content-ui.js (whose site helpers it uses) into that platform's pages only. Mastodon runs on any host and is
 * found by the page's markup, so it stays in content-ui.js with the generic adapter.
 */
export const SITE_CHUNK_PLATFORMS = ['x', 'facebook', 'instagram', 'linkedin', 'youtube', 'tiktok', 'reddit', 'threads', 'bluesky'] as const satisfies readonly Platform[];

export function siteChunkFile(platform: (typeof SITE_CHUNK_PLATFORMS)[number]): string {
  return `sites/${platform}.js`;
}

/** What the worker injects into a frame of `url` on first need, in order: the UI, then the site's adapter. */
export function contentFilesFor(url: string): string[] {
  const platform = platformForUrl(url);
  const chunk = SITE_CHUNK_PLATFORMS.find((candidate) => candidate === platform);
  return chunk ? [...CONTENT_UI_FILES, siteChunkFile(chunk)] : [...CONTENT_UI_FILES];
}
