import { describe, expect, it } from 'vitest';
import { renderTemplate, templateBlanks } from '../../src/shared/domain/template';

const answers = (entries: Array<[string, string]>) => new Map(entries);

describe('templateBlanks', () => {
  it('lists each blank with its default, in order of appearance', () => {
    expect(templateBlanks('Pedido {{input:Order number}} del {{input:Fecha|hoy}}.')).toEqual([
      { label: 'Order number', fallback: '' },
      { label: 'Fecha', fallback: 'hoy' },
    ]);
  });

  it('asks once for a blank used twice, even with different spacing', () => {
    expect(templateBlanks('{{input:Número de pedido|0}} y {{ input: Número  de pedido }}')).toEqual([
      { label: 'Número de pedido', fallback: '0' },
    ]);
  });

  it('ignores variables, the cursor and empty labels', () => {
    expect(templateBlanks('Hola {{firstName|}} {{cursor}} {{input:}} {{input: |x}}')).toEqual([]);
  });

  it('asks for at most ten blanks', () => {
    const body = Array.from({ length: 12 }, (_, i) => `{{input:B${i}}}`).join(' ');
    expect(templateBlanks(body)).toHaveLength(10);
  });
});

describe('renderTemplate: blanks', () => {
  it('fills every occurrence of a blank with the answer', () => {
    const result = renderTemplate('Tu pedido {{input:Order number}} ({{input:Order number}}) sale hoy.', {}, answers([['Order number', 'A-17']]));
    expect(result.text).toBe('Tu pedido A-17 (A-17) sale hoy.');
  });

  it('uses the default for an empty or missing answer', () => {
    const body = 'Llega el {{input:Fecha|lunes}}.';
    expect(renderTemplate(body, {}, answers([['Fecha', '  ']])).text).toBe('Llega el lunes.');
    expect(renderTemplate(body, {}).text).toBe('Llega el lunes.');
  });

  it('matches an answer to its blank by the normalised label', () => {
    expect(renderTemplate('#{{ input:  Order   number }}', {}, answers([['Order number', '9']])).text).toBe('#9');
  });

  it('drops the separator before an unanswered blank without default, like a variable', () => {
    expect(renderTemplate('Gracias, {{input:Nombre}}.', {}).text).toBe('Gracias.');
  });

  it('mixes blanks with variables and keeps the cursor offset right', () => {
    const result = renderTemplate('Hola {{firstName}}, pedido {{input:Pedido}}: {{cursor}}ok', { name: 'Ana Ruiz' }, answers([['Pedido', '12345']]));
    expect(result.text).toBe('Hola Ana, pedido 12345: ok');
    expect(result.text.slice(0, result.cursorOffset ?? undefined)).toBe('Hola Ana, pedido 12345: ');
  });

  it('inserts answers as literal text: markup and placeholders in an answer stay as typed', () => {
    const typed = '<b>x</b> {{agent}} {{input:Pedido}} $&';
    expect(renderTemplate('{{input:Pedido}}', { agent: 'Lucía' }, answers([['Pedido', typed]])).text).toBe(typed);
  });

  it('does not take answers for labels a body does not ask for, or from the prototype', () => {
    expect(renderTemplate('{{input:constructor}}|{{input:__proto__}}', {}).text).toBe('|');
  });
});
