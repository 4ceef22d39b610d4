// One reply box per site fixture (test/fixtures/sites), served at its real site's URL, and the first
// name Tono reads for it there. Shared by sites.test.ts (Chromium) and firefox-sites.test.ts.
import { readFileSync } from 'node:fs';
import { renderTemplate } from '../../src/shared/domain/template';

export const SITE_REPLY = {
  id: 'site-fixture-hola',
  title: 'Hola con nombre',
  shortcut: 'holafn',
  body: 'Hola {{firstName}}, gracias',
};

/** For the rows whose adapter reads a handle and no name: proves the page was still read. */
export const HANDLE_REPLY = { id: 'site-fixture-handle', title: 'Handle', shortcut: 'quienfn', body: '(@{{handle}})' };

export interface SiteCase {
  /** The fixture, test/fixtures/sites/<fixture>.html. */
  fixture: string;
  /** Where the page is served: the real host decides which adapter chunk the worker injects. */
  url: string;
  /** The reply box's id (some are inside an open shadow root). */
  box: string;
  /**
   * The first name the site's adapter reads for that box. null where the adapter reads only a
   * handle (no display name on the page next to the box), so {{firstName}} renders empty.
   */
  firstName: string | null;
  /** Where firstName is null: the handle read instead, checked with HANDLE_REPLY. */
  handle?: string;
  /**
   * The box has Draft.js markup, for which Tono inserts by a paste event only (the real editor reads
   * clipboardData; see src/content/insert/insert-text.ts). The fixture has no editor library, so the
   * test adds DRAFT_PASTE_STANDIN, which takes the paste as Draft would. Real Draft.js is covered by
   * editors.test.ts; here the point is what the site's adapter reads.
   */
  draftPaste?: boolean;
  /** Sites with no manifest host: Tono runs there only once the user enabled the site. */
  userEnabled?: boolean;
}

export const SITE_CASES: SiteCase[] = [
  { fixture: 'x', url: 'https://x.com/ana_perez/status/2124804699583418514', box: 'box-inline', firstName: 'Ana', draftPaste: true },
  { fixture: 'facebook', url: 'https://www.facebook.com/marcademo/posts/pfbid02AbCdEf', box: 'box-reply', firstName: 'Ana' },
  // The post's comment textarea names only the handle (the caption row's @marcademo).
  { fixture: 'instagram', url: 'https://www.instagram.com/p/DCaBcD1eFgH/', box: 'box-comment', firstName: null, handle: 'marcademo' },
  { fixture: 'linkedin', url: 'https://www.linkedin.com/feed/', box: 'box-reply', firstName: 'Ana' },
  { fixture: 'linkedin-new', url: 'https://www.linkedin.com/feed/?tono-fixture=new', box: 'box-reply', firstName: 'Ana' },
  // The English reply box: its comment carries a display name (the Spanish one, only @ana.perez).
  { fixture: 'youtube', url: 'https://www.youtube.com/watch?v=AbCdEfGhIjK', box: 'box-reply-en', firstName: 'Mike' },
  { fixture: 'tiktok', url: 'https://www.tiktok.com/@marcademo/video/7439000000000000000', box: 'box-inline', firstName: 'Ana', draftPaste: true },
  // Reddit shows usernames only: the handle is read, there is no name.
  { fixture: 'reddit', url: 'https://www.reddit.com/r/demo/comments/1gdemo/horarios_de_atencion/', box: 'box-reply', firstName: null, handle: 'ana_perez' },
  // The composer inside a shadow root (the previous shreddit markup).
  { fixture: 'reddit-old', url: 'https://www.reddit.com/r/demo/comments/1gdemo/horarios_de_atencion/?tono-fixture=old', box: 'box-reply', firstName: null, handle: 'ana_perez' },
  // Threads' reply dialog names the account by handle only.
  { fixture: 'threads', url: 'https://www.threads.com/@marcademo/post/DCmarca0001', box: 'box-dialog', firstName: null, handle: 'ana.perez' },
  { fixture: 'bluesky', url: 'https://bsky.app/profile/marcademo.bsky.social/post/3n2xbvlcmr22a', box: 'box-dialog', firstName: 'Ana' },
  { fixture: 'mastodon', url: 'https://social.example/home', box: 'box', firstName: 'Ana', userEnabled: true },
  { fixture: 'generic', url: 'https://foro.example/t/42', box: 'box-1', firstName: 'Ana', userEnabled: true },
];

/**
 * Runs in the page (its own world): a paste into a Draft.js box inserts the clipboard's plain text at
 * the selection, as Draft's own paste handler does. A paste with no text does nothing.
 */
export function draftPasteStandIn(boxId: string): void {
  document.addEventListener(
    'paste',
    (event) => {
      const box = document.getElementById(boxId);
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!box || !(event.target instanceof Node) || !box.contains(event.target) || !text) return;
      event.preventDefault();
      document.execCommand('insertText', false, text);
    },
    true,
  );
}

/** What the box holds after typing the shortcut and pressing Tab. */
export const expectedText = (row: SiteCase): string => renderTemplate(SITE_REPLY.body, { firstName: row.firstName ?? undefined }).text;

export const fixtureHtml = (row: SiteCase): string =>
  readFileSync(new URL(`../fixtures/sites/${row.fixture}.html`, import.meta.url), 'utf8');

/** Runs in the page: the box's text (value for fields, innerText otherwise), looking into open shadow roots. */
export function boxText(id: string): string | null {
  const find = (root: Document | ShadowRoot): HTMLElement | null => {
    const hit = root.getElementById(id);
    if (hit) return hit;
    for (const element of root.querySelectorAll('*')) {
      const inner = element.shadowRoot && find(element.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  const box = find(document);
  if (!box) return null;
  const text = box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement ? box.value : box.innerText;
  return text.replace(/\u00a0/g, ' ').replace(/\n+$/, '');
}
