import { beforeEach, describe, expect, it } from 'vitest';
import { createContentHandlers } from '../../src/background/handlers/content';
import type { ContentSender } from '../../src/background/router';
import { TonoDatabase } from '../../src/shared/db/database';
import { PersonalGuideRepo } from '../../src/shared/db/repos/personal-guide';
import { checkDraft } from '../../src/shared/domain/tone/check';
import { gatherToneGuide } from '../../src/shared/domain/tone/gather';
import type { ReplyContext } from '../../src/shared/messages/protocol';
import { useTestDatabase } from './test-db';

const sender: ContentSender = { tabId: 4, frameId: 0, url: 'https://x.com/marca/status/1' };
const context: ReplyContext = { authorName: 'Mike Rogers', commentAt: null, commentPrecision: 'unknown' };

const database = useTestDatabase('tone-summary');
let db: TonoDatabase;
let handlers: ReturnType<typeof createContentHandlers>;

beforeEach(async () => {
  db = database();
  handlers = createContentHandlers(db, { remember: async () => undefined }, () => 'en-US');
});

describe('checkDraft (the tone badge by the box)', () => {
  it('counts the same findings the panel shows, with the worst severity and its first message', async () => {
    const draft = 'Hi Mike, this problem is NOT OUR FAULT!!!!';
    const summary = await handlers.checkDraft({ text: draft, context }, sender);
    const panel = checkDraft(gatherToneGuide('en', [], null).guide, draft, { platform: 'x', firstName: 'Mike' });
    expect(panel.length).toBeGreaterThan(1);
    expect(summary.count).toBe(panel.length);
    const rank = { error: 3, warning: 2, suggestion: 1 } as const;
    const worst = Math.max(...panel.map((finding) => rank[finding.severity]));
    expect(rank[summary.worst!]).toBe(worst);
    expect(summary.first).toBe(panel.find((finding) => rank[finding.severity] === worst)?.message);
  });

  it('includes the personal guide rules, in the UI language', async () => {
    await new PersonalGuideRepo(db).save(
      {
        sections: [],
        crisisSignals: [],
        rules: [{ id: 'mine', kind: 'prefer', severity: 'error', messages: { es: 'Di «cliente».', en: 'Say “customer”.' }, swap: { user: 'customer' } }],
      },
      0,
    );
    const summary = await handlers.checkDraft({ text: 'Hi Mike, thanks, dear user.', context }, sender);
    expect(summary).toEqual({ count: 1, worst: 'error', first: 'Say “customer”.' });
  });

  it('reports nothing for an empty or clean draft', async () => {
    expect(await handlers.checkDraft({ text: '   ', context }, sender)).toEqual({ count: 0, worst: null, first: null });
    expect((await handlers.checkDraft({ text: 'Hi Mike, thanks for writing. We will look into it today.', context }, sender)).count).toBe(0);
  });
});
