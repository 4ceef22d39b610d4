import { readFileSync } from 'node:fs';

type Locale = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const EN = JSON.parse(readFileSync(new URL('../../_locales/en/messages.json', import.meta.url), 'utf8')) as Locale;

/** What `browser.i18n.getMessage` answers in English: placeholders filled from the substitutions. */
export function englishMessage(key: string, substitutions: string[] = []): string {
  const entry = EN[key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_m, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_d, n: string) => substitutions[Number(n) - 1] ?? '');
  });
}
