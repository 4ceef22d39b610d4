// The regex-safety check is the attack surface of issue 13 item 2: a pack's pattern runs in the
// worker. Evil patterns are generated, not only listed; ordinary ones people write stay accepted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atomSet, intersects } from '../../src/shared/domain/tone/char-sets';
import { REGEX_RISKS, regexRisk } from '../../src/shared/domain/tone/regex-safety';

const ORDINARY = [
  '\\bdevoluci[oó]n\\b',
  'reembols(o|ar)',
  '\\d{4,}',
  '(?:hola|buenas)',
  'https?://\\S+',
  'colou?r',
  '\\b\\d{3}[-.\\s]?\\d{3}[-.\\s]?\\d{4}\\b',
  '\\b(?:lo\\s+siento|perd[oó]n)\\b',
  '\\bno\\s+(?:podemos|es\\s+posible)\\b',
  '[A-Z]{5,}',
  '!{2,}',
  '[¡!]{2,}',
  '\\s{2,}',
  '\\b[\\w.+-]+@[\\w-]+\\.[\\w.]+\\b',
  '(?:\\+34)?\\s?\\d{9}',
  'gracias.*saludos',
  '\\b(?:tu|tú|te|ti)\\b',
  '\\p{Extended_Pictographic}{3,}',
  '\\d+(?:[.,]\\d{2})?\\s*€',
  '\\p{L}+\\s\\p{L}+',
  '(?<![\\p{L}\\p{N}])ok(?![\\p{L}\\p{N}])',
  '(?:\\d{3}-)+\\d',
  '\\bpedido\\s*#?\\d+',
  '\\d+ ?€',
  '\\b(?:reembolso|reclamo)s?\\b',
  '(?:ab|ac)+',
];

const EVIL: Array<[string, string]> = [
  ['^(\\w+\\s?)+$', 'nested'],
  ['(a+)+$', 'nested'],
  ['(a*)*b', 'nested'],
  ['(.*a){12}', 'nested'],
  ['(?:a+){2}', 'nested'],
  ['(x+x+)+y', 'nested'],
  ['(a|a)*$', 'overlap'],
  ['(\\w|\\d)+$', 'overlap'],
  ['(a|aa)+$', 'overlap'],
  ['(a|)+b', 'overlap'],
  ['(?:\\b)+', 'emptyRepeat'],
  ['\\w*\\w*$', 'adjacent'],
  ['a{1,30}a{1,30}b', 'adjacent'],
  ['a?a?a?a?a?aaaaa', 'adjacent'],
  ['\\s*-?\\s*x', 'adjacent'],
  ['.*a.*b', 'adjacent'],
  ['(?:a|a)(?:a|a)(?:a|a)b', 'adjacent'],
  ['\\w+a{100}b', 'longOverlap'],
  [`\\w+${'a'.repeat(100)}b`, 'longOverlap'],
  ['(?=(a+))', 'lookaround'],
  ['(?<=\\w+)x', 'lookaround'],
  ['(?=(?:a|a)(?:a|a)b)', 'lookaround'],
  ['(a)\\1', 'backreference'],
  ['(?<n>a)\\k<n>', 'backreference'],
  ['a{2000}', 'count'],
  ['x'.repeat(501), 'tooLong'],
];

describe('regex safety: the safe subset', () => {
  it.each(ORDINARY)('accepts the ordinary pattern %s', (pattern) => {
    expect(regexRisk(pattern)).toBeNull();
  });

  it.each(EVIL)('refuses %s as %s', (pattern, risk) => {
    expect(regexRisk(pattern)).toBe(risk);
  });

  it('leaves patterns the engine rejects to the compiler', () => {
    expect(regexRisk('(sin cerrar')).toBeNull();
    expect(regexRisk('[a-')).toBeNull();
  });
});

/** Atoms a pattern can be built from, including classes that overlap each other. */
const atom = fc.constantFrom('a', 'b', 'x', '\\w', '\\d', '\\s', '.', '[ab]', '[a-z]', '\\p{L}', '[^x]', '\\S', 'k', '[oó]');
const greedy = fc.constantFrom('+', '*', '{1,}', '{2,}', '{1,9}', '{0,40}');
const anyQuantifier = fc.constantFrom('+', '*', '?', '{1,}', '{0,2}', '{1,40}', '+?', '*?');

describe('regex safety: generated evil patterns are all refused', () => {
  it('a repeated group that contains a variable repetition (star height 2)', () => {
    fc.assert(
      fc.property(atom, atom, anyQuantifier, greedy, fc.boolean(), (a, b, inner, outer, capture) => {
        const group = `(${capture ? '' : '?:'}${a}${inner}${b})${outer}`;
        expect(regexRisk(group)).toBe('nested');
        expect(regexRisk(`^${group}$`)).toBe('nested');
      }),
    );
  });

  it('a repeated group whose alternatives can both match (one a prefix of the other)', () => {
    fc.assert(
      fc.property(atom, fc.array(atom, { maxLength: 3 }), fc.array(atom, { maxLength: 3 }), greedy, (shared, left, right, outer) => {
        const pattern = `(?:${shared}${left.join('')}|${shared}${left.join('')}${right.join('')})${outer}`;
        expect(['overlap', 'nested']).toContain(regexRisk(pattern));
      }),
    );
  });

  it('two variable repetitions of one class side by side, with only optional parts between', () => {
    fc.assert(
      fc.property(atom, anyQuantifier, greedy, fc.array(fc.tuple(atom, fc.constantFrom('?', '*')), { maxLength: 3 }), (a, first, second, between) => {
        const middle = between.map(([x, q]) => x + q).join('');
        expect(['adjacent', 'longOverlap']).toContain(regexRisk(`${a}${first}${middle}${a}${second}!`));
      }),
    );
  });

  it('back-references and repetitions inside lookarounds, wherever they are', () => {
    fc.assert(
      fc.property(atom, greedy, fc.constantFrom('(?=', '(?!', '(?<=', '(?<!'), fc.string({ maxLength: 5 }).map((s) => s.replace(/[^a-z]/g, '')), (a, q, look, text) => {
        expect(regexRisk(`${text}${look}${a}${q})`)).toBe('lookaround');
        expect(regexRisk(`(${a})${text}\\1`)).toBe('backreference');
      }),
    );
  });

  it('never throws and answers a known risk or null, for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: fc.constantFrom(...'ab\\wds.*+?()[]{}|^$-,0123:=!<>kp'.split('')) }), (source) => {
        const risk = regexRisk(source);
        expect(risk === null || (REGEX_RISKS as readonly string[]).includes(risk)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('regex safety: ordinary patterns stay accepted', () => {
  const word = fc.stringMatching(/^[a-záéíóúñ]{2,10}$/);
  it('a word list with accents folded into classes, optional endings and word edges', () => {
    // No word may be the start of another (with `s?` both could match): people write the stem once.
    const plain = (w: string) => w.replace(/ó/g, 'o').replace(/á/g, 'a');
    const words = fc
      .uniqueArray(word, { minLength: 1, maxLength: 6, selector: plain })
      .filter((list) => !list.some((a, i) => list.some((b, j) => i !== j && plain(b).startsWith(plain(a)))));
    fc.assert(
      fc.property(words, fc.boolean(), (words, plural) => {
        const alternatives = words.map((w) => w.replace(/[oó]/g, '[oó]').replace(/[aá]/g, '[aá]'));
        const pattern = `\\b(?:${alternatives.join('|')})${plural ? 's?' : ''}\\b`;
        expect(regexRisk(pattern)).toBeNull();
      }),
    );
  });

  it('numbers, amounts and phrases with flexible spaces', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 1, max: 12 }), (a, b, digits) => {
        expect(regexRisk(`\\b${a}\\s+${b}\\b`)).toBeNull();
        expect(regexRisk(`\\d{${digits},}`)).toBeNull();
        expect(regexRisk(`${a}\\s*\\d+(?:[.,]\\d{2})?\\s?€`)).toBeNull();
      }),
    );
  });
});

describe('character sets the check compares', () => {
  // Sound means: when the check says two atoms never match the same character, no character
  // matches both. Checked against the engine over the whole BMP and a sample of astral planes.
  const ATOMS = ['a', 'k', 'K', 's', 'ſ', '\\u212A', 'é', 'É', 'µ', 'ß', '\\w', '\\W', '\\d', '\\s', '\\S', '.', '[a-z]', '[^a-z]', '\\p{L}', '\\p{Lu}', '[oó]', '[\\u00e0-\\u00ff]', '\\p{Extended_Pictographic}', '😀', '[0-9_]', '-'];
  const points: number[] = [];
  for (let cp = 0; cp <= 0xffff; cp++) if (cp < 0xd800 || cp > 0xdfff) points.push(cp);
  for (let cp = 0x10000; cp <= 0x10ffff; cp += 37) points.push(cp);
  points.push(0x1f600, 0x10400, 0x10428, 0x1d400);
  const members = new Map(
    ATOMS.map((source) => {
      const regex = new RegExp(`^(?:${source})$`, 'iu');
      return [source, new Set(points.filter((cp) => regex.test(String.fromCodePoint(cp))))] as const;
    }),
  );

  it('never calls two atoms disjoint when a character matches both', () => {
    const wrong: string[] = [];
    for (const a of ATOMS) {
      for (const b of ATOMS) {
        if (intersects(atomSet(a), atomSet(b))) continue;
        const shared = [...members.get(a)!].find((cp) => members.get(b)!.has(cp));
        if (shared !== undefined) wrong.push(`${a} & ${b}: U+${shared.toString(16)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('tells apart what rules need told apart', () => {
    const disjoint = (a: string, b: string) => !intersects(atomSet(a), atomSet(b));
    expect(disjoint('\\w', '\\s')).toBe(true);
    expect(disjoint('\\p{L}', '\\s')).toBe(true);
    expect(disjoint('\\d', '[.,]')).toBe(true);
    expect(disjoint('[oó]', 'a')).toBe(true);
    expect(disjoint('k', '\\u212A')).toBe(false);
    expect(disjoint('\\w', 'ſ')).toBe(false);
  });
});
