// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.reddit.com/r/demo/comments/1gdemo/horarios_de_atencion/"}
import { beforeEach, describe, expect, it } from 'vitest';
import { redditAdapter } from '../../../src/sites/reddit';
import { adapterFor } from '../../../src/sites/registry';
import { $, loadFixture } from './fixture';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');

const COMMENT = {
  handle: 'ana_perez',
  commentAt: Date.parse('2026-11-23T09:20:31.123Z'),
  commentPrecision: 'exact',
  permalink: 'https://www.reddit.com/r/demo/comments/1gdemo/comment/lxdemo1/',
  commentText: '¿Abrís el 26? Necesito hacer una devolución.',
};
const POST = {
  handle: 'marca_demo',
  commentAt: Date.parse('2026-11-22T17:00:00.000Z'),
  commentPrecision: 'exact',
  permalink: 'https://www.reddit.com/r/demo/comments/1gdemo/horarios_de_atencion/',
  commentText: 'Horarios de atención durante las fiestas',
};

it('is the adapter for www.reddit.com and old.reddit.com', () => {
  expect(adapterFor('www.reddit.com')).toBe(redditAdapter);
  expect(adapterFor('old.reddit.com')).toBe(redditAdapter);
});

describe('reddit adapter, shreddit 2026 markup', () => {
  beforeEach(() => loadFixture('reddit'));

  it("reads the comment around a reply editor in shreddit-composer's light DOM", () => {
    const box = $('#box-reply');
    expect(box.getRootNode()).toBe(document);
    expect(redditAdapter.isReplyBox(box)).toBe(true);
    expect(redditAdapter.readContext(box, NOW)).toEqual(COMMENT);
  });

  it("a nested reply reads its own comment, not its parent's", () => {
    expect(redditAdapter.readContext($('#box-nested'), NOW)).toEqual({
      handle: 'luis_gomez',
      commentAt: Date.parse('2026-11-23T10:05:00.000Z'),
      commentPrecision: 'exact',
      permalink: 'https://www.reddit.com/r/demo/comments/1gdemo/comment/lxdemo2/',
      commentText: 'Yo también quiero saberlo.',
    });
  });

  it("a parent whose meta lost its time does not take its reply's time", () => {
    $('[slot="commentMeta"] faceplate-timeago').remove();
    expect(redditAdapter.readContext($('#box-reply'), NOW)).toMatchObject({ commentAt: null, commentPrecision: 'unknown' });
  });

  it('without the time link, the permalink is built from postid and thingid', () => {
    const link = $('[slot="commentMeta"] a[href*="/comment/"]');
    link.replaceWith(...Array.from(link.childNodes));
    expect(redditAdapter.readContext($('#box-reply'), NOW)).toEqual({
      ...COMMENT,
      permalink: 'https://www.reddit.com/comments/1gdemo/comment/lxdemo1/',
    });
  });

  it("the post's comment box, outside shreddit-post, answers the earlier post", () => {
    const box = $('#box-post');
    expect(box.tagName).toBe('TEXTAREA');
    expect(box.getRootNode()).not.toBe(document);
    expect($('comment-composer-host#post-composer').closest('shreddit-post')).toBeNull();
    expect(redditAdapter.isReplyBox(box)).toBe(true);
    expect(redditAdapter.readContext(box, NOW)).toEqual(POST);
  });

  it('once the post box turns into a shreddit-composer, it still answers the post', () => {
    const host = $('#post-composer');
    host.replaceChildren();
    const composer = document.createElement('shreddit-composer');
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    editor.setAttribute('role', 'textbox');
    const send = document.createElement('button');
    send.setAttribute('slot', 'submit-button');
    send.type = 'submit';
    composer.append(editor, send);
    host.append(composer);
    expect(redditAdapter.readContext(editor, NOW)).toEqual(POST);
    expect(redditAdapter.isSubmitControl(send, editor)).toBe(true);
    expect(redditAdapter.isSubmitControl($('#send-reply'), editor)).toBe(false);
  });

  it('a post without post-title reads its title slot', () => {
    $('shreddit-post').removeAttribute('post-title');
    expect(redditAdapter.readContext($('#box-post'), NOW)).toEqual(POST);
  });

  it('tells composers from search', () => {
    expect(redditAdapter.isReplyBox($('#search'))).toBe(false);
  });

  it('sees the slotted submit button of the same composer only', () => {
    expect(redditAdapter.isSubmitControl($('#send-reply'), $('#box-reply'))).toBe(true);
    expect(redditAdapter.isSubmitControl($('#cancel-reply'), $('#box-reply'))).toBe(false);
    expect(redditAdapter.isSubmitControl($('#reply-action'), $('#box-reply'))).toBe(false);
    expect(redditAdapter.isSubmitControl($('#send-nested'), $('#box-reply'))).toBe(false);
    expect(redditAdapter.isSubmitControl($('#send-nested'), $('#box-nested'))).toBe(true);
  });
});

describe('reddit adapter, previous shreddit markup and old.reddit.com', () => {
  beforeEach(() => loadFixture('reddit-old'));

  it('reads the comment around the composer, through its shadow root', () => {
    const box = $('#box-reply');
    expect(box.getRootNode()).not.toBe(document);
    expect(redditAdapter.readContext(box, NOW)).toEqual(COMMENT);
  });

  it('reads created-timestamp when faceplate-timeago is missing', () => {
    $('shreddit-comment faceplate-timeago').remove();
    expect(redditAdapter.readContext($('#box-reply'), NOW)).toMatchObject({
      commentAt: Date.parse('2026-11-23T09:20:31.123Z'),
      commentPrecision: 'exact',
    });
  });

  it('the post composer inside the post answers the post', () => {
    expect(redditAdapter.readContext($('#box-post'), NOW)).toEqual(POST);
  });

  it('tells composers from search', () => {
    expect(redditAdapter.isReplyBox($('#box-reply'))).toBe(true);
    expect(redditAdapter.isReplyBox($('#search'))).toBe(false);
  });

  it('sees the slotted submit button of the same composer only', () => {
    expect(redditAdapter.isSubmitControl($('#send-reply'), $('#box-reply'))).toBe(true);
    expect(redditAdapter.isSubmitControl($('#cancel-reply'), $('#box-reply'))).toBe(false);
    expect(redditAdapter.isSubmitControl($('#reply-action'), $('#box-reply'))).toBe(false);
    expect(redditAdapter.isSubmitControl($('#send-post'), $('#box-reply'))).toBe(false);
    expect(redditAdapter.isSubmitControl($('#send-post'), $('#box-post'))).toBe(true);
  });

  it("old.reddit.com: reads the .thing comment around the reply form", () => {
    expect(redditAdapter.readContext($('#box-old'), NOW)).toEqual({
      handle: 'carla_n',
      commentAt: Date.parse('2026-11-23T08:00:00.000Z'),
      commentPrecision: 'exact',
      permalink: 'https://www.reddit.com/r/demo/comments/1gdemo/horarios_de_atencion/lxold1/',
      commentText: '¿Hacéis envíos a Canarias?',
    });
    expect(redditAdapter.isSubmitControl($('#send-old'), $('#box-old'))).toBe(true);
  });
});
