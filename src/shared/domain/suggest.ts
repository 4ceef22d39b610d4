import { foldText } from './text';

export type DetectedLang = 'es' | 'en' | null;

// Function words: they tell the language apart and say nothing about the topic.
const ES_WORDS = new Set(['el', 'la', 'los', 'las', 'de', 'que', 'y', 'mi', 'no', 'por', 'para', 'con', 'una', 'un', 'es', 'cuando', 'donde', 'tengo', 'muy', 'pero', 'esta', 'esto', 'nadie', 'me', 'llevo', 'hay', 'del', 'al', 'se', 'su', 'tu']);
const EN_WORDS = new Set(['the', 'a', 'an', 'and', 'my', 'is', 'of', 'to', 'for', 'with', 'when', 'where', 'i', 'you', 'it', 'not', 'this', 'but', 'very', 'have', 'has', 'no', 'any', 'will', 'what', 'still', 'your', 'are', 'was']);

const tokens = (text: string) => foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Spanish or English by common words; null when the text gives no clear signal. */
export function detectLanguage(text: string): DetectedLang {
  let es = /[¿¡ñ]/.test(text) ? 2 : 0;
  let en = 0;
  for (const token of tokens(text)) {
    if (ES_WORDS.has(token)) es++;
    if (EN_WORDS.has(token)) en++;
  }
  if (es === en) return null;
  return es > en ? 'es' : 'en';
}

/** A crude stem: enough for "pedidos"/"pedido" and "envíos"/"envío", "orders"/"order". */
function stem(token: string): string {
  if (token.length > 5 && token.endsWith('es')) return token.slice(0, -2);
  if (token.length > 3 && token.endsWith('s')) return token.slice(0, -1);
  return token;
}

const STOP = new Set([...ES_WORDS, ...EN_WORDS]);

/** Words that say what a comment is about (stop words removed, stemmed). */
export function keywords(text: string): Set<string> {
  return new Set(tokens(text).filter((token) => token.length > 2 && !STOP.has(token)).map(stem));
}

export interface Suggestible {
  id: string;
  title: string;
  body: string;
  tags: string[];
  lang: string;
  usageCount: number;
}

/**
 * Orders replies for the comment being answered: shared keywords (tags and title weigh more
 * than the body), then the comment's language, then how often the team uses each reply.
 */
export function rankForComment<T extends Suggestible>(templates: readonly T[], comment: string): T[] {
  const wanted = keywords(comment);
  const lang = detectLanguage(comment);
  const scored = templates.map((template) => {
    let score = 0;
    const strong = keywords(`${template.title} ${template.tags.join(' ')}`);
    const body = keywords(template.body);
    for (const word of wanted) {
      if (strong.has(word)) score += 3;
      else if (body.has(word)) score += 1;
    }
    if (lang && template.lang === lang) score += 0.5;
    return { template, score };
  });
  return scored
    .sort((a, b) => b.score - a.score || b.template.usageCount - a.template.usageCount)
    .map(({ template }) => template);
}
