import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { TonoDatabase } from '../../src/shared/db/database';
import { MIGRATIONS } from '../../src/shared/db/migrations';
import { StatsRepo } from '../../src/shared/db/repos/stats';
import { isValidStoredRollup } from '../../src/shared/domain/stats/rollup-codec';
import { cleanPollution, expectNoPollution, HOSTILE_KEYS } from './hostile-keys';

const names: string[] = [];
afterEach(async () => {
  cleanPollution();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const NOW = Date.now();

/** Events as an older build could have stored them: any template id or account, any time the old schema took. */
const stored = [
  ...HOSTILE_KEYS.map((key, n) => ({ templateId: key, account: key, submittedAt: NOW - 3_600_000 - n })),
  { templateId: '__proto__', account: null, submittedAt: 8.64e15 },
  { templateId: 'constructor', account: null, submittedAt: 0 },
].map((fields, n) => ({
  id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
  platform: 'x',
  threadHash: null,
  commentAt: null,
  commentPrecision: 'unknown',
  firstFocusAt: null,
  responseSeconds: null,
  handleSeconds: null,
  drift: 0.5,
  ...fields,
}));

describe('upgrading through 004 and 007, then deriving the stats', () => {
  it('upgrade a database holding hostile ids and absurd times without polluting or failing', async () => {
    const name = `tono-hostile-migration-${crypto.randomUUID()}`;
    names.push(name);
    const old = new TonoDatabase(name, MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.version === 4)));
    await old.open();
    await old.table('replyEvents').bulkAdd(stored);
    old.close();

    const db = new TonoDatabase(name);
    await db.open();
    expectNoPollution();
    expect(await db.replyEvents.count()).toBe(stored.length);
    const stats = new StatsRepo(db);
    // The frozen migrations leave the derivation to the live repository, which must not be polluted.
    expect(await stats.ensureCurrent()).toBe(true);
    expectNoPollution();
    expect((await db.statRollups.toArray()).every(isValidStoredRollup)).toBe(true);
    // Every event counted once, the one at 8.64e15 in a day a key can name: no rebuild needed.
    expect(await stats.ensureConsistent()).toBe('ok');
    const { current } = await stats.periodReports(7, NOW);
    expect(current.templates.map((t) => [t.templateId, t.count]).sort()).toEqual(HOSTILE_KEYS.map((key) => [key, 1]).sort());
    expectNoPollution();
    db.close();
  });
});
