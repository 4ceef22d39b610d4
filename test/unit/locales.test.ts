import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Locale = Record<string, LocaleMessage>;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;

const en = readJson<Locale>('_locales/en/messages.json');
const es = readJson<Locale>('_locales/es/messages.json');
const locales = { en, es };

/** `$NAME$` references in a message, lower-cased (Chrome matches placeholder names case-insensitively). */
function placeholdersUsed(message: string): string[] {
  return [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase()).sort();
}
const placeholdersDeclared = (entry: LocaleMessage): string[] =>
  Object.keys(entry.placeholders ?? {})
    .map((k) => k.toLowerCase())
    .sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(entry) ? [path] : [];
  });
}

describe('locales', () => {
  it('has the default locale of the manifest', () => {
    const manifest = readJson<{ default_locale?: string }>('manifest.json');
    expect(manifest.default_locale).toBe('en');
    expect(Object.keys(en).length).toBeGreaterThan(0);
  });

  it('every English key exists in Spanish', () => {
    expect(Object.keys(en).filter((key) => !(key in es))).toEqual([]);
  });

  it('every Spanish key exists in English', () => {
    expect(Object.keys(es).filter((key) => !(key in en))).toEqual([]);
  });

  it.each(Object.entries(locales))('%s: keys are valid Chrome message names', (_lang, messages) => {
    for (const key of Object.keys(messages)) expect(key, key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it.each(Object.entries(locales))('%s: no empty messages', (_lang, messages) => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(typeof entry.message, key).toBe('string');
      expect(entry.message.trim(), key).not.toBe('');
    }
  });

  it.each(Object.entries(locales))('%s: every placeholder a message uses is declared, and every declared one is used', (_lang, messages) => {
    for (const [key, entry] of Object.entries(messages)) {
      expect([...new Set(placeholdersUsed(entry.message))], key).toEqual(placeholdersDeclared(entry));
      for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
        expect(placeholder.content.trim(), `${key}.${name}`).not.toBe('');
      }
    }
  });

  it('English and Spanish declare the same placeholders with the same substitutions', () => {
    for (const [key, entry] of Object.entries(en)) {
      const other = es[key];
      if (!other) continue;
      expect(placeholdersDeclared(other), key).toEqual(placeholdersDeclared(entry));
      for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
        const match = Object.entries(other.placeholders ?? {}).find(([n]) => n.toLowerCase() === name.toLowerCase());
        expect(match?.[1].content, `${key}.${name}`).toBe(placeholder.content);
      }
    }
  });

  it('keeps template variables like {{agent}} identical in both languages', () => {
    for (const [key, entry] of Object.entries(en)) {
      const vars = (m: string) => [...m.matchAll(/\{\{[^}]*\}\}/g)].map((x) => x[0]).sort();
      expect(vars(es[key]?.message ?? ''), key).toEqual(vars(entry.message));
    }
  });
});

describe('message keys used in code exist', () => {
  const files = sourceFiles(join(ROOT, 'src'));
  const manifestText = readFileSync(join(ROOT, 'manifest.json'), 'utf8');

  /** Keys referenced from the manifest and HTML as `__MSG_key__`. */
  const msgRefs = [manifestText, ...files.map((f) => readFileSync(f, 'utf8'))].flatMap((text) =>
    [...text.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1] ?? ''),
  );

  /** Keys passed directly to t('…') or getMessage('…'). */
  const callRefs = files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\b(?:t|getMessage)\(\s*(['"`])([^'"`$]+)\1/g)].map((m) => ({
      file: relative(ROOT, file),
      key: m[2] ?? '',
    })),
  );

  /**
   * String literals that look like message keys: camelCase with a prefix that UI keys use
   * (`panel…`, `status…`, `sites…`). Catches keys chosen indirectly (`setStatus('statusNoBox')`,
   * maps typed `MessageKey`) that a `t('…')` scan misses.
   */
  const prefixes = new Set(
    Object.keys(en)
      .filter((key) => !msgRefs.includes(key))
      .map((key) => /^[a-z]+(?=[A-Z0-9])/.exec(key)?.[0])
      .filter((p): p is string => !!p),
  );
  const literalRefs = files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(['"`])([a-z]+)([A-Z][A-Za-z0-9]*)\1/g)]
      .filter((m) => prefixes.has(m[2] ?? ''))
      .map((m) => ({ file: relative(ROOT, file), key: `${m[2]}${m[3]}` })),
  );

  it('finds references (the scan works)', () => {
    expect(msgRefs).toContain('extName');
    expect(callRefs.length).toBeGreaterThan(5);
    expect(literalRefs.map((r) => r.key)).toContain('statusNoBox');
  });

  it('every __MSG_key__ in the manifest and pages exists in en', () => {
    expect(msgRefs.filter((key) => !(key in en))).toEqual([]);
  });

  it("every t('key') / getMessage('key') exists in en", () => {
    expect(callRefs.filter(({ key }) => !(key in en))).toEqual([]);
  });

  it('every string literal that looks like a message key exists in en', () => {
    expect(literalRefs.filter(({ key }) => !(key in en))).toEqual([]);
  });
});
