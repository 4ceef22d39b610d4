import { describe, expect, it } from 'vitest';
import { SHORTCUT_CHAR, foldText, normalizeShortcut, tokenBeforeCaret } from '../../src/shared/domain/text';

describe('foldText', () => {
  it.each([
    ['Devolución', 'devolucion'],
    ['DEVOLUCIÓN', 'devolucion'],
    ['España', 'espana'],
    ['ÑANDÚ', 'nandu'],
    ['pingüino', 'pinguino'],
    ['Crème brûlée', 'creme brulee'],
    ['ça', 'ca'],
    ['plain ascii 123', 'plain ascii 123'],
  ])('%s → %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('folds decomposed (NFD) input the same as composed (NFC) input', () => {
    const composed = 'Devolución'.normalize('NFC');
    const decomposed = 'Devolución'.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(foldText(decomposed)).toBe(foldText(composed));
  });

  it('keeps punctuation, spaces and newlines', () => {
    expect(foldText('¡Hola, Ñoño!\n¿Qué tal?')).toBe('¡hola, nono!\n¿que tal?');
  });

  it('is idempotent', () => {
    const once = foldText('Árbol Ñu Über');
    expect(foldText(once)).toBe(once);
  });
});

describe('normalizeShortcut', () => {
  it('trims, lower-cases and strips accents', () => {
    expect(normalizeShortcut('  Perdón ')).toBe('perdon');
    expect(normalizeShortcut('\t;GRACIAS\n')).toBe(';gracias');
  });

  it('keeps punctuation that shortcuts may contain', () => {
    expect(normalizeShortcut('/DM')).toBe('/dm');
    expect(normalizeShortcut('ack-24h')).toBe('ack-24h');
  });

  it('keeps inner spaces (only surrounding space is removed)', () => {
    expect(normalizeShortcut(' a b ')).toBe('a b');
  });
});

describe('SHORTCUT_CHAR', () => {
  it.each(['a', 'Z', 'ñ', 'é', '7', '_', '-', ';', '/', '.', ':', '!'])('accepts %j', (ch) => {
    expect(SHORTCUT_CHAR.test(ch)).toBe(true);
  });
  it.each([' ', '\n', '\t', ',', '(', '@', '#', '?', '"'])('rejects %j', (ch) => {
    expect(SHORTCUT_CHAR.test(ch)).toBe(false);
  });
});

describe('tokenBeforeCaret', () => {
  it('returns the shortcut typed at the end of the text', () => {
    const text = 'Hola ;gracias';
    expect(tokenBeforeCaret(text, text.length)).toEqual({ token: ';gracias', start: 5 });
  });

  it('returns the whole text when it is one token', () => {
    expect(tokenBeforeCaret('dm', 2)).toEqual({ token: 'dm', start: 0 });
  });

  it('only takes the part before the caret when the caret is inside a word', () => {
    expect(tokenBeforeCaret('gracias', 4)).toEqual({ token: 'grac', start: 0 });
  });

  it('stops at spaces, newlines and other separators', () => {
    expect(tokenBeforeCaret('uno dos', 7)).toEqual({ token: 'dos', start: 4 });
    expect(tokenBeforeCaret('línea\nperdón', 12)).toEqual({ token: 'perdón', start: 6 });
    expect(tokenBeforeCaret('(thanks', 7)).toEqual({ token: 'thanks', start: 1 });
    expect(tokenBeforeCaret('a,b', 3)).toEqual({ token: 'b', start: 2 });
  });

  it('includes accented letters and shortcut punctuation', () => {
    expect(tokenBeforeCaret('x /devolución', 13)).toEqual({ token: '/devolución', start: 2 });
  });

  it('returns null right after a separator or at the start', () => {
    expect(tokenBeforeCaret('Hola ', 5)).toBeNull();
    expect(tokenBeforeCaret('Hola\n', 5)).toBeNull();
    expect(tokenBeforeCaret('gracias', 0)).toBeNull();
    expect(tokenBeforeCaret('', 0)).toBeNull();
  });

  it('keeps start consistent with the token: text.slice(start, caret) === token', () => {
    const text = 'Hola María, ;ack mañana /dm';
    for (let caret = 0; caret <= text.length; caret++) {
      const found = tokenBeforeCaret(text, caret);
      if (!found) continue;
      expect(text.slice(found.start, caret)).toBe(found.token);
      expect(found.token.length).toBeGreaterThan(0);
      if (found.start > 0) expect(SHORTCUT_CHAR.test(text[found.start - 1] ?? '')).toBe(false);
    }
  });
});
