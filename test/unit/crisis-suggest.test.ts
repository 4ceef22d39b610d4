import { describe, expect, it } from 'vitest';
import { crisisDetector } from '../../src/shared/domain/crisis';
import { detectLanguage, rankForComment } from '../../src/shared/domain/suggest';
import { STARTER_LIBRARY } from '../../src/shared/domain/starter-library';

describe('crisis signals in the comment being answered', () => {
  const detect = crisisDetector();

  it('spots fraud, legal threats and danger in Spanish and English, accent-insensitive', () => {
    expect(detect('Esto es una ESTAFA, voy a poner una denuncia')?.signals).toEqual(['estafa', 'denuncia']);
    expect(detect('My kid got a burn, this is dangerous. Expect a lawsuit.')?.signals).toEqual(['burn', 'dangerous', 'lawsuit']);
    expect(detect('Casi una intoxicacion con vuestra comida')?.signals).toEqual(['intoxicación']);
    expect(detect('Me he intoxicado con vuestra comida')?.signals).toEqual(['intoxicado']);
  });

  it('matches whole words only and stays quiet on ordinary comments', () => {
    expect(detect('¿Cuándo llega mi pedido?')).toBeNull();
    expect(detect('I love the firework colours')).toBeNull();
  });

  it('uses the words a team adds', () => {
    expect(crisisDetector(['huelga'])('Hay huelga en el almacén')?.signals).toEqual(['huelga']);
    expect(crisisDetector([' ', ''])('anything')).toBeNull();
  });
});

describe('suggestions for the focused comment', () => {
  const library = [
    ...STARTER_LIBRARY.map((t) => ({ ...t, usageCount: 0 })),
    { id: 'envio-es', title: 'Estado del pedido y envío', body: 'Hola, tu pedido está en camino.', tags: ['pedidos', 'envíos'], lang: 'es', usageCount: 0 },
    { id: 'shipping-en', title: 'Order status and shipping', body: 'Your order is on its way.', tags: ['orders', 'shipping'], lang: 'en', usageCount: 0 },
  ];

  it('detects the comment language', () => {
    expect(detectLanguage('¿Cuándo llega mi pedido?')).toBe('es');
    expect(detectLanguage('When will my order arrive?')).toBe('en');
    expect(detectLanguage('👍')).toBeNull();
  });

  it('puts the shipping replies first for "¿Cuándo llega mi pedido?", Spanish before English', () => {
    const ranked = rankForComment(library, '¿Cuándo llega mi pedido? Llevo una semana esperando');
    expect(ranked[0]!.id).toBe('envio-es');
  });

  it('puts the English shipping reply first for an English order question', () => {
    expect(rankForComment(library, 'Where is my order? Still no shipping update')[0]!.id).toBe('shipping-en');
  });

  it('falls back to usage when nothing matches', () => {
    const used = library.map((t) => (t.id === 'starter-crisis-en' ? { ...t, usageCount: 9 } : t));
    expect(rankForComment(used, '...')[0]!.id).toBe('starter-crisis-en');
  });
});
