import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/shared/domain/template';
import { previewTemplate } from '../../src/shared/domain/template-preview';

describe('previewing a reply for the comment being answered', () => {
  it('fills variables from the comment and marks what came from it', () => {
    expect(previewTemplate('Hola {{firstName}}, soy {{agent|el equipo}}.{{cursor}}', { name: 'Ana Pérez' })).toEqual([
      { kind: 'text', text: 'Hola ' },
      { kind: 'value', name: 'firstName', text: 'Ana' },
      { kind: 'text', text: ', soy ' },
      { kind: 'fallback', name: 'agent', text: 'el equipo' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('shows unknown variables and blanks as placeholders, never as markup', () => {
    const parts = previewTemplate('<b>{{handle}}</b> pedido {{input: Número  de pedido |sin número}}\r\nfin', {});
    expect(parts).toEqual([
      { kind: 'text', text: '<b>' },
      { kind: 'missing', name: 'handle' },
      { kind: 'text', text: '</b> pedido ' },
      { kind: 'blank', label: 'Número de pedido', fallback: 'sin número' },
      { kind: 'text', text: '\nfin' },
    ]);
  });

  it('reads as the inserted text when every variable has a value (property)', () => {
    const piece = fc.constantFrom('Hola ', '{{name}}', '{{firstName}}', '{{handle|amigo}}', '{{agent}}', '{{platform}}', ' y ', '\n', '{{cursor}}', '¿qué tal?');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom('Ana Pérez', 'Li'), (pieces, name) => {
        const body = pieces.join('');
        const context = { name, handle: '@ana', agent: 'Marta', platform: 'x' };
        const previewed = previewTemplate(body, context)
          .map((part) => ('text' in part ? part.text : ''))
          .join('');
        expect(previewed).toBe(renderTemplate(body, context).text);
      }),
    );
  });
});
