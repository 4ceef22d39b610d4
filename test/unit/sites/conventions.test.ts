import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, platformForUrl } from '../../../src/shared/domain/platform';
import { contentFilesFor, SITE_CHUNK_PLATFORMS, siteChunkFile } from '../../../src/shared/content-files';
import { ADAPTERS, adapterFor } from '../../../src/sites/registry';
import { FIXTURES } from './fixture';

// refined-github style: every site is registered, has committed fixture markup and a test, and its
// hostname rules agree with the manifest. Adding a platform without those fails here.

const ROOT = join(FIXTURES, '../../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as {
  content_scripts: { matches: string[] }[];
};
/** "https://*.facebook.com/*" → "facebook.com" (and whether subdomains are allowed). */
const MANIFEST_HOSTS = manifest.content_scripts
  .flatMap((script) => script.matches)
  .map((pattern) => /^https:\/\/(\*\.)?([^/]+)\/\*$/.exec(pattern))
  .filter((match): match is RegExpExecArray => match !== null)
  .map((match) => ({ host: match[2]!, subdomains: match[1] !== undefined }));

const platforms = PLATFORMS.filter((platform) => platform !== 'other');
const ids = ADAPTERS.map((adapter) => adapter.id);

describe('site adapter conventions', () => {
  it('reads the manifest hosts', () => {
    expect(MANIFEST_HOSTS.length).toBeGreaterThanOrEqual(platforms.length);
  });

  it.each(platforms)('%s has a registered adapter', (platform) => {
    expect(ids).toContain(platform);
  });

  it.each(ids)('%s has a fixture page and a test file', (id) => {
    expect(existsSync(join(FIXTURES, `${id}.html`))).toBe(true);
    expect(existsSync(join(ROOT, 'test/unit/sites', `${id}.test.ts`))).toBe(true);
  });

  it.each(ids)('%s fixture says it is a reduced reconstruction with invented people', (id) => {
    const html = readFileSync(join(FIXTURES, `${id}.html`), 'utf8');
    expect(html).toMatch(/<!--[\s\S]*reconstruction[\s\S]*invented[\s\S]*-->/);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
  });

  it('ids are unique and none is "generic" (the fallback answers last, unregistered)', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('generic');
    expect(adapterFor('unknown.example').id).toBe('generic');
  });

  it.each(MANIFEST_HOSTS)('$host is claimed by the adapter of its platform', ({ host, subdomains }) => {
    const platform = platformForUrl(`https://${host}/`);
    expect(platform).not.toBe('other');
    const samples = subdomains ? [host, `www.${host}`, `m.${host}`, `WWW.${host.toUpperCase()}`] : [host];
    for (const sample of samples) {
      expect(adapterFor(sample.toLowerCase()).id).toBe(platform);
      expect(ADAPTERS.filter((adapter) => adapter.matches(sample)).map((adapter) => adapter.id)).toEqual([platform]);
    }
  });

  it.each(MANIFEST_HOSTS)('no adapter accepts lookalikes of $host', ({ host }) => {
    const [name, tld] = [host.slice(0, host.lastIndexOf('.')), host.slice(host.lastIndexOf('.') + 1)];
    const lookalikes = [`evil${host}`, `not-${host}`, `${host}.evil.example`, `${name}-${tld}.example`, `${name}.${tld}x`, `${host}evil.com`];
    for (const lookalike of lookalikes) {
      expect(ADAPTERS.filter((adapter) => adapter.matches(lookalike)).map((adapter) => adapter.id), lookalike).toEqual([]);
    }
  });

  it('the adapters without manifest hosts are found by DOM (Mastodon)', () => {
    for (const adapter of ADAPTERS) {
      const claimed = MANIFEST_HOSTS.some(({ host }) => adapter.matches(host));
      expect(claimed || adapter.detects !== undefined, adapter.id).toBe(true);
    }
  });

  it.each(MANIFEST_HOSTS)('$host gets its own platform chunk, holding the adapter that claims it', ({ host }) => {
    const adapter = adapterFor(host);
    const platform = SITE_CHUNK_PLATFORMS.find((id) => id === adapter.id);
    expect(platform, host).toBeDefined();
    expect(existsSync(join(ROOT, 'src/sites/chunks', `${adapter.id}.ts`))).toBe(true);
    expect(readFileSync(join(ROOT, 'src/sites/chunks', `${adapter.id}.ts`), 'utf8')).toMatch(new RegExp(`installSite\\(${adapter.id}Adapter\\)`));
    expect(contentFilesFor(`https://${host}/some/page`)).toEqual(['content-ui.js', siteChunkFile(platform!)]);
  });

  it('a host no platform claims gets content-ui.js alone (generic and DOM-found adapters are in it)', () => {
    expect(contentFilesFor('https://social.example/@ana/1')).toEqual(['content-ui.js']);
    expect(contentFilesFor('https://evilx.com/')).toEqual(['content-ui.js']);
    expect(SITE_CHUNK_PLATFORMS).not.toContain('mastodon');
  });
});
