// The only import of webextension-polyfill. Chrome 148+ and Firefox expose a native promise-based
// `browser`; when support for older Chrome ends, replace this line with
// `export const browser = globalThis.browser`.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';
