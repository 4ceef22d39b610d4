// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://site.example/page"}
import { describe, expect, it } from 'vitest';
import { defineAdapter } from '../../../src/sites/define';
import { $, loadFixture } from './fixture';

/**
 * Each site fixture with its site-specific markers stripped, read by an adapter whose own markup
 * found nothing: what the generic + structural path alone still gets. Stripped:
 *  - every `class` attribute, every `data-*` attribute (data-testid, data-e2e, data-view-name…),
 *    `componentkey`, and every `id` but the test's box ids (`box…`) and ids an aria-* attribute points at;
 *  - custom elements (shreddit-comment, ytd-comment-renderer, faceplate-timeago…) become plain
 *    `div`s (stripped the same way), inside declarative shadow templates too.
 * Kept: tags, roles, aria-*, placeholder, href, datetime, itemprop/rel, and the page's text.
 */
function strip(parsed: Document): void {
  const referenced = new Set(
    Array.from(parsed.querySelectorAll('[aria-describedby], [aria-labelledby]')).flatMap((element) =>
      `${element.getAttribute('aria-describedby') ?? ''} ${element.getAttribute('aria-labelledby') ?? ''}`.split(/\s+/),
    ),
  );
  const visit = (root: ParentNode): void => {
    const all = root instanceof Element ? [root, ...Array.from(root.querySelectorAll('*'))] : Array.from(root.querySelectorAll('*'));
    for (const element of all) {
      if (element instanceof parsed.defaultView!.HTMLTemplateElement || element.tagName === 'TEMPLATE') visit((element as HTMLTemplateElement).content);
      for (const { name, value } of Array.from(element.attributes)) {
        const keepId = name === 'id' && (value.startsWith('box') || referenced.has(value));
        if (name === 'class' || name.startsWith('data-') || name === 'componentkey' || (name === 'id' && !keepId)) element.removeAttribute(name);
      }
      if (element.tagName.includes('-')) {
        const plain = parsed.createElement('div');
        for (const { name, value } of Array.from(element.attributes)) plain.setAttribute(name, value);
        plain.append(...Array.from(element.childNodes));
        element.replaceWith(plain);
      }
    }
  };
  visit(parsed.body);
}

const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const blind = defineAdapter({ id: 'x', hosts: [], read: () => null, submit: { control: 'button', composer: 'form' } });

/** What the structural path gets: the replied person (name or @handle), the time (ISO) and the link. */
interface Got {
  name?: string;
  time?: string;
  link?: string;
}
const NOTHING: Got = {};

// One row per reply box (DM and search boxes left out): [fixture, box, what a stripped page still
// yields]. Adding a fixture is one row.
const ROWS: [string, string, Got][] = [
  ['bluesky', '#box-dialog', NOTHING],
  ['facebook', '#box-reply', { name: 'Ana Pérez' }],
  ['facebook', '#box-reply-en', { name: 'Mike Rogers' }],
  ['facebook', '#box-comment', { name: 'Marca Demo' }],
  ['generic', '#box-1', { name: 'Ana Pérez', time: '2026-11-20T00:00:00.000Z approximate', link: 'https://site.example/t/42#c1' }],
  ['generic', '#box-2', { time: '2026-11-23T11:00:00.000Z exact', link: 'https://site.example/t/42#c2' }],
  ['generic', '#box-4', { name: 'Lucía Martín', time: '2026-11-22T12:00:00.000Z exact', link: 'https://site.example/p/1003' }],
  ['instagram', '#box-comment', { time: '2026-11-23T10:30:00.000Z exact', link: 'https://site.example/p/DCaBcD1eFgH/c/17912345678909999/' }], // the last comment's time and link; the adapter answers the post
  ['linkedin', '#box-post', NOTHING],
  ['linkedin', '#box-reply', { name: 'Ana Pérez Responsable de compras', time: '2026-11-23T07:30:00.000Z approximate' }], // the name runs into the headline
  ['mastodon', '#box', { name: '@ana@otra.example' }],
  ['reddit', '#box-post', NOTHING],
  ['reddit', '#box-reply', { time: '2026-11-23T09:20:31.123Z exact', link: 'https://site.example/r/demo/comments/1gdemo/comment/lxdemo1/' }],
  ['reddit', '#box-nested', { time: '2026-11-23T10:05:00.000Z exact', link: 'https://site.example/r/demo/comments/1gdemo/comment/lxdemo2/' }],
  ['reddit-old', '#box-post', NOTHING],
  ['reddit-old', '#box-reply', NOTHING],
  ['reddit-old', '#box-old', { time: '2026-11-23T08:00:00.000Z exact' }],
  ['threads', '#box-inline', { name: 'marcademo', time: '2026-11-22T19:00:00.000Z exact', link: 'https://site.example/@marcademo/post/DCmarca0001' }],
  ['threads', '#box-dialog', { name: 'ana.perez', time: '2026-11-23T10:05:00.000Z exact', link: 'https://site.example/@ana.perez/post/DCana00002' }],
  ['tiktok', '#box-inline', { name: 'Ana Pérez' }],
  ['tiktok', '#box-bottom', { name: 'Luis Gómez' }],
  ['x', '#box-inline', { name: '@tienda_ejemplo', time: '2026-11-01T10:00:00.000Z exact' }], // wrong: the quoted account and its time, not Ana's tweet
  ['x', '#box-dialog', { name: '@luis_gomez', time: '2026-11-23T10:30:00.000Z approximate', link: 'https://site.example/luis_gomez/status/2124806998062006281' }], // time from the '1 h' label
  ['youtube', '#box-top', NOTHING],
  ['youtube', '#box-reply', NOTHING],
  ['youtube', '#box-reply-en', NOTHING],
  ['facebook', '#box-2026', { name: 'Lena Park' }],
  ['instagram', '#box-reel', { time: '2026-11-23T08:15:00.000Z exact', link: 'https://site.example/p/DCrEeL0aBcD/c/17955555555501234/' }],
  ['instagram', '#box-ce', { name: 'pablo.diaz', time: '2026-11-23T07:00:00.000Z exact', link: 'https://site.example/p/DCoTrA1bCdE/c/17966666666601234/' }],
  ['linkedin-new', '#box-post', NOTHING],
  ['linkedin-new', '#box-reply', { name: 'Luis Gómez Recruiter' }], // the name runs into the headline
  ['linkedin-new', '#box-reply-reply', { name: 'Luis Gómez Recruiter' }],
  ['linkedin-new', '#box-es', { name: 'José Álvarez Atención al cliente' }],
  ['threads', '#box-2026', { time: '2026-11-21T12:00:00.000Z exact', link: 'https://site.example/@marcademo/post/DCmarca0005' }],
];

describe('site fixtures stripped of site markers, read by structure alone', () => {
  it.each(ROWS)('%s %s', (fixture, box, expected) => {
    loadFixture(fixture, strip);
    expect(document.querySelector('[class], [data-testid]')).toBeNull();
    const context = blind.readContext($(box), NOW);
    const got: Got = {};
    const name = context.authorName ?? (context.handle ? `@${context.handle}` : undefined);
    if (name) got.name = name;
    if (context.commentAt !== null) got.time = `${new Date(context.commentAt).toISOString()} ${context.commentPrecision}`;
    if (context.permalink) got.link = context.permalink;
    expect(got).toEqual(expected);
  });
});
