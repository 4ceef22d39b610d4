import { describe, expect, it } from 'vitest';
import { parseFacebookLabel } from '../../src/sites/facebook-label';

describe('parseFacebookLabel', () => {
  it.each([
    ['Comment by Ana Ruiz 2h', 'Ana Ruiz', '2h'],
    ['Reply by Bob Li a day ago', 'Bob Li', 'a day ago'],
    ['Comentario de María José Pérez hace un día', 'María José Pérez', 'hace un día'],
    ['Respuesta de Luis 3 sem', 'Luis', '3 sem'],
    ['Comment by Ana 1 d', 'Ana', '1 d'],
  ])('%s', (label, name, time) => {
    expect(parseFacebookLabel(label)).toEqual({ name, time });
  });
  it('rejects other labels', () => {
    expect(parseFacebookLabel('Write a comment…')).toBeNull();
    expect(parseFacebookLabel(null)).toBeNull();
  });
});
