/**
 * A small reader of JavaScript regex syntax in Unicode mode (the `u` flag tone rules compile
 * with), into just the shape the safety check needs. It expects a pattern the engine has already
 * accepted; anything it does not know (flag modifiers, say) is reported, never guessed at.
 */
export type RegexNode =
  /** Exactly one character: a literal, `.`, an escape or a class. `source` is its regex text. */
  | { kind: 'char'; source: string }
  /** `^`, `$`, `\b`, `\B`: matches no character. */
  | { kind: 'assertion' }
  | { kind: 'lookaround'; body: Alternatives }
  | { kind: 'group'; body: Alternatives }
  | { kind: 'repeat'; min: number; max: number; body: RegexNode }
  | { kind: 'backreference' };
export type Sequence = RegexNode[];
export type Alternatives = Sequence[];

export type ParseResult = { ok: true; tree: Alternatives } | { ok: false; at: string };

class Unsupported extends Error {}

const ESCAPE = /\\(?:[1-9]\d*|k<[^>]*>|[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}(?:\\u[0-9a-fA-F]{4})?|x[0-9a-fA-F]{2}|c[a-zA-Z]|[^])/uy;
/** Characters that need a backslash to stand for themselves (`.` alone means any character). */
const SYNTAX = '^$*+?()[]{}|/';
const QUANTIFIER = /(?:[*+?]|\{(\d+)(,(\d*))?\})\??/y;

export function parseRegex(source: string): ParseResult {
  let i = 0;

  function escape(): RegexNode {
    ESCAPE.lastIndex = i;
    const match = ESCAPE.exec(source);
    if (!match) throw new Unsupported(source.slice(i, i + 8));
    let text = match[0];
    // `\uD83D\uDE00` is one character (a surrogate pair); two other \u escapes are two.
    if (text.length === 12 && !/^\\u[dD][89abAB]..\\u[dD][c-fC-F]/.test(text)) text = text.slice(0, 6);
    i += text.length;
    if (text === '\\b' || text === '\\B') return { kind: 'assertion' };
    if (/^\\(?:[1-9]|k<)/.test(text)) return { kind: 'backreference' };
    return { kind: 'char', source: text };
  }

  function characterClass(): RegexNode {
    const start = i;
    i++;
    while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    if (i >= source.length) throw new Unsupported(source.slice(start, start + 8));
    i++;
    return { kind: 'char', source: source.slice(start, i) };
  }

  function group(): RegexNode {
    const start = i;
    i++;
    let lookaround = false;
    if (source[i] === '?') {
      const head = /^\?(?::|=|!|<=|<!|<[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*>)/u.exec(source.slice(i));
      if (!head) throw new Unsupported(source.slice(start, start + 8));
      lookaround = /^\?(?:=|!|<=|<!)$/.test(head[0]);
      i += head[0].length;
    }
    const body = alternatives();
    if (source[i] !== ')') throw new Unsupported(source.slice(start, start + 8));
    i++;
    return lookaround ? { kind: 'lookaround', body } : { kind: 'group', body };
  }

  function atom(): RegexNode {
    const c = source[i]!;
    if (c === '^' || c === '$') {
      i++;
      return { kind: 'assertion' };
    }
    if (c === '\\') return escape();
    if (c === '[') return characterClass();
    if (c === '(') return group();
    if ('*+?{}])'.includes(c)) throw new Unsupported(source.slice(i, i + 8));
    const text = source.codePointAt(i)! > 0xffff ? source.slice(i, i + 2) : c;
    i += text.length;
    return { kind: 'char', source: c === '.' || !SYNTAX.includes(c) ? text : `\\${c}` };
  }

  function term(): RegexNode {
    const node = atom();
    QUANTIFIER.lastIndex = i;
    const match = QUANTIFIER.exec(source);
    if (!match) return node;
    i += match[0].length;
    const q = match[0][0];
    const [min, max] =
      q === '*' ? [0, Infinity] : q === '+' ? [1, Infinity] : q === '?' ? [0, 1] : [Number(match[1]), match[2] === undefined ? Number(match[1]) : match[3] ? Number(match[3]) : Infinity];
    return { kind: 'repeat', min, max, body: node };
  }

  function alternatives(): Alternatives {
    const result: Alternatives = [[]];
    while (i < source.length && source[i] !== ')') {
      if (source[i] === '|') {
        i++;
        result.push([]);
      } else {
        result[result.length - 1]!.push(term());
      }
    }
    return result;
  }

  try {
    const tree = alternatives();
    if (i !== source.length) throw new Unsupported(source.slice(i, i + 8));
    return { ok: true, tree };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, at: error.message };
    throw error;
  }
}
