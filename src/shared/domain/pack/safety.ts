import { PACK_LIMITS } from './format';
import { packError, type PackError } from './errors';

/** Keys that could reach an object's prototype if any code ever merged the pack into an object. */
// `constructor` alone is harmless (and a real word in tone rules); `constructor.prototype` is caught by `prototype`.
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype']);

/**
 * Deepest array/object nesting in JSON text, scanning at most until `limit` is passed. Runs before
 * `JSON.parse`, so a file of a million `[` is refused in linear time instead of overflowing the stack.
 */
export function jsonNestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}

/** Refuses prototype-pollution keys anywhere in a parsed value (unknown fields included). */
export function findForbiddenKey(value: unknown, path = ''): PackError | null {
  const stack: [unknown, string, number][] = [[value, path, 0]];
  while (stack.length > 0) {
    const [node, at, depth] = stack.pop()!;
    if (depth > PACK_LIMITS.maxDepth) return packError('tooDeep', PACK_LIMITS.maxDepth);
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        if (child !== null && typeof child === 'object') stack.push([child, `${at}[${index}]`, depth + 1]);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        const childPath = at ? `${at}.${key}` : key;
        if (FORBIDDEN_KEYS.has(key)) return packError('forbiddenKey', key, childPath);
        const child = (node as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') stack.push([child, childPath, depth + 1]);
      }
    }
  }
  return null;
}

/**
 * Markup in a text field. Packs carry plain text; a tag-like `<script>`, `<img …>` or `</b>` is
 * refused so nobody is surprised later, while `<3`, `a < b` and `{{name}}` stay allowed.
 */
const HTML_LIKE = /<\s*\/?\s*[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?\s*>|<!--|javascript:/i;
/** C0 control characters other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function textProblem(text: string, path: string): PackError | null {
  if (HTML_LIKE.test(text)) return packError('htmlContent', path);
  if (CONTROL.test(text)) return packError('controlChars', path);
  return null;
}
