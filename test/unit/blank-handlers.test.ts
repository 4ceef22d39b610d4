import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { createContentHandlers } from '../../src/background/handlers/content';
import type { ContentSender } from '../../src/background/router';
import { TemplatesRepo } from '../../src/shared/db/repos/templates';
import { ExpandShortcutSchema } from '../../src/shared/messages/schemas';
import type { ReplyContext } from '../../src/shared/messages/protocol';
import { personalDraft, useTestDatabase } from './test-db';

const sender: ContentSender = { tabId: 3, frameId: 0, url: 'https://x.com/marca/status/1' };
const context: ReplyContext = { authorName: 'Ana Ruiz', commentAt: null, commentPrecision: 'unknown' };

const database = useTestDatabase('blank-handlers');
let handlers: ReturnType<typeof createContentHandlers>;

beforeEach(async () => {
  const db = database();
  handlers = createContentHandlers(db, { remember: async () => undefined });
  await new TemplatesRepo(db).save(
    personalDraft({
      id: 'tpl-pedido',
      title: 'Pedido',
      body: 'Hola {{firstName}}, tu pedido {{input:Número de pedido}} ({{input:Número de pedido}}) llega {{input:Día|mañana}}.',
      shortcut: 'pedido',
    }),
  );
});

describe('expanding a template with blanks', () => {
  it('asks for each blank once before rendering, naming the reply, and counts no use yet', async () => {
    const result = await handlers.expandShortcut({ shortcut: 'pedido', context }, sender);
    expect(result).toEqual({
      templateId: 'tpl-pedido',
      title: 'Pedido',
      text: '',
      cursorOffset: null,
      blanks: [
        { label: 'Número de pedido', fallback: '' },
        { label: 'Día', fallback: 'mañana' },
      ],
    });
    expect((await new TemplatesRepo(database()).get('tpl-pedido'))?.usageCount).toBe(0);
  });

  it('renders with the answers (defaults for empty ones) and counts the use', async () => {
    const result = await handlers.expandTemplate({ templateId: 'tpl-pedido', context, inputs: [['Número de pedido', '123'], ['Día', '']] }, sender);
    expect(result).toEqual({ templateId: 'tpl-pedido', text: 'Hola Ana, tu pedido 123 (123) llega mañana.', cursorOffset: null });
    expect((await new TemplatesRepo(database()).get('tpl-pedido'))?.usageCount).toBe(1);
  });

  it('refuses oversized or too many answers at the boundary', () => {
    const base = { shortcut: 'pedido', context };
    expect(v.safeParse(ExpandShortcutSchema, { ...base, inputs: [['a', 'x'.repeat(501)]] }).success).toBe(false);
    expect(v.safeParse(ExpandShortcutSchema, { ...base, inputs: Array.from({ length: 11 }, (_, i) => [`b${i}`, '']) }).success).toBe(false);
    expect(v.safeParse(ExpandShortcutSchema, { ...base, inputs: [['Día', 'hoy']] }).success).toBe(true);
  });
});
