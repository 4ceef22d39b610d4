import { describe, expect, it } from 'vitest';
import { parseSiteOrigin } from '../../src/shared/domain/site-origin';

describe('parseSiteOrigin: accepted', () => {
  it('turns a bare host into an https origin and host pattern', () => {
    expect(parseSiteOrigin('mastodon.social')).toEqual({
      ok: true,
      origin: 'https://mastodon.social',
      pattern: 'https://mastodon.social/*',
    });
  });

  it('drops the path, query and hash', () => {
    expect(parseSiteOrigin('https://foro.marca.es/t/1?page=2#post-3')).toEqual({
      ok: true,
      origin: 'https://foro.marca.es',
      pattern: 'https://foro.marca.es/*',
    });
    expect(parseSiteOrigin('mastodon.social/@marca/123')).toMatchObject({
      ok: true,
      origin: 'https://mastodon.social',
      pattern: 'https://mastodon.social/*',
    });
  });

  it('keeps http when the user typed it', () => {
    expect(parseSiteOrigin('http://foro.marca.es/')).toEqual({
      ok: true,
      origin: 'http://foro.marca.es',
      pattern: 'http://foro.marca.es/*',
    });
  });

  it('trims surrounding space and lower-cases scheme and host', () => {
    expect(parseSiteOrigin('  HTTPS://Mastodon.Social/Home  ')).toEqual({
      ok: true,
      origin: 'https://mastodon.social',
      pattern: 'https://mastodon.social/*',
    });
  });

  it('drops credentials from the origin and pattern', () => {
    const result = parseSiteOrigin('https://user:secret@foro.marca.es/');
    expect(result).toEqual({ ok: true, origin: 'https://foro.marca.es', pattern: 'https://foro.marca.es/*' });
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('turns an internationalised host into punycode (match patterns are ASCII)', () => {
    expect(parseSiteOrigin('café.com')).toEqual({
      ok: true,
      origin: 'https://xn--caf-dma.com',
      pattern: 'https://xn--caf-dma.com/*',
    });
  });

  // Bug: "host:port" without a scheme is read as scheme "host:" and rejected as a bad scheme.
  it('accepts a host with a port typed without a scheme', () => {
    expect(parseSiteOrigin('foro.marca.es:8443')).toMatchObject({ ok: true, origin: 'https://foro.marca.es:8443' });
  });
});

describe('parseSiteOrigin: rejected', () => {
  it.each(['javascript:alert(1)', 'ftp://x.y', 'file:///etc', 'file:///etc/passwd', 'data:text/html,hi', 'mailto:a@b.es', 'chrome://settings', 'ws://x.y'])(
    '%s → scheme',
    (input) => {
      expect(parseSiteOrigin(input)).toEqual({ ok: false, error: 'scheme' });
    },
  );

  it.each(['', '   ', 'not a url', 'localhost', 'http://localhost/', 'intranet', 'https://', 'https://[::1]/', 'https://a b.com/'])(
    '%j → invalid',
    (input) => {
      expect(parseSiteOrigin(input)).toEqual({ ok: false, error: 'invalid' });
    },
  );
});
