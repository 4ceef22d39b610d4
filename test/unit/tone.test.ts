import { describe, expect, it } from 'vitest';
import { applyFix, checkDraft } from '../../src/shared/domain/tone/check';
import { compileGuide } from '../../src/shared/domain/tone/compile';
import type { ToneRule } from '../../src/shared/domain/tone/types';

const check = (rules: ToneRule[], draft: string, context = {}) => checkDraft(compileGuide(rules), draft, context);

const avoid: ToneRule = {
  id: 'no-problema',
  kind: 'avoid',
  severity: 'warning',
  message: 'Evita «$match»: habla de la solución.',
  terms: ['problema', 'no es posible', 'imposible'],
};
const prefer: ToneRule = {
  id: 'cliente',
  kind: 'prefer',
  severity: 'suggestion',
  message: 'Usa el término de la marca en lugar de «$match».',
  swap: { usuario: 'cliente', incidencia: 'caso' },
};

describe('avoid and prefer rules', () => {
  it('finds terms regardless of accents and case, with offsets into the draft as written', () => {
    const draft = 'Lamentamos la situación: el PROBLÉMA ya está resuelto.';
    const [finding] = check([avoid], draft);
    expect(finding).toMatchObject({ ruleId: 'no-problema', severity: 'warning' });
    expect(draft.slice(finding!.start, finding!.end)).toBe('PROBLÉMA');
    expect(finding!.message).toBe('Evita «PROBLÉMA»: habla de la solución.');
  });

  it('matches whole words only, also next to accented letters', () => {
    expect(check([avoid], 'Los problemas del problemático envío')).toEqual([]);
    expect(check([avoid], 'Sin problema.')).toHaveLength(1);
  });

  it('prefers the longest phrase', () => {
    const findings = check([{ ...avoid, terms: ['no', 'no es posible'] }], 'Eso no es posible hoy.');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ start: 4, end: 17 });
  });

  it('offers a one-click fix that keeps the capital letter', () => {
    const draft = 'Usuario, tu incidencia está abierta.';
    const findings = check([prefer], draft);
    expect(findings.map((f) => f.fix)).toEqual(['Cliente', 'caso']);
    expect(applyFix(draft, findings[1]!)).toBe('Usuario, tu caso está abierta.');
    expect(applyFix(draft, findings[0]!)).toBe('Cliente, tu incidencia está abierta.');
  });

  it('reports an invalid regex by rule id and keeps every other rule working', () => {
    const broken: ToneRule = { id: 'roto', kind: 'avoid', severity: 'error', message: 'x', terms: ['(sin cerrar'], regex: true };
    const guide = compileGuide([broken, avoid]);
    expect(guide.errors).toEqual([{ ruleId: 'roto', error: expect.stringMatching(/regular expression|Unterminated|group/i) }]);
    expect(checkDraft(guide, 'un problema')).toHaveLength(1);
  });

  it('applies regex rules to the draft', () => {
    const rule: ToneRule = { id: 'precio', kind: 'avoid', severity: 'error', message: 'No prometas importes: $match', terms: ['\\d+ ?€'], regex: true };
    const findings = check([rule], 'Te devolvemos 20 € hoy');
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'precio', start: 14, end: 18, message: 'No prometas importes: 20 €' })]);
  });

  it('treats HTML and script in the draft as plain text', () => {
    const draft = '<img src=x onerror=alert(1)> problema';
    const [finding] = check([avoid], draft);
    expect(draft.slice(finding!.start, finding!.end)).toBe('problema');
  });
});

describe('length, required elements, shouting, emoji', () => {
  const length: ToneRule = { id: 'largo', kind: 'length', severity: 'error', message: 'Demasiado largo ($match)', max: { x: 10, default: 50 } };

  it('checks length per platform with a default elsewhere', () => {
    expect(check([length], 'doce letras!', { platform: 'x' })).toHaveLength(1);
    expect(check([length], 'doce letras!', { platform: 'facebook' })).toEqual([]);
    expect(check([length], '🙂'.repeat(10), { platform: 'x' })).toEqual([]);
  });

  it('requires a greeting at the start, the name anywhere and a sign-off at the end', () => {
    const rules: ToneRule[] = [
      { id: 'saludo', kind: 'require', element: 'greeting', where: 'start', patterns: ['hola', 'buenos días'], severity: 'warning', message: 'Saluda' },
      { id: 'nombre', kind: 'require', element: 'name', severity: 'suggestion', message: 'Usa su nombre' },
      { id: 'firma', kind: 'require', element: 'signoff', where: 'end', patterns: ['un saludo', 'el equipo'], severity: 'suggestion', message: 'Firma' },
    ];
    expect(check(rules, '¡Hola, Ana! Ya está.\nUn saludo', { firstName: 'Ana' })).toEqual([]);
    const missing = check(rules, 'Ya está.\nGracias', { firstName: 'Ana' });
    expect(missing.map((f) => f.ruleId).sort()).toEqual(['firma', 'nombre', 'saludo']);
    expect(check(rules.slice(1, 2), 'Ya está.', {})).toEqual([]);
  });

  it('treats require patterns as text, not regex', () => {
    const rule: ToneRule = { id: 'r', kind: 'require', element: 'custom', patterns: ['(c)'], severity: 'warning', message: 'x' };
    expect(check([rule], 'marca (c) 2026')).toEqual([]);
  });

  it('flags shouting by capitals or exclamation marks, not short acronyms', () => {
    const rule: ToneRule = { id: 'gritos', kind: 'shouting', severity: 'warning', message: 'No grites', maxUpperRatio: 0.5, maxExclamations: 2 };
    expect(check([rule], 'ESTO ES INACEPTABLE, LO SENTIMOS')).toHaveLength(1);
    expect(check([rule], 'Gracias!!!')).toHaveLength(1);
    expect(check([rule], 'Revisa tu DNI y el IBAN, por favor.')).toEqual([]);
  });

  it('enforces the emoji policy', () => {
    const none: ToneRule = { id: 'emoji', kind: 'emoji', severity: 'warning', message: 'Sin emoji: $match', max: 0 };
    expect(check([none], 'Gracias 🙏 de verdad 😊').map((f) => f.message)).toEqual(['Sin emoji: 🙏', 'Sin emoji: 😊']);
    const some: ToneRule = { id: 'emoji', kind: 'emoji', severity: 'warning', message: '$match', max: 2, allowed: ['🙂'] };
    expect(check([some], 'Hola 🙂 🔥').map((f) => f.message)).toEqual(['🔥']);
  });
});

describe('tú / usted consistency', () => {
  it('flags the other form when the guide expects usted', () => {
    const rule: ToneRule = { id: 'usted', kind: 'formality', expect: 'usted', severity: 'warning', message: 'Trata de usted: «$match»' };
    const draft = 'Disculpe las molestias. Escríbenos y te ayudamos.';
    expect(check([rule], draft).map((f) => draft.slice(f.start, f.end))).toEqual(['Escríbenos', 'te']);
  });

  it('flags the minority form when a draft mixes both', () => {
    const rule: ToneRule = { id: 'mezcla', kind: 'formality', severity: 'suggestion', message: '$match' };
    const draft = 'Si tú quieres, escríbenos; usted puede llamarnos.';
    expect(check([rule], draft).map((f) => f.message)).toEqual(['usted']);
    expect(check([rule], 'Si quieres, escríbenos cuando puedas.')).toEqual([]);
  });
});

describe('tone rules from a team pack', () => {
  it('keeps the valid rules and names each invalid one with the reason', async () => {
    const { toneRulesFrom } = await import('../../src/shared/domain/tone/schema');
    const { rules, errors } = toneRulesFrom([
      { id: 'ok', kind: 'avoid', severity: 'warning', message: 'x', terms: ['problema'] },
      { id: 'sin-tipo', severity: 'warning', message: 'x' },
      { id: 'ratio', kind: 'shouting', severity: 'warning', message: 'x', maxUpperRatio: 3, maxExclamations: 1 },
      { id: '<script>', kind: 'emoji', severity: 'loud', message: 'x', max: 1 },
    ]);
    expect(rules.map((r) => r.id)).toEqual(['ok']);
    expect(errors.map((e) => e.ruleId)).toEqual(['sin-tipo', 'ratio', '<script>']);
    expect(errors[1]!.error).toMatch(/maxUpperRatio/);
  });

  it('ships a starter guide in both languages that compiles cleanly', async () => {
    const { starterToneRules } = await import('../../src/shared/domain/tone/starter-guide');
    for (const lang of ['es', 'en'] as const) {
      const guide = compileGuide(starterToneRules(lang));
      expect(guide.errors).toEqual([]);
    }
    const es = compileGuide(starterToneRules('es'));
    expect(checkDraft(es, 'No es nuestra culpa, Ana.', { firstName: 'Ana' }).map((f) => f.ruleId)).toEqual(['starter-no-excuses']);
  });
});
