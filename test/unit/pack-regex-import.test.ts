// Issue 13 item 2, at the door: a pack whose regex rule could hang the tone check is refused on
// import (file or URL: both read through parsePackText), naming the rule; nothing is installed.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { PacksRepo } from '../../src/shared/db/repos/packs';
import { csvToPack, parsePackText, type PackResult } from '../../src/shared/domain/pack';
import { MAX_PACK_PATTERNS } from '../../src/shared/domain/tone/regex-rules';
import { closeDatabases, freshDatabase, snapshot } from './pack-helpers';

afterAll(closeDatabases);

const example = readFileSync(new URL('../../docs/examples/acme-support.json', import.meta.url), 'utf8');
const EVIL = '^(\\w+\\s?)+$';

/** The documented example pack with extra rules, as the JSON text a file or a URL would give. */
function packText(...rules: Record<string, unknown>[]): string {
  const pack = JSON.parse(example) as { rules: unknown[] };
  pack.rules.push(...rules);
  return JSON.stringify(pack);
}
const regexRule = (id: string, ...terms: string[]) => ({ id, kind: 'avoid', severity: 'error', message: 'Evita $match', regex: true, terms });

function refusal(result: PackResult<unknown>): { code: string; params: string[] } {
  expect(result.ok).toBe(false);
  return result.ok ? { code: '', params: [] } : result.error;
}

describe('pack import: regex rules that could hang the tone check', () => {
  it('refuses a pack carrying ^(\\w+\\s?)+$ and names the rule, the pattern and why', () => {
    const result = parsePackText(packText(regexRule('sin-saludo', '\\bhola\\b'), regexRule('bucle', EVIL)));
    expect(refusal(result)).toEqual({ code: 'unsafePattern', params: ['bucle', EVIL, 'nested'] });
  });

  it('refuses overlapping alternatives, adjacent repeats, back-references and quantified lookarounds too', () => {
    const cases: Array<[string, string]> = [
      ['(a|a)*$', 'overlap'],
      ['(\\w|\\d)+!', 'overlap'],
      ['\\w*\\w*!', 'adjacent'],
      ['(a)\\1', 'backreference'],
      ['(?=\\w+!)', 'lookaround'],
    ];
    for (const [pattern, risk] of cases) {
      expect(refusal(parsePackText(packText(regexRule('mala', pattern)))).params, pattern).toEqual(['mala', pattern, risk]);
    }
  });

  it('accepts the patterns people write', () => {
    const ordinary = regexRule('habituales', '\\bdevoluci[oó]n\\b', 'reembols(o|ar)', '\\d{4,}', '(?:hola|buenas)');
    const result = parsePackText(packText(ordinary));
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.rules.map((rule) => rule.id)).toEqual(['sin-jerga', 'habituales']);
  });

  it('refuses more pattern text than one pack may carry before checking each pattern', () => {
    const many = Array.from({ length: Math.ceil(MAX_PACK_PATTERNS / 400) + 1 }, (_, i) => `\\b${'x'.repeat(395)}${i}`);
    const error = refusal(parsePackText(packText(regexRule('muchas', ...many))));
    expect(error.code).toBe('unsafePattern');
    expect(error.params[0]).toBe('muchas');
    expect(error.params[2]).toBe('tooMuch');
  });

  it('installs nothing when the refused pack is what the member tried to apply', async () => {
    const db = freshDatabase();
    const before = await snapshot(db);
    const result = parsePackText(packText(regexRule('bucle', EVIL)));
    // The options page and the sync both apply only what parsed; here nothing did.
    if (result.ok) await new PacksRepo(db).apply(result.value, { sourceUrl: null });
    expect(await snapshot(db)).toEqual(before);
  });

  it('cannot receive regex rules from a CSV: a spreadsheet carries replies only', () => {
    const csv = `title;shortcut;body;regex;rules\nAgradecer;gracias;Gracias;${EVIL};${EVIL}\n`;
    const result = csvToPack(csv, { id: 'hoja', name: 'Hoja', version: '1', updatedAt: '2026-11-22T10:00:00Z' });
    expect(result.ok && result.value.rules).toEqual([]);
  });
});
