/**
 * The content script's built files. `content.js` (the bootstrap) is what the manifest and the
 * user-enabled sites inject on every page; these are injected by the worker into one frame on
 * first need. The build, the worker and the size benchmark read the same list.
 */
export const CONTENT_UI_FILES = ['content-ui.js'] as const;
