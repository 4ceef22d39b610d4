import { describe, expect, it } from 'vitest';
import { draftFromRule, emptyDraft, ruleFromDraft, RULE_KINDS, badSwapLines } from '../../src/options/guide/rule-draft';
import { buildPack, parsePackValue, serializePack, parsePackText } from '../../src/shared/domain/pack';
import { checkDraft } from '../../src/shared/domain/tone/check';
import { gatherToneGuide } from '../../src/shared/domain/tone/gather';
import { ruleProblem } from '../../src/shared/domain/tone/personal-guide';

/** A filled-in form for each rule kind, as a user would write it. */
function filled(kind: (typeof RULE_KINDS)[number]) {
  const draft = { ...emptyDraft(kind, `${kind}-1`), messageEs: 'Mensaje $match', messageEn: 'Message $match' };
  if (kind === 'avoid') draft.terms = 'no es posible\n\ncalm down\n';
  if (kind === 'prefer') draft.swap = 'problema -> incidencia\nuser → customer';
  if (kind === 'length') draft.max = { x: '200', default: '1000', tiktok: '' };
  if (kind === 'require') Object.assign(draft, { element: 'signoff', patterns: 'un saludo\nsaludos', where: 'end' });
  if (kind === 'shouting') Object.assign(draft, { upperPercent: '50', exclamations: '2' });
  if (kind === 'emoji') Object.assign(draft, { emojiMax: '1', allowed: '🙂 👍' });
  if (kind === 'formality') draft.expect = 'usted';
  return draft;
}

describe('rule form ↔ stored rule', () => {
  it.each(RULE_KINDS)('%s: a filled form gives a rule the engine accepts, and reads back the same', (kind) => {
    const rule = ruleFromDraft(filled(kind));
    expect(ruleProblem(rule, [])).toBeNull();
    expect(ruleFromDraft(draftFromRule(rule))).toEqual(rule);
  });

  it('turns the form’s lines into the engine’s fields', () => {
    expect(ruleFromDraft(filled('prefer')).swap).toEqual({ problema: 'incidencia', user: 'customer' });
    expect(ruleFromDraft(filled('avoid')).terms).toEqual(['no es posible', 'calm down']);
    expect(ruleFromDraft(filled('length')).max).toEqual({ x: 200, default: 1000 });
    expect(ruleFromDraft(filled('shouting')).maxUpperRatio).toBe(0.5);
  });

  it('names what is wrong with an unfinished form instead of saving a rule that cannot run', () => {
    expect(ruleProblem(ruleFromDraft({ ...filled('shouting'), exclamations: '' }), [])).toContain('maxExclamations');
    expect(ruleProblem(ruleFromDraft({ ...filled('length'), max: { x: '0' } }), [])).toContain('max.x');
    expect(ruleProblem(ruleFromDraft({ ...filled('avoid'), regex: true, terms: '[a-' }), [])).toMatch(/regular expression|character class/i);
    expect(badSwapLines('a -> b\nsolo una palabra\n\nc => d\nx -> y -> z')).toEqual([2, 5]);
  });
});

describe('publishing the personal guide as a pack', () => {
  it('round-trips through the pack format; members get the message in their language', () => {
    const rules = RULE_KINDS.map((kind) => ruleFromDraft(filled(kind)));
    const sections = [{ id: 's1', title: 'Voz', body: '**Cercanos**, siempre de tú.' }];
    const pack = buildPack({ id: 'acme', name: 'ACME', version: '1', updatedAt: '2026-12-01T00:00:00Z', templates: [], guidelines: sections, rules });
    const parsed = parsePackText(serializePack(pack));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.value.guidelines).toEqual(sections);
    expect(parsePackValue(parsed.value).ok).toBe(true);
    const source = { name: 'ACME', rules: parsed.value.rules };
    const en = gatherToneGuide('en', [source], null);
    const es = gatherToneGuide('es', [source], null);
    expect(en.errors).toEqual([]);
    const draft = 'Hello, the problema';
    expect(checkDraft(en.guide, draft).find((f) => f.ruleId === 'prefer-1')?.message).toBe('Message problema');
    expect(checkDraft(es.guide, draft).find((f) => f.ruleId === 'prefer-1')?.message).toBe('Mensaje problema');
  });

  it('refuses to publish markup in a section, naming the field (the pack format bans HTML)', () => {
    const sections = [{ id: 's1', title: 'Voz', body: 'Hola <script>alert(1)</script>' }];
    const pack = buildPack({ id: 'acme', name: 'ACME', version: '1', updatedAt: '2026-12-01T00:00:00Z', templates: [], guidelines: sections });
    expect(parsePackValue(pack)).toEqual({ ok: false, error: { code: 'htmlContent', params: ['guidelines[0].body'] } });
  });
});
