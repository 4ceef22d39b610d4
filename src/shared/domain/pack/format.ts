import type { Platform } from '../platform';

/** The only value of `format` a pack file may have. */
export const PACK_FORMAT = 'tono-pack';
/** The newest `formatVersion` this build understands; a newer one is refused, never guessed at. */
export const PACK_FORMAT_VERSION = 1;

/** Hard limits: generous for real team libraries, small enough that a hostile file cannot hurt. */
export const PACK_LIMITS = {
  /** Characters of JSON or CSV text (about 10 MB). */
  maxTextLength: 10 * 1024 * 1024,
  /** Nesting of arrays and objects anywhere in the file, unknown fields included. */
  maxDepth: 16,
  maxTemplates: 20_000,
  maxGuidelines: 500,
  maxRules: 1_000,
  maxIdLength: 64,
  maxTitleLength: 200,
  maxNameLength: 200,
  maxVersionLength: 64,
  /** The insertion path accepts up to 20 000 characters; a template must fit in it. */
  maxBodyLength: 20_000,
  maxGuidelineBodyLength: 100_000,
  maxShortcutLength: 64,
  maxTags: 32,
  maxTagLength: 64,
  maxVariantLabelLength: 40,
} as const;

export type PackLang = 'es' | 'en';

export interface PackTemplate {
  id: string;
  title: string;
  body: string;
  shortcut: string;
  tags: string[];
  platforms: Platform[];
  lang: PackLang;
  /** Items sharing a group are language variants of one reply (es, en, es-MX, usted…). */
  variantGroup?: string;
  /** What tells this variant apart in its group; absent: its language. */
  variantLabel?: string;
}

/** A section of the tone guide; `body` is Markdown, shown as text (never as HTML). */
export interface PackGuideline {
  id: string;
  title: string;
  body: string;
}

/** A tone rule. Only `id` is required by format 1; the rest is kept as written for the tone checker. */
export interface PackRule {
  id: string;
  [field: string]: unknown;
}

/** A validated pack with only the fields Tono knows (unknown fields are dropped after validation). */
export interface Pack {
  format: typeof PACK_FORMAT;
  formatVersion: typeof PACK_FORMAT_VERSION;
  id: string;
  name: string;
  version: string;
  updatedAt: string;
  guidelines: PackGuideline[];
  rules: PackRule[];
  templates: PackTemplate[];
}
