// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://social.example/home"}
import { beforeEach, describe, expect, it } from 'vitest';
import { mastodonAdapter } from '../../../src/sites/mastodon';
import { adapterFor, adapterForBox } from '../../../src/sites/registry';
import { $, loadFixture } from './fixture';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const EXPECTED = {
  authorName: 'Ana Pérez',
  handle: 'ana@otra.example',
  account: '@marca',
  commentAt: Date.parse('2026-11-23T10:41:05.000Z'),
  commentPrecision: 'exact',
  permalink: 'https://social.example/@ana@otra.example/117665330954240321',
  commentText: 'Mi pedido llegó incompleto, ¿a quién escribo?',
  platform: 'mastodon',
};

describe('mastodon adapter', () => {
  beforeEach(() => loadFixture('mastodon'));

  it('has no hostname: the registry picks it by the DOM on any instance', () => {
    expect(mastodonAdapter.matches('social.example')).toBe(false);
    expect(adapterForBox($('#box'))).toBe(mastodonAdapter);
    expect(adapterFor('social.example').readContext($('#box'), NOW)).toEqual(EXPECTED);
  });

  it('reads the status shown in the reply indicator from the column', () => {
    expect(mastodonAdapter.readContext($('#box'), NOW)).toEqual(EXPECTED);
  });

  it('without a datetime, the time comes from the status id', () => {
    $('time').removeAttribute('datetime');
    expect(mastodonAdapter.readContext($('#box'), NOW)).toEqual(EXPECTED);
  });

  it('when the status is not in any column, the indicator still names the author', () => {
    $('article').remove();
    expect(mastodonAdapter.readContext($('#box'), NOW)).toEqual({
      authorName: 'Ana Pérez',
      handle: 'ana@otra.example',
      account: '@marca',
      commentAt: null,
      commentPrecision: 'unknown',
      commentText: 'Mi pedido llegó incompleto, ¿a quién escribo?',
      platform: 'mastodon',
    });
  });

  describe('newer versions append the local domain to local accounts', () => {
    const setAccounts = (indicator: string, status: string, own = '@marca') => {
      $('.reply-indicator .display-name__account').textContent = indicator;
      $('article .display-name__account').textContent = status;
      $('.navigation-bar__profile-account').textContent = own;
    };

    it.each([
      ['@ana@social.example', '@ana'],
      ['@ana', '@ana@social.example'],
      ['@ana@SOCIAL.example', '@ana@social.example'],
      ['@ana', '@ana'],
    ])('indicator %s and status %s are the same local account "ana"', (indicator, status) => {
      setAccounts(indicator, status);
      expect(mastodonAdapter.readContext($('#box'), NOW)).toEqual({ ...EXPECTED, handle: 'ana' });
    });

    it("the user's own account names the local domain when the web app is on another host", () => {
      setAccounts('@ana@example.org', '@ana', '@marca@example.org');
      expect(mastodonAdapter.readContext($('#box'), NOW)).toEqual({ ...EXPECTED, account: '@marca@example.org', handle: 'ana' });
    });

    it('a remote account keeps its domain, and is not the local account of the same name', () => {
      setAccounts('@ana@otra.example', '@ana');
      expect(mastodonAdapter.readContext($('#box'), NOW)).toEqual({
        authorName: 'Ana Pérez',
        handle: 'ana@otra.example',
        account: '@marca',
        commentAt: null,
        commentPrecision: 'unknown',
        commentText: 'Mi pedido llegó incompleto, ¿a quién escribo?',
        platform: 'mastodon',
      });
    });

    it('an inline reply reads the local status above the box with the bare handle', () => {
      setAccounts('@ana', '@ana@social.example');
      const column = $('.column');
      const box = document.createElement('textarea');
      column.append(box);
      expect(mastodonAdapter.readContext(box, NOW)).toMatchObject({ handle: 'ana', authorName: 'Ana Pérez' });
    });
  });

  it('a new post (no reply indicator) has no comment', () => {
    $('.reply-indicator').remove();
    expect(mastodonAdapter.readContext($('#box'), NOW)).toEqual({ account: '@marca', commentAt: null, commentPrecision: 'unknown', platform: 'mastodon' });
  });

  it('tells the compose box from search', () => {
    expect(mastodonAdapter.isReplyBox($('#box'))).toBe(true);
    expect(mastodonAdapter.isReplyBox($('.search__input'))).toBe(false);
    expect(adapterFor('social.example').isReplyBox($('.search__input'))).toBe(false);
  });

  it('sees the publish button of the compose form', () => {
    expect(mastodonAdapter.isSubmitControl($('#send'), $('#box'))).toBe(true);
    expect(mastodonAdapter.isSubmitControl($('#emoji'), $('#box'))).toBe(false);
    expect(mastodonAdapter.isSubmitControl($('.status__action-bar__button'), $('#box'))).toBe(false);
    expect(adapterFor('social.example').isSubmitControl($('#send'), $('#box'))).toBe(true);
  });

  it('is not detected on a page that does not look like Mastodon', () => {
    $('#mastodon').removeAttribute('id');
    $('.columns-area').className = 'layout';
    $('article').remove();
    expect(mastodonAdapter.detects?.($('#box'))).toBe(false);
  });
});
