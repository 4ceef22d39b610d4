// Issue 13 item 2, behind the door: rules stored before the import check existed must not hang
// anything, a rule sees a capped draft, and the worker's regex work is bounded and sliced.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createContentHandlers } from '../../src/background/handlers/content';
import type { ContentSender } from '../../src/background/router';
import { runPatterns, type PatternClock } from '../../src/background/tone-patterns';
import type { TonoDatabase } from '../../src/shared/db/database';
import type { PackRecord } from '../../src/shared/db/repos/packs';
import { checkDraft, PATTERN_TEXT_LIMIT } from '../../src/shared/domain/tone/check';
import { compileGuide } from '../../src/shared/domain/tone/compile';
import { ruleCheck } from '../../src/shared/domain/tone/personal-guide';
import type { AvoidRule } from '../../src/shared/domain/tone/types';
import type { ReplyContext } from '../../src/shared/messages/protocol';
import { useTestDatabase } from './test-db';

const EVIL = '^(\\w+\\s?)+$';
const evilRule: AvoidRule = { id: 'bucle', kind: 'avoid', severity: 'error', message: 'BUCLE', regex: true, terms: [EVIL] };
const DRAFT = `${'a'.repeat(40)}!`;

describe('compiling a rule stored by an earlier version', () => {
  it('refuses the pattern, reports the rule with the reason, and keeps the other rules', () => {
    const price: AvoidRule = { id: 'precio', kind: 'avoid', severity: 'error', message: '$match', regex: true, terms: ['\\d+ ?€'] };
    const guide = compileGuide([evilRule, price]);
    expect(guide.errors).toEqual([{ ruleId: 'bucle', error: expect.stringContaining('nested'), risk: 'nested', pattern: EVIL }]);
    expect(guide.patterns.map(({ rule }) => rule.id)).toEqual(['precio']);
    expect(checkDraft(guide, `${DRAFT} 20 €`).map((finding) => finding.ruleId)).toEqual(['precio']);
  });

  it('is refused when saved in the personal guide, with the risk the editor puts in words', () => {
    expect(ruleCheck({ ...evilRule }, [])).toMatchObject({ ruleId: 'bucle', risk: 'nested', pattern: EVIL });
  });
});

describe('the worker checking a draft against a pack stored by an earlier version', () => {
  const database = useTestDatabase('tone-regex');
  const sender: ContentSender = { tabId: 4, frameId: 0, url: 'https://www.instagram.com/p/1/' };
  const context: ReplyContext = { authorName: 'Ana', commentAt: null, commentPrecision: 'unknown' };
  let db: TonoDatabase;
  let handlers: ReturnType<typeof createContentHandlers>;

  beforeEach(async () => {
    db = database();
    // The record the previous version's apply() wrote for a pack with this rule and no replies.
    const legacy: PackRecord = {
      id: 'legacy',
      name: 'Legacy',
      version: '1',
      updatedAt: '2026-01-01T00:00:00Z',
      guidelines: [],
      rules: [{ ...evilRule }],
      templateCount: 0,
      sourceUrl: null,
      installedAt: 1,
      appliedAt: 1,
    };
    await db.packs.put(legacy);
    handlers = createContentHandlers(db, { remember: async () => undefined }, () => 'es-ES');
  });

  it('never runs the refused rule (it would match this draft) and answers for the page’s draft', async () => {
    const hello = await handlers.checkDraft({ text: 'Ana hola', context }, sender);
    expect(hello.first).not.toBe('BUCLE');
    expect(hello.count).toBe(0);
    const attack = await handlers.checkDraft({ text: DRAFT, context }, sender);
    expect(attack.first).not.toBe('BUCLE');
  });
});

describe('the text a regex rule sees', () => {
  it(`is the draft's first ${PATTERN_TEXT_LIMIT} characters; other rules see all of it`, () => {
    const rule: AvoidRule = { id: 'pedido', kind: 'avoid', severity: 'warning', message: '$match', regex: true, terms: ['#\\d{4}'] };
    const plain: AvoidRule = { id: 'plano', kind: 'avoid', severity: 'warning', message: '$match', terms: ['ticket'] };
    const guide = compileGuide([rule, plain]);
    const early = `#1234 ${'x'.repeat(PATTERN_TEXT_LIMIT)} #5678 ticket`;
    const findings = checkDraft(guide, early);
    expect(findings.map((finding) => [finding.ruleId, finding.message])).toEqual([
      ['pedido', '#1234'],
      ['plano', 'ticket'],
    ]);
  });
});

describe('regex rules in the worker: sliced, budgeted, slow ones dropped', () => {
  const rules = Array.from({ length: 8 }, (_, i): AvoidRule => ({ id: `r${i}`, kind: 'avoid', severity: 'warning', message: `r${i}`, regex: true, terms: ['x'] }));

  /** A clock where every pattern run takes `cost` ms; pauses are counted. */
  function fakeClock(cost: number): PatternClock & { pauses: number } {
    return {
      pauses: 0,
      time: (run) => ({ value: run(), ms: cost }),
      async pause() {
        this.pauses++;
      },
    };
  }

  it('yields between slices, stops at its budget and skips a slow pattern from then on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const guide = compileGuide(rules);
    const slow = fakeClock(30);
    const first = await runPatterns(guide, 'x', slow);
    // 30 ms each: the budget (100 ms) is spent after four patterns, each marked slow.
    expect(first.map((finding) => finding.ruleId)).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(slow.pauses).toBeGreaterThan(0);
    expect(warn).toHaveBeenCalledTimes(4);

    const second = await runPatterns(guide, 'x', fakeClock(0));
    expect(second.map((finding) => finding.ruleId)).toEqual(['r4', 'r5', 'r6', 'r7']);
    // A new version of the guide (a recompile) starts with a clean slate.
    expect(await runPatterns(compileGuide(rules), 'x', fakeClock(0))).toHaveLength(8);
    warn.mockRestore();
  });
});
