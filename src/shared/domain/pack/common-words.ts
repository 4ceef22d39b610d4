import { normalizeShortcut } from '../text';
import type { Pack } from './format';

/**
 * Words a pack may not claim as shortcuts. Tab expands the word before the caret, and Tab is also
 * how people move from the reply box to Send: a pack whose shortcut is "ok" or "the" would replace
 * the last word of an ordinary reply with its own text. Reply names stay allowed (`gracias`,
 * `thanks`, `pedido`, `sorry`: that is what a shortcut looks like, and the starter library uses
 * them); this list is what never names a reply: es/en function words (each listed once),
 * yes/no/ok and one-word reactions. Folded like shortcuts (lower case, no accents). A prefixed
 * form (`;ok`, `/the`) is fine: nobody types it by accident.
 */
const WORDS = `
a al algo alguien algun alguna algunas alguno algunos ante antes aqui asi aun aunque bien cada casi
como con contra cual cuando de del desde donde dos e el ella ellas ello ellos en entre era eres es
esa esas ese eso esos esta estas este esto estos estoy fue ha hace hay he hemos hoy la las le les lo
los mas me mi mis mucho muy nada ni no nos nosotros o os otra otro para pero poco por porque pues
que quien se sea ser si sin sino sobre solo son soy su sus tal tambien tan tanto te ti tiene todo
todos tu tus u un una unas uno unos usted ustedes va vale vez y ya yo
about after again all also am an and any are as at be because been but by can could did do does for
from had has have her here him his how i if in into is it its just let more my not now of on
one only or our out she so some than that the their them then there these they this those to too up
us very was we were what when where which who why will with would you your
ok okay oki okey k kk sip sii nop yes yeah yep yup nope nah sure fine cool great nice good lol
lmao omg wow done please pls plz claro bueno buena genial perfecto listo dale jaja jajaja jeje xd
`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** Sentence punctuation a typed word may carry before Tab ("ok." and "ok!" are still "ok"). */
const TRAILING_PUNCTUATION = /[.!:]+$/;

/** True for a shortcut that ordinary text ends with: a common word, or a bare number (order 4471). */
export function isCommonWordShortcut(shortcut: string): boolean {
  const word = normalizeShortcut(shortcut).replace(TRAILING_PUNCTUATION, '');
  return word !== '' && (COMMON_WORDS.has(word) || /^\d+$/.test(word));
}

/**
 * The pack with those shortcuts emptied (the replies stay, found by search in the picker), and
 * which shortcuts were dropped, for the member and the team lead to see.
 */
export function dropCommonShortcuts(pack: Pack): { pack: Pack; dropped: string[] } {
  const dropped: string[] = [];
  const templates = pack.templates.map((template) => {
    if (!template.shortcut || !isCommonWordShortcut(template.shortcut)) return template;
    dropped.push(template.shortcut);
    return { ...template, shortcut: '' };
  });
  return dropped.length ? { pack: { ...pack, templates }, dropped } : { pack, dropped };
}
