import Papa from 'papaparse';
import { ownValue } from '../own-value';
import { foldText } from '../text';
import { fail, type PackResult } from './errors';
import { PACK_FORMAT, PACK_FORMAT_VERSION, PACK_LIMITS, type Pack } from './format';
import { parsePackValue } from './parse';

type Column = 'id' | 'title' | 'shortcut' | 'body' | 'tags' | 'platforms' | 'lang';

/** Header names team leads actually use, English and Spanish, compared folded; read own keys only. */
const HEADERS: Record<string, Column> = {
  id: 'id',
  title: 'title',
  titulo: 'title',
  nombre: 'title',
  shortcut: 'shortcut',
  atajo: 'shortcut',
  body: 'body',
  text: 'body',
  texto: 'body',
  respuesta: 'body',
  cuerpo: 'body',
  tags: 'tags',
  etiquetas: 'tags',
  platforms: 'platforms',
  plataformas: 'platforms',
  redes: 'platforms',
  lang: 'lang',
  language: 'lang',
  idioma: 'lang',
};

/**
 * Spreadsheet bytes as text. UTF-8 when valid (with or without BOM); otherwise Windows-1252,
 * which is what Excel's plain "CSV (comma delimited)" writes on Spanish and English systems.
 */
export function decodeSpreadsheet(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export interface CsvPackMeta {
  id: string;
  name: string;
  version: string;
  updatedAt: string;
}

/** Lists inside one cell: `soporte, pedidos` or `soporte; pedidos` or `soporte|pedidos`. */
const splitList = (cell: string): string[] =>
  cell
    .split(/[,;|]/)
    .map((part) => part.trim())
    .filter(Boolean);

/** A stable item id from the shortcut or the title, so re-importing the sheet updates rather than duplicates. */
function slug(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

/**
 * A spreadsheet (Excel or Google Sheets export: UTF-8 BOM, `,` `;` or tab separators, quoted
 * newlines) as a pack. Columns: title, shortcut, body, tags, platforms, lang (and an optional id);
 * the result goes through the same validation as a JSON pack.
 */
export function csvToPack(raw: string, meta: CsvPackMeta): PackResult<Pack> {
  if (raw.length > PACK_LIMITS.maxTextLength) return fail('tooLarge', Math.round(PACK_LIMITS.maxTextLength / 1024 / 1024));
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: 'greedy',
  });
  const syntax = parsed.errors.find((e) => e.type === 'Quotes' || e.code === 'UndetectableDelimiter');
  // A one-column file has no delimiter to detect; that case is reported as missing columns below.
  if (syntax && syntax.type === 'Quotes') {
    return { ok: false, error: { code: 'csvSyntax', params: [syntax.message], row: (syntax.row ?? 0) + 2 } };
  }
  const [header, ...rows] = parsed.data;
  if (!header || rows.length === 0) return fail('csvEmpty');
  if (rows.length > PACK_LIMITS.maxTemplates) return fail('fieldTooMany', 'templates', PACK_LIMITS.maxTemplates);
  const columns = header.map((name) => ownValue(HEADERS, foldText(name.trim()).replace(/\s+/g, '')));
  const missing = (['title', 'body'] as const).filter((c) => !columns.includes(c));
  if (missing.length) return fail('csvMissingColumns', missing.join(', '));

  const usedIds = new Set<string>();
  const templates = rows.map((cells, index) => {
    const cell = (column: Column): string | undefined => {
      const at = columns.indexOf(column);
      return at < 0 ? undefined : (cells[at] ?? '').trim();
    };
    const title = cell('title') ?? '';
    const shortcut = cell('shortcut') ?? '';
    let id = cell('id') || slug(shortcut) || slug(title) || `row-${index + 2}`;
    if (!cell('id')) {
      // Derived ids must stay unique; explicit ids are checked (and refused) by validation instead.
      const base = id;
      for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    }
    usedIds.add(id);
    const lang = (cell('lang') || 'es').toLowerCase();
    return {
      id,
      title,
      // Spreadsheets store line breaks as \r\n or \n inside quoted cells; templates use \n.
      body: (cells[columns.indexOf('body')] ?? '').replace(/\r\n?/g, '\n').trim(),
      shortcut,
      tags: splitList(cell('tags') ?? ''),
      platforms: splitList(cell('platforms') ?? '').map((p) => p.toLowerCase()),
      lang: lang.slice(0, 2),
    };
  });
  const result = parsePackValue({
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    ...meta,
    guidelines: [],
    rules: [],
    templates,
  });
  if (result.ok) return result;
  // Point at the spreadsheet row rather than an array index the team lead never sees.
  const match = /^templates\[(\d+)\]/.exec(result.error.params[0] ?? '');
  const row = match ? Number(match[1]) + 2 : undefined;
  return row ? { ok: false, error: { ...result.error, row } } : result;
}
