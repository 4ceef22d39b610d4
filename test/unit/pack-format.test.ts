import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildPack,
  bumpVersion,
  csvToPack,
  decodeSpreadsheet,
  diffPack,
  isEmptyDiff,
  PACK_LIMITS,
  parsePackText,
  parsePackUrl,
  parsePackValue,
  serializePack,
  type Pack,
  type PackErrorCode,
  type PackResult,
} from '../../src/shared/domain/pack';

const example = readFileSync(new URL('../../docs/examples/acme-support.json', import.meta.url), 'utf8');
const exampleCsv = readFileSync(new URL('../../docs/examples/acme-support.csv', import.meta.url), 'utf8');
const base = (): Record<string, unknown> => JSON.parse(example) as Record<string, unknown>;
const templatesOf = (pack: Record<string, unknown>) => pack.templates as Record<string, unknown>[];

function ok<T>(result: PackResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code} ${result.error.params.join(' ')}`);
  return result.value;
}
function refusedWith(result: PackResult<unknown>, code: PackErrorCode): string[] {
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  expect(result.error.code).toBe(code);
  return result.error.params;
}
const withTemplate = (patch: Record<string, unknown>, index = 0) => {
  const pack = base();
  templatesOf(pack)[index] = { ...templatesOf(pack)[index], ...patch };
  return pack;
};

describe('pack format: accepted packs', () => {
  it('reads the documented example', () => {
    const pack = ok(parsePackText(example));
    expect(pack.id).toBe('acme-support');
    expect(pack.templates.map((t) => t.id)).toEqual(['gracias', 'privado', 'thanks']);
    expect(pack.guidelines).toHaveLength(2);
    expect(pack.rules[0]).toMatchObject({ id: 'sin-jerga', kind: 'avoid', terms: ['ticket', 'incidencia'] });
  });

  it('keeps unknown fields out of the result without refusing them', () => {
    const pack = base();
    pack.publisher = { team: 'social', nested: { a: [1, 2] } };
    templatesOf(pack)[0]!.color = 'red';
    const parsed = ok(parsePackValue(pack));
    expect(parsed).not.toHaveProperty('publisher');
    expect(parsed.templates[0]).not.toHaveProperty('color');
    expect(parsed.templates[0]?.title).toBe('Agradecer');
  });

  it('fills defaults for optional template fields and lists', () => {
    const parsed = ok(
      parsePackValue({ format: 'tono-pack', formatVersion: 1, id: 'p', name: 'P', version: '1', updatedAt: '2026-01-01T00:00:00Z', templates: [{ id: 'a', title: 'A', body: 'x' }] }),
    );
    expect(parsed.templates[0]).toEqual({ id: 'a', title: 'A', body: 'x', shortcut: '', tags: [], platforms: [], lang: 'es' });
    expect(parsed.guidelines).toEqual([]);
    expect(parsed.rules).toEqual([]);
  });

  it('accepts a UTF-8 byte-order mark and harmless angle brackets', () => {
    const text = '\ufeff' + JSON.stringify(withTemplate({ body: 'Te queremos <3 y 2 < 3 siempre' }));
    expect(ok(parsePackText(text)).templates[0]?.body).toBe('Te queremos <3 y 2 < 3 siempre');
  });

  it('round-trips through serializePack', () => {
    const pack = ok(parsePackText(example));
    expect(ok(parsePackText(serializePack(pack)))).toEqual(pack);
    expect(serializePack(pack).endsWith('}\n')).toBe(true);
  });
});

describe('pack format: refusals say why', () => {
  it('refuses a newer formatVersion with both versions in the message', () => {
    expect(refusedWith(parsePackValue({ ...base(), formatVersion: 2, templates: 'whatever' }), 'newerFormat')).toEqual(['2', '1']);
  });

  it.each([
    ['an array', '[]'],
    ['a string', '"tono-pack"'],
    ['another format', JSON.stringify({ ...base(), format: 'other' })],
    ['no format', JSON.stringify({ ...base(), format: undefined })],
  ])('refuses %s as not a pack', (_label, text) => {
    refusedWith(parsePackText(text), 'notPack');
  });

  it('refuses text that is not JSON', () => {
    refusedWith(parsePackText('<html><body>Login</body></html>'), 'notJson');
    refusedWith(parsePackText('{"format": "tono-pack",'), 'notJson');
  });

  it('refuses the same template id twice', () => {
    const pack = base();
    templatesOf(pack).push({ ...templatesOf(pack)[0], shortcut: 'otro' });
    expect(refusedWith(parsePackValue(pack), 'duplicateId')).toEqual(['templates', 'gracias']);
  });

  it('refuses the same guideline id twice', () => {
    const pack = base();
    (pack.guidelines as unknown[]).push({ id: 'voz', title: 'Otra', body: '' });
    expect(refusedWith(parsePackValue(pack), 'duplicateId')).toEqual(['guidelines', 'voz']);
  });

  it('refuses two templates whose shortcuts fold to the same one', () => {
    const params = refusedWith(parsePackValue(withTemplate({ shortcut: 'PEDÍDO' })), 'duplicateShortcut');
    expect(params).toEqual(['pedido', 'gracias', 'privado']);
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['an image with a handler', 'hola <img src=x onerror=alert(1)>'],
    ['a closing tag', 'texto</b>'],
    ['a comment', 'a <!-- b'],
    ['a javascript: URL', 'mira javascript:alert(1)'],
  ])('refuses HTML in a body: %s', (_label, body) => {
    expect(refusedWith(parsePackValue(withTemplate({ body }, 1)), 'htmlContent')).toEqual(['templates[1].body']);
  });

  it('refuses HTML in a guideline and in the pack name', () => {
    const pack = base();
    (pack.guidelines as Record<string, unknown>[])[1]!.body = '<iframe src="https://evil.example">';
    expect(refusedWith(parsePackValue(pack), 'htmlContent')).toEqual(['guidelines[1].body']);
    expect(refusedWith(parsePackValue({ ...base(), name: '<b>ACME</b>' }), 'htmlContent')).toEqual(['name']);
  });

  it('refuses control characters', () => {
    refusedWith(parsePackValue(withTemplate({ title: 'a\u0000b' })), 'controlChars');
  });

  it('refuses a body over the limit with the field and the limit', () => {
    const params = refusedWith(parsePackValue(withTemplate({ body: 'x'.repeat(PACK_LIMITS.maxBodyLength + 1) })), 'fieldTooLong');
    expect(params).toEqual(['templates[0].body', String(PACK_LIMITS.maxBodyLength)]);
  });

  it('refuses a 50 MB file before parsing it', () => {
    const huge = JSON.stringify(withTemplate({ body: 'x'.repeat(50 * 1024 * 1024) }));
    refusedWith(parsePackText(huge), 'tooLarge');
  });

  it('refuses deeply nested junk without overflowing the stack', () => {
    refusedWith(parsePackText('['.repeat(1_000_000)), 'tooDeep');
    const pack = base();
    let junk: unknown = 1;
    for (let i = 0; i < 40; i++) junk = { x: junk };
    pack.extra = junk;
    refusedWith(parsePackText(JSON.stringify(pack)), 'tooDeep');
    refusedWith(parsePackValue(pack), 'tooDeep');
  });

  it('does not count brackets inside strings as nesting', () => {
    ok(parsePackText(JSON.stringify(withTemplate({ body: '['.repeat(500) + ' "\\" {'.repeat(50) }))));
  });

  it.each(['__proto__', 'prototype'])('refuses a %s key anywhere, even in unknown fields', (key) => {
    const text = example.replace('"shortcut": "gracias",', `"shortcut": "gracias", "meta": {"${key}": {"polluted": true}},`);
    expect(refusedWith(parsePackText(text), 'forbiddenKey')[0]).toBe(key);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, PackErrorCode, string]>([
    ['a missing title', { title: undefined }, 'fieldMissing', 'templates[0].title'],
    ['an empty title', { title: '' }, 'fieldMissing', 'templates[0].title'],
    ['a number body', { body: 42 }, 'fieldType', 'templates[0].body'],
    ['an unknown platform', { platforms: ['myspace'] }, 'fieldNotAllowed', 'templates[0].platforms[0]'],
    ['an unsupported language', { lang: 'pt' }, 'fieldNotAllowed', 'templates[0].lang'],
    ['a shortcut with spaces', { shortcut: 'hola que tal' }, 'fieldFormat', 'templates[0].shortcut'],
    ['an id with a slash', { id: 'a/b' }, 'fieldFormat', 'templates[0].id'],
    ['too many tags', { tags: Array.from({ length: 40 }, (_, i) => `t${i}`) }, 'fieldTooMany', 'templates[0].tags'],
  ])('refuses %s with the field path', (_label, patch, code, path) => {
    expect(refusedWith(parsePackValue(withTemplate(patch)), code)[0]).toBe(path);
  });

  it('refuses a bad updatedAt', () => {
    expect(refusedWith(parsePackValue({ ...base(), updatedAt: 'yesterday' }), 'fieldFormat')).toEqual(['updatedAt']);
  });
});

describe('pack CSV', () => {
  const meta = { id: 'hoja', name: 'Hoja', version: '1', updatedAt: '2026-11-22T10:00:00Z' };

  it('reads an Excel export: BOM, semicolons, quoted newlines and quoted separators', () => {
    const pack = ok(csvToPack(exampleCsv, meta));
    expect(pack.templates.map((t) => t.id)).toEqual(['gracias', 'dm', 'retraso', 'thanks']);
    expect(pack.templates[1]).toMatchObject({
      title: 'Pasar a privado',
      body: 'Hola {{firstName|}}, escríbenos por privado.\nTe respondemos enseguida.',
      tags: ['soporte', 'privacidad'],
      platforms: ['x', 'instagram'],
      lang: 'es',
    });
    expect(pack.templates[2]?.title).toBe('Disculpas; retraso');
    expect(pack.templates[3]?.lang).toBe('en');
  });

  it('reads a Sheets export: commas, CRLF, Spanish headers, no shortcut column', () => {
    const csv = 'Título,Texto,Etiquetas\r\n"Envío, retraso","Lo sentimos.\r\nYa lo miramos.","envíos;quejas"\r\nGracias,¡Gracias!,\r\n';
    const pack = ok(csvToPack(csv, meta));
    expect(pack.templates).toEqual([
      { id: 'envio-retraso', title: 'Envío, retraso', body: 'Lo sentimos.\nYa lo miramos.', shortcut: '', tags: ['envíos', 'quejas'], platforms: [], lang: 'es' },
      { id: 'gracias', title: 'Gracias', body: '¡Gracias!', shortcut: '', tags: [], platforms: [], lang: 'es' },
    ]);
  });

  it('reads Excel\'s plain CSV (Windows-1252) as well as UTF-8 with a BOM', () => {
    const ansi = Uint8Array.from([...'title;body\nDevoluci'].map((c) => c.charCodeAt(0)).concat([0xf3, 0x6e, 0x3b, 0xa1, 0x48, 0x6f, 0x6c, 0x61, 0x21, 0x0a]));
    expect(ok(csvToPack(decodeSpreadsheet(ansi), meta)).templates[0]).toMatchObject({ title: 'Devolución', body: '¡Hola!' });
    const utf8 = new TextEncoder().encode('\ufefftitle,body\nDevolución,¡Hola!\n');
    expect(decodeSpreadsheet(utf8).charCodeAt(0)).toBe(0xfeff);
    expect(ok(csvToPack(decodeSpreadsheet(utf8), meta)).templates[0]).toMatchObject({ title: 'Devolución', body: '¡Hola!' });
  });

  it('keeps derived ids unique and uses an id column when present', () => {
    expect(ok(csvToPack('title,body\nHola,a\nHola,b\n', meta)).templates.map((t) => t.id)).toEqual(['hola', 'hola-2']);
    expect(ok(csvToPack('id,title,body\nx1,Hola,a\n', meta)).templates[0]?.id).toBe('x1');
    refusedWith(csvToPack('id,title,body\nx1,Hola,a\nx1,Otra,b\n', meta), 'duplicateId');
  });

  it('says which columns are missing', () => {
    expect(refusedWith(csvToPack('shortcut,tags\ngracias,general\n', meta), 'csvMissingColumns')).toEqual(['title, body']);
    refusedWith(csvToPack('title,body\n', meta), 'csvEmpty');
    refusedWith(csvToPack('', meta), 'csvEmpty');
  });

  it('points at the spreadsheet row of a bad cell', () => {
    const result = csvToPack('title,body,platforms\nA,a,x\nB,<script>x</script>,\n', meta);
    refusedWith(result, 'htmlContent');
    expect(!result.ok && result.error.row).toBe(3);
    const platform = csvToPack('title,body,platforms\nA,a,x\nB,b,myspace\n', meta);
    refusedWith(platform, 'fieldNotAllowed');
    expect(!platform.ok && platform.error.row).toBe(3);
  });
});

describe('pack diff', () => {
  const v1 = ok(parsePackText(example));
  const installed = { version: v1.version, templates: v1.templates, guidelines: v1.guidelines };

  it('treats everything as added on first install', () => {
    const diff = diffPack(null, v1);
    expect(diff.added).toHaveLength(3);
    expect(diff).toMatchObject({ changed: [], removed: [], unchanged: 0, removesAll: false, fromVersion: null });
    expect(diff.guidelines).toEqual({ added: 2, changed: 0, removed: 0 });
  });

  it('lists added, changed (with fields) and removed items', () => {
    const next: Pack = {
      ...v1,
      version: '2026.11.23-1',
      templates: [
        { ...v1.templates[0]!, body: 'Nuevo texto', tags: ['general', 'nuevo'] },
        v1.templates[2]!,
        { id: 'nuevo', title: 'Nuevo', body: 'x', shortcut: 'nuevo', tags: [], platforms: [], lang: 'es' },
      ],
      guidelines: [{ ...v1.guidelines[0]!, body: 'Otra voz' }],
    };
    const diff = diffPack(installed, next);
    expect(diff.added.map((t) => t.id)).toEqual(['nuevo']);
    expect(diff.changed.map((c) => [c.after.id, c.fields])).toEqual([['gracias', ['body', 'tags']]]);
    expect(diff.removed.map((t) => t.id)).toEqual(['privado']);
    expect(diff.unchanged).toBe(1);
    expect(diff.guidelines).toEqual({ added: 0, changed: 1, removed: 1 });
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('ignores shortcut case and accents, and reports an identical pack as empty', () => {
    const next = { ...v1, templates: v1.templates.map((t) => ({ ...t, shortcut: t.shortcut.toUpperCase() })) };
    const diff = diffPack(installed, next);
    expect(diff.changed).toEqual([]);
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('flags a version that removes every reply', () => {
    expect(diffPack(installed, { ...v1, templates: [] }).removesAll).toBe(true);
    expect(diffPack(null, { ...v1, templates: [] }).removesAll).toBe(false);
  });
});

describe('pack export helpers', () => {
  it('bumps date versions per day and numeric versions by one', () => {
    const now = new Date('2026-11-22T23:30:00Z');
    expect(bumpVersion(null, now)).toBe('2026.11.22-1');
    expect(bumpVersion('2026.11.22-1', now)).toBe('2026.11.22-2');
    expect(bumpVersion('2026.11.21-7', now)).toBe('2026.11.22-1');
    expect(bumpVersion('1.4.9', now)).toBe('1.4.10');
    expect(bumpVersion('v7-beta', now)).toBe('v8-beta');
    expect(bumpVersion('final', now)).toBe('final-1');
  });

  it('builds a pack sorted by id that validates', () => {
    const pack = buildPack({
      id: 'mine',
      name: 'Mine',
      version: '1',
      updatedAt: '2026-11-22T10:00:00.000Z',
      templates: [
        { id: 'b', title: 'B', body: 'b', shortcut: 'b', tags: [], platforms: [], lang: 'en' },
        { id: 'a', title: 'A', body: 'a', shortcut: 'a', tags: ['t'], platforms: ['x'], lang: 'es' },
      ],
    });
    expect(pack.templates.map((t) => t.id)).toEqual(['a', 'b']);
    expect(ok(parsePackText(serializePack(pack)))).toEqual(pack);
  });
});

describe('pack URLs', () => {
  it('accepts HTTPS on a public host, and gives the one origin to ask for', () => {
    expect(ok(parsePackUrl(' https://intranet.acme.com/packs/acme.json#x '))).toEqual({
      url: 'https://intranet.acme.com/packs/acme.json',
      origin: 'https://intranet.acme.com',
      permission: 'https://intranet.acme.com/*',
    });
    // Without the port: Firefox match patterns with a port never match (see url.ts).
    expect(ok(parsePackUrl('https://intranet.acme.com:8443/p.json')).permission).toBe('https://intranet.acme.com/*');
  });

  it.each(['http://acme.com/p.json', 'http://127.0.0.1:8080/p.json', 'ftp://acme.com/p.json', 'https://user:pw@acme.com/p.json', 'not a url', 'javascript:alert(1)'])(
    'refuses %s',
    (url) => {
      refusedWith(parsePackUrl(url), 'badUrl');
    },
  );
});

describe('pack JSON Schema (docs/tono-pack.schema.json) agrees with the validator', () => {
  interface Node {
    maxLength?: number;
    maxItems?: number;
    pattern?: string;
    const?: unknown;
    enum?: unknown[];
    properties?: Record<string, Node>;
    items?: Node;
    $defs?: Record<string, Node>;
  }
  const schema = JSON.parse(readFileSync(new URL('../../docs/tono-pack.schema.json', import.meta.url), 'utf8')) as Node;
  const props = schema.properties!;
  const template = props.templates!.items!.properties!;

  it('documents the same limits', () => {
    expect(props.templates?.maxItems).toBe(PACK_LIMITS.maxTemplates);
    expect(props.guidelines?.maxItems).toBe(PACK_LIMITS.maxGuidelines);
    expect(props.rules?.maxItems).toBe(PACK_LIMITS.maxRules);
    expect(template.body?.maxLength).toBe(PACK_LIMITS.maxBodyLength);
    expect(template.title?.maxLength).toBe(PACK_LIMITS.maxTitleLength);
    expect(template.shortcut?.maxLength).toBe(PACK_LIMITS.maxShortcutLength);
    expect(template.tags?.maxItems).toBe(PACK_LIMITS.maxTags);
    expect(props.guidelines?.items?.properties?.body?.maxLength).toBe(PACK_LIMITS.maxGuidelineBodyLength);
    expect(schema.$defs?.id?.maxLength).toBe(PACK_LIMITS.maxIdLength);
    expect(props.formatVersion?.const).toBe(1);
  });

  it('documents the same platforms and languages', async () => {
    const { PLATFORMS } = await import('../../src/shared/domain/platform');
    expect(template.platforms?.items?.enum).toEqual([...PLATFORMS]);
    expect(template.lang?.enum).toEqual(['es', 'en']);
  });

  it('uses patterns the validator agrees with', () => {
    const idPattern = new RegExp(schema.$defs!.id!.pattern!);
    expect(idPattern.test('acme-support.v2_x')).toBe(true);
    expect(idPattern.test('-bad')).toBe(false);
    const shortcut = new RegExp(template.shortcut!.pattern!, 'u');
    for (const value of ['gracias', ';dm', '/devolución', 'a.b:c!']) {
      expect(shortcut.test(value)).toBe(true);
      expect(parsePackValue(withTemplate({ shortcut: value })).ok, value).toBe(true);
    }
    expect(shortcut.test('two words')).toBe(false);
  });
});
