import { describe, expect, it } from 'vitest';
import { MissingBrowserError, chromiumPath, firefoxPath } from '../../scripts/lib/browsers';

const nothingExists = () => false;

describe('browser discovery for tests, npm start and bench', () => {
  it('prefers CHROME_PATH / FIREFOX_PATH when they exist', () => {
    const exists = (path: string) => path === '/opt/chrome' || path === '/opt/firefox';
    expect(chromiumPath({ CHROME_PATH: '/opt/chrome' }, exists)).toBe('/opt/chrome');
    expect(firefoxPath({ FIREFOX_PATH: '/opt/firefox' }, exists)).toBe('/opt/firefox');
  });

  it('falls back to Debian paths and skips a CHROME_PATH that does not exist', () => {
    const exists = (path: string) => path === '/usr/bin/chromium';
    expect(chromiumPath({ CHROME_PATH: '/nope' }, exists)).toBe('/usr/bin/chromium');
  });

  it('explains how to install a missing browser instead of failing with a stack trace', () => {
    expect(() => chromiumPath({}, nothingExists)).toThrow(MissingBrowserError);
    expect(() => chromiumPath({}, nothingExists)).toThrow(/apt-get install chromium/);
    expect(() => firefoxPath({}, nothingExists)).toThrow(/apt-get install firefox-esr/);
  });
});
