import { beforeEach, describe, expect, it } from 'vitest';
import { TonoDatabase } from '../../src/shared/db/database';
import { PacksRepo } from '../../src/shared/db/repos/packs';
import { PersonalGuideRepo } from '../../src/shared/db/repos/personal-guide';
import { loadToneGuide } from '../../src/shared/db/repos/tone-guide';
import { crisisDetector } from '../../src/shared/domain/crisis';
import { checkDraft } from '../../src/shared/domain/tone/check';
import { crisisSignals, gatherToneGuide } from '../../src/shared/domain/tone/gather';
import { GUIDE_LIMITS, ruleProblem, type StoredRule } from '../../src/shared/domain/tone/personal-guide';
import { makePack } from './pack-helpers';
import { useTestDatabase } from './test-db';

const database = useTestDatabase('guide-test');
let db: TonoDatabase;
let repo: PersonalGuideRepo;

beforeEach(async () => {
  db = database();
  repo = new PersonalGuideRepo(db);
});

const prefer: StoredRule = {
  id: 'mi-cliente',
  kind: 'prefer',
  severity: 'warning',
  messages: { es: 'Di «cliente», no «$match».', en: 'Say “customer”, not “$match”.' },
  swap: { usuario: 'cliente', user: 'customer' },
};
const badRegex: StoredRule = { id: 'roto', kind: 'avoid', severity: 'error', message: 'x', terms: ['(sin cerrar'], regex: true };

describe('personal guide repository', () => {
  it('starts empty and stores sections, rules and signals as given', async () => {
    expect(await repo.get()).toEqual({ sections: [], rules: [], crisisSignals: [], updatedAt: 0 });
    const section = { id: 's1', title: 'Voz', body: 'Cercanos, **siempre** de tú.' };
    const saved = await repo.save({ sections: [section], rules: [prefer], crisisSignals: ['quemado'] }, 0, 1_000);
    expect(saved.ok).toBe(true);
    const stored = await repo.get();
    expect(stored).toEqual({ sections: [section], rules: [prefer], crisisSignals: ['quemado'], updatedAt: 1_000 });
  });

  it('refuses a save based on an older version (another window saved meanwhile), keeping the stored one', async () => {
    await repo.save({ sections: [], rules: [prefer], crisisSignals: [] }, 0, 1_000);
    const late = await repo.save({ sections: [], rules: [], crisisSignals: ['otra'] }, 0, 2_000);
    expect(late).toEqual({ ok: false, reason: 'conflict' });
    expect((await repo.get()).rules).toEqual([prefer]);
    // Saving again, based on what is stored now, works.
    expect((await repo.save({ sections: [], rules: [], crisisSignals: ['otra'] }, 1_000, 2_000)).ok).toBe(true);
  });

  it('keeps HTML and script in guidelines and messages as plain text', async () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(1)</script>';
    const rule = { ...prefer, messages: { es: hostile, en: hostile } };
    await repo.save({ sections: [{ id: 's', title: hostile, body: hostile }], rules: [rule], crisisSignals: [hostile] }, 0, 5);
    const stored = await repo.get();
    expect(stored.sections[0]).toEqual({ id: 's', title: hostile, body: hostile });
    const { guide } = gatherToneGuide('es', [], { name: 'mine', rules: stored.rules });
    expect(checkDraft(guide, 'Hola usuario').find((f) => f.ruleId === 'mi-cliente')?.message).toBe(hostile);
  });

  it('refuses huge text and too many items, naming the field, and stores nothing', async () => {
    const huge = 'x'.repeat(GUIDE_LIMITS.body + 1);
    const body = await repo.save({ sections: [{ id: 's', title: 't', body: huge }], rules: [], crisisSignals: [] }, 0);
    expect(body).toMatchObject({ ok: false, reason: 'invalid', detail: expect.stringContaining('sections.0.body') });
    const many = Array.from({ length: GUIDE_LIMITS.rules + 1 }, (_, i) => ({ ...prefer, id: `r${i}` }));
    expect(await repo.save({ sections: [], rules: many, crisisSignals: [] }, 0)).toMatchObject({ ok: false, reason: 'invalid' });
    const signal = await repo.save({ sections: [], rules: [], crisisSignals: ['y'.repeat(GUIDE_LIMITS.signal + 1)] }, 0);
    expect(signal).toMatchObject({ ok: false, detail: expect.stringContaining('crisisSignals.0') });
    expect((await repo.get()).updatedAt).toBe(0);
  });

  it('reads a malformed stored row as an empty guide instead of breaking the panel', async () => {
    await db.settings.put({ key: 'personalGuide', value: { sections: 'nope', rules: 42 } });
    expect((await repo.get()).sections).toEqual([]);
  });
});

describe('rule validation', () => {
  it('names the problem of an invalid regex, a bad field and a duplicate id', () => {
    expect(ruleProblem(badRegex, [])).toMatch(/Invalid regular expression|Unterminated group/);
    expect(ruleProblem({ ...prefer, severity: 'fatal' }, [])).toContain('severity');
    expect(ruleProblem(prefer, ['mi-cliente'])).toContain('already used');
    expect(ruleProblem({ id: 'x', kind: 'emoji', severity: 'error', message: 'm', max: -1 }, [])).toContain('max');
    expect(ruleProblem(prefer, [])).toBeNull();
  });

  it('skips an invalid personal rule by name while the others keep working', () => {
    const { guide, errors } = gatherToneGuide('en', [], { name: 'My guide', rules: [badRegex, prefer] });
    expect(errors).toEqual([expect.objectContaining({ ruleId: 'roto', pack: '' })]);
    const findings = checkDraft(guide, 'Dear user, thanks.');
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'mi-cliente', message: 'Say “customer”, not “user”.', fix: 'customer' }));
  });

  it('reports a schema-invalid rule with the source it came from', () => {
    const { errors } = gatherToneGuide('es', [{ name: 'Pack A', rules: [{ id: 'a1', kind: 'nope' }] }], { name: 'Mi guía', rules: [{ id: 'p1', kind: 'length' }] });
    expect(errors.map((e) => [e.pack, e.ruleId])).toEqual([
      ['Pack A', 'a1'],
      ['Mi guía', 'p1'],
    ]);
  });

  it('picks the message in the guide language, falling back to the other one', () => {
    const onlyEs = { ...prefer, messages: { es: 'Solo español: $match', en: '' } };
    const { guide } = gatherToneGuide('en', [], { name: 'mine', rules: [onlyEs] });
    expect(checkDraft(guide, 'user')[0]?.message).toBe('Solo español: user');
  });
});

describe('crisis signals from the personal guide', () => {
  it('adds the team’s words to the built-in ones', () => {
    const detect = crisisDetector(crisisSignals({ crisisSignals: ['retirada del lote'] }));
    expect(detect('Han anunciado la RETIRADA del lote 42')?.signals).toEqual(['retirada del lote']);
    expect(detect('Esto es un fraude')?.signals).toEqual(['fraude']);
    expect(crisisDetector(crisisSignals(null))('retirada del lote')).toBeNull();
  });
});

describe('loading every rule source (the worker, for the in-page badge)', () => {
  it('gathers starter, the packs that apply and the personal guide', async () => {
    const packRule = { id: 'pack-avoid', kind: 'avoid', severity: 'error', message: 'Pack: $match', terms: ['barato'] };
    await new PacksRepo(db).apply(makePack({ id: 'acme', name: 'ACME', rules: [packRule] }), { sourceUrl: null, now: 1 });
    await new PacksRepo(db).apply(makePack({ id: 'beta', name: 'Beta', rules: [{ ...packRule, id: 'beta-avoid', terms: ['caro'] }] }, []), { sourceUrl: null, now: 1 });
    await repo.save({ sections: [], rules: [prefer], crisisSignals: [] }, 0, 5);
    const all = await loadToneGuide(db, { lang: 'es', personalName: 'Mi guía' });
    const ids = (draft: string, guide = all.guide) => checkDraft(guide, draft, {}).map((f) => f.ruleId).sort();
    expect(ids('Hola usuario, es barato y caro, un problema')).toEqual(['beta-avoid', 'mi-cliente', 'pack-avoid', 'starter-issue']);
    const acmeOnly = await loadToneGuide(db, { lang: 'es', personalName: 'Mi guía', applies: (pack) => pack.id === 'acme' });
    expect(ids('Hola usuario, es barato y caro', acmeOnly.guide)).toEqual(['mi-cliente', 'pack-avoid']);
  });
});
