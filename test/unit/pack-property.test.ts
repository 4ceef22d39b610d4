import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PacksRepo } from '../../src/shared/db/repos/packs';
import { PLATFORMS } from '../../src/shared/domain/platform';
import { parsePackText, serializePack, type PackErrorCode } from '../../src/shared/domain/pack';
import { closeDatabases, freshDatabase, makePack, snapshot } from './pack-helpers';

afterAll(closeDatabases);

const CODES: PackErrorCode[] = [
  'tooLarge', 'notJson', 'tooDeep', 'forbiddenKey', 'notPack', 'newerFormat', 'fieldMissing', 'fieldType', 'fieldTooLong',
  'fieldTooMany', 'fieldNotAllowed', 'fieldFormat', 'duplicateId', 'duplicateShortcut', 'htmlContent', 'controlChars',
  'removesAll', 'idConflict',
];

// Plain text without markup: letters, accents, emoji, punctuation, newlines, and "<" only before a digit.
const CHARS = [...'abcxyz ABC áéíóúñÑ¡!¿?.,;:{}|()"\'\\/-_\n\t0123456789', '😀', '<3', '{{firstName|}}'];
const plain = (min: number, max: number) => fc.array(fc.constantFrom(...CHARS), { minLength: min, maxLength: max }).map((parts) => parts.join(''));
const nonBlank = (max: number) => plain(1, max).filter((s) => s.length <= max);
const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/);
const unknownValue = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }));
const unknownFields = fc.dictionary(fc.stringMatching(/^x_[a-z]{1,8}$/), unknownValue, { maxKeys: 2 });

const templateArb = fc
  .record({
    id,
    title: nonBlank(40),
    body: plain(0, 120),
    shortcut: fc.stringMatching(/^[a-z0-9_;/.:!-]{0,10}$/),
    tags: fc.array(nonBlank(12), { maxLength: 4 }),
    platforms: fc.subarray([...PLATFORMS]),
    lang: fc.constantFrom('es' as const, 'en' as const),
  })
  .chain((template) => unknownFields.map((extra) => ({ ...extra, ...template })));

const packArb = fc
  .record({
    id,
    name: nonBlank(40),
    version: fc.stringMatching(/^[0-9][0-9.a-z-]{0,12}$/),
    updatedAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    guidelines: fc.uniqueArray(fc.record({ id, title: nonBlank(30), body: plain(0, 200) }), { selector: (g) => g.id, maxLength: 3 }),
    rules: fc.uniqueArray(fc.record({ id, kind: fc.constantFrom('avoid', 'prefer'), terms: fc.array(nonBlank(10), { maxLength: 3 }) }), {
      selector: (r) => r.id,
      maxLength: 3,
    }),
    templates: fc.uniqueArray(templateArb, { selector: (t) => t.id, maxLength: 12 }).map((templates) => {
      // Shortcuts must be unique within a pack: blank out repeats.
      const seen = new Set<string>();
      return templates.map((t) => {
        if (!t.shortcut || !seen.has(t.shortcut)) {
          seen.add(t.shortcut);
          return t;
        }
        return { ...t, shortcut: '' };
      });
    }),
  })
  .chain((pack) => unknownFields.map((extra) => ({ ...extra, format: 'tono-pack', formatVersion: 1, ...pack })));

type Json = Record<string, unknown>;
/** The documented fields only: what a round trip must preserve. */
function known(pack: Json): Json {
  const pick = (o: Json, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
  return {
    ...pick(pack, ['format', 'formatVersion', 'id', 'name', 'version', 'updatedAt']),
    guidelines: (pack.guidelines as Json[]).map((g) => pick(g, ['id', 'title', 'body'])),
    rules: pack.rules,
    templates: (pack.templates as Json[]).map((t) => pick(t, ['id', 'title', 'body', 'shortcut', 'tags', 'platforms', 'lang'])),
  };
}

/** One hostile change to an otherwise valid pack, applied to its JSON text or value. */
const mutation: fc.Arbitrary<(pack: Json) => string> = fc.oneof(
  fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:void(0)', '\u0000').map((evil) => (pack: Json) => {
    const templates = pack.templates as Json[];
    if (templates[0]) templates[0].body = `${String(templates[0].body)}${evil}`;
    else pack.name = evil;
    return JSON.stringify(pack);
  }),
  fc.constantFrom('__proto__', 'prototype').map((key) => (pack: Json) => JSON.stringify(pack).replace(/^\{/, `{"${key}": {"polluted": true},`)),
  fc.integer({ min: 17, max: 5_000 }).map((depth) => (pack: Json) => JSON.stringify({ ...pack, junk: 0 }).replace('"junk":0', `"junk":${'['.repeat(depth)}${']'.repeat(depth)}`)),
  fc.constant((pack: Json) => {
    const templates = pack.templates as Json[];
    if (templates[0]) templates.push({ ...templates[0], shortcut: '' });
    else pack.templates = [{ id: 'a', title: 'A', body: '' }, { id: 'a', title: 'B', body: '' }];
    return JSON.stringify(pack);
  }),
  fc.constant((pack: Json) => JSON.stringify({ ...pack, templates: [{ id: 'big', title: 'Big', body: 'x'.repeat(20_001) }] })),
  fc.integer({ min: -5, max: 50 }).map((version) => (pack: Json) => JSON.stringify({ ...pack, formatVersion: version })),
  fc.constantFrom('id', 'name', 'version', 'updatedAt', 'format').map((key) => (pack: Json) => JSON.stringify({ ...pack, [key]: undefined })),
  fc.tuple(fc.constantFrom('title', 'body', 'shortcut', 'tags', 'platforms', 'lang', 'id'), fc.anything()).map(([field, value]) => (pack: Json) => {
    const templates = pack.templates as Json[];
    if (templates[0]) templates[0][field] = value;
    return JSON.stringify(pack);
  }),
  fc.jsonValue().map((junk) => () => JSON.stringify(junk)),
  fc.nat().map((cut) => (pack: Json) => {
    const text = JSON.stringify(pack);
    return text.slice(0, cut % Math.max(1, text.length));
  }),
);

describe('pack parser properties (fast-check)', () => {
  it('accepts every valid pack and round-trips it modulo unknown fields', () => {
    fc.assert(
      fc.property(packArb, (pack) => {
        const parsed = parsePackText(JSON.stringify(pack));
        if (!parsed.ok) throw new Error(`refused a valid pack: ${parsed.error.code} ${parsed.error.params.join(' ')}`);
        expect(JSON.parse(serializePack(parsed.value))).toEqual(known(pack));
        const again = parsePackText(serializePack(parsed.value));
        expect(again.ok && again.value).toEqual(parsed.value);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON or text: accepted, or refused with a known code and string params', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.string(), packArb.chain((p) => mutation.map((m) => m(p)))), (text) => {
        const result = parsePackText(text);
        if (result.ok) {
          expect(parsePackText(serializePack(result.value))).toEqual(result);
        } else {
          expect(CODES).toContain(result.error.code);
          for (const param of result.error.params) expect(typeof param).toBe('string');
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('leaves the database exactly as it was after any refusal (parse or apply)', async () => {
    const db = freshDatabase();
    const repo = new PacksRepo(db);
    await repo.apply(makePack({ id: 'team' }), { sourceUrl: null, now: 1 });
    await repo.subscribe('https://a.example/p.json', 1);
    await repo.apply(makePack({ id: 'synced' }), { sourceUrl: 'https://a.example/p.json', now: 1 });
    await fc.assert(
      fc.asyncProperty(
        packArb.chain((p) => fc.record({ pack: fc.constant(p), mutate: fc.option(mutation), id: fc.constantFrom('team', 'synced', p.id), empty: fc.boolean() })),
        async ({ pack, mutate, id, empty }) => {
          const value: Json = { ...pack, id, templates: empty ? [] : pack.templates };
          const text = mutate ? mutate(value) : JSON.stringify(value);
          const before = await snapshot(db);
          const parsed = parsePackText(text);
          const result = parsed.ok ? await repo.apply(parsed.value, { sourceUrl: null, now: 2 }) : parsed;
          if (!result.ok) {
            expect(CODES).toContain(result.error.code);
            expect(await snapshot(db)).toEqual(before);
          } else if (parsed.ok) {
            // Accepted: what is installed is exactly the pack (and nothing else under its id).
            expect((await repo.items(parsed.value.id)).map((t) => t.packItemId).sort()).toEqual(parsed.value.templates.map((t) => t.id).sort());
            if (parsed.value.id !== 'team' && parsed.value.id !== 'synced') await repo.remove(parsed.value.id);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
