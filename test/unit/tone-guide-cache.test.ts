// Issue 13, low item: the worker recompiled every pack's rules on each badge check. Compiled
// guides are reused while the packs (id, version, time applied), the personal guide's revision
// and the language are unchanged; any change compiles anew.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { TonoDatabase } from '../../src/shared/db/database';
import { PacksRepo } from '../../src/shared/db/repos/packs';
import { PersonalGuideRepo } from '../../src/shared/db/repos/personal-guide';
import { ToneGuideCache } from '../../src/shared/db/repos/tone-guide';
import { checkDraft } from '../../src/shared/domain/tone/check';
import { closeDatabases, freshDatabase, makePack } from './pack-helpers';

afterAll(closeDatabases);

const rule = (term: string) => ({ id: 'jerga', kind: 'avoid', severity: 'warning', message: 'Evita $match', terms: [term] });
const options = { lang: 'es', personalName: '' } as const;

let db: TonoDatabase;
let packs: PacksRepo;
let cache: ToneGuideCache;

beforeEach(async () => {
  db = freshDatabase();
  packs = new PacksRepo(db);
  cache = new ToneGuideCache(db);
  await packs.apply(makePack({ rules: [rule('ticket')] }), { sourceUrl: null, now: 1 });
});

describe('compiled tone guides in the worker', () => {
  it('are not recompiled for a second check with the same packs', async () => {
    const first = await cache.load(options);
    const second = await cache.load(options);
    expect(second.guide).toBe(first.guide);
  });

  it('are compiled anew when a pack gets a new version, with its new rules', async () => {
    const first = await cache.load(options);
    await packs.apply(makePack({ version: '2', rules: [rule('incidencia')] }), { sourceUrl: null, now: 2 });
    const next = await cache.load(options);
    expect(next.guide).not.toBe(first.guide);
    expect(checkDraft(next.guide, 'un ticket, una incidencia').map((finding) => finding.message)).toEqual(['Evita incidencia']);
    expect((await cache.load(options)).guide).toBe(next.guide);
  });

  it('are compiled anew when the same version is applied again (its rules may differ)', async () => {
    const first = await cache.load(options);
    await packs.apply(makePack({ rules: [rule('incidencia')] }), { sourceUrl: null, now: 3 });
    expect((await cache.load(options)).guide).not.toBe(first.guide);
  });

  it('are compiled anew when the personal guide is saved, a pack is removed or the language changes', async () => {
    const first = await cache.load(options);
    await new PersonalGuideRepo(db).save({ sections: [], crisisSignals: [], rules: [{ ...rule('usuario'), id: 'mia' }] }, 0, 10);
    const personal = await cache.load(options);
    expect(personal.guide).not.toBe(first.guide);
    expect(checkDraft(personal.guide, 'usuario').map((finding) => finding.ruleId)).toEqual(['mia']);
    expect((await cache.load({ ...options, lang: 'en' })).guide).not.toBe(personal.guide);
    await packs.remove('team');
    expect(checkDraft((await cache.load(options)).guide, 'ticket')).toEqual([]);
  });

  it('keep one guide per set of applying packs (brands differ by site)', async () => {
    await packs.apply(makePack({ id: 'otra', rules: [rule('caso')] }, []), { sourceUrl: null, now: 1 });
    const onlyTeam = { ...options, applies: (pack: { id: string }) => pack.id === 'team' };
    const all = await cache.load(options);
    const team = await cache.load(onlyTeam);
    expect(team.guide).not.toBe(all.guide);
    expect((await cache.load(options)).guide).toBe(all.guide);
    expect((await cache.load(onlyTeam)).guide).toBe(team.guide);
  });
});
