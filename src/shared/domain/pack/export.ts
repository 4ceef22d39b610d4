import { normalizeShortcut } from '../text';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack, type PackGuideline, type PackRule, type PackTemplate } from './format';

/** Pack file text: 2-space JSON with a trailing newline, fields in the documented order. */
export function serializePack(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

export interface PackExportInput {
  id: string;
  name: string;
  version: string;
  updatedAt: string;
  templates: readonly PackTemplate[];
  guidelines?: readonly PackGuideline[];
  rules?: readonly PackRule[];
}

/** The fields a pack is made of, whatever else the source object carries. */
export interface PackFields {
  id: string;
  name: string;
  version: string;
  updatedAt: string;
  guidelines: readonly PackGuideline[];
  rules: readonly object[];
  templates: readonly PackTemplate[];
}

/**
 * Keeps exactly the format-1 fields, in a fixed order, so exports are stable and diffable; unknown
 * fields (kept by the parser) are dropped here.
 */
export function packFromFields(input: PackFields): Pack {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: input.id,
    name: input.name,
    version: input.version,
    updatedAt: input.updatedAt,
    guidelines: input.guidelines.map(({ id, title, body }) => ({ id, title, body })),
    // Rules are opaque to format 1 beyond their id; a structured clone cuts any shared references.
    rules: input.rules.map((rule) => structuredClone(rule) as PackRule),
    templates: input.templates.map(({ id, title, body, shortcut, tags, platforms, lang, variantGroup, variantLabel }) => ({
      id,
      title,
      body,
      shortcut,
      tags: [...tags],
      platforms: [...platforms],
      lang,
      ...(variantGroup ? { variantGroup } : {}),
      ...(variantGroup && variantLabel ? { variantLabel } : {}),
    })),
  };
}

/** Builds a pack from library rows (already shaped as pack templates), sorted by id for stable diffs. */
export function buildPack(input: PackExportInput): Pack {
  return packFromFields({
    ...input,
    guidelines: input.guidelines ?? [],
    rules: input.rules ?? [],
    templates: [...input.templates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The next version after `previous`: `YYYY.MM.DD-N` (N counts exports on one day, in UTC),
 * or a bumped last number for any other scheme (`1.4.2` → `1.4.3`, `v7` → `v8`).
 */
export function bumpVersion(previous: string | null, now: Date): string {
  const today = `${now.getUTCFullYear()}.${pad(now.getUTCMonth() + 1)}.${pad(now.getUTCDate())}`;
  if (!previous) return `${today}-1`;
  const dated = /^(\d{4}\.\d{2}\.\d{2})-(\d+)$/.exec(previous);
  if (dated) return dated[1] === today ? `${today}-${Number(dated[2]) + 1}` : `${today}-1`;
  const trailing = /^(.*?)(\d+)(\D*)$/.exec(previous);
  if (trailing) return `${trailing[1]}${Number(trailing[2]) + 1}${trailing[3]}`;
  return `${previous}-1`;
}

/** A short, stable fingerprint of what a member sees of a template (cyrb53-style string hash). */
export function templateFingerprint(t: Pick<PackTemplate, 'title' | 'body' | 'shortcut' | 'tags' | 'platforms' | 'lang'>): string {
  const text = [t.title, t.body, normalizeShortcut(t.shortcut), t.tags.join('\u0001'), t.platforms.join('\u0001'), t.lang].join(
    '\u0000',
  );
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
