import * as v from 'valibot';
import { PLATFORMS } from '../platform';
import { PACK_FORMAT, PACK_FORMAT_VERSION, PACK_LIMITS as L } from './format';

/** Ids are stable across versions: they are how a new version's item is matched to the old one. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** What Tab expansion can see as one token (see SHORTCUT_CHAR in domain/text). */
const SHORTCUT_PATTERN = /^[\p{L}\p{N}_\-;/.:!]*$/u;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const required = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(L.maxIdLength), v.regex(ID_PATTERN));

/** Loose objects: unknown fields pass validation (a newer minor writer may add some) and are dropped later. */
export const PackTemplateSchema = v.looseObject({
  id,
  title: required(L.maxTitleLength),
  body: text(L.maxBodyLength),
  shortcut: v.optional(v.pipe(v.string(), v.maxLength(L.maxShortcutLength), v.regex(SHORTCUT_PATTERN)), ''),
  tags: v.optional(v.pipe(v.array(required(L.maxTagLength)), v.maxLength(L.maxTags)), []),
  platforms: v.optional(v.pipe(v.array(v.picklist(PLATFORMS)), v.maxLength(PLATFORMS.length)), []),
  lang: v.optional(v.picklist(['es', 'en']), 'es'),
  variantGroup: v.optional(id),
  variantLabel: v.optional(text(L.maxVariantLabelLength)),
});

export const PackGuidelineSchema = v.looseObject({
  id,
  title: required(L.maxTitleLength),
  body: text(L.maxGuidelineBodyLength),
});

export const PackRuleSchema = v.looseObject({ id });

export const PackSchema = v.looseObject({
  format: v.literal(PACK_FORMAT),
  formatVersion: v.literal(PACK_FORMAT_VERSION),
  id,
  name: required(L.maxNameLength),
  version: required(L.maxVersionLength),
  updatedAt: v.pipe(v.string(), v.maxLength(40), v.isoTimestamp()),
  guidelines: v.optional(v.pipe(v.array(PackGuidelineSchema), v.maxLength(L.maxGuidelines)), []),
  rules: v.optional(v.pipe(v.array(PackRuleSchema), v.maxLength(L.maxRules)), []),
  templates: v.optional(v.pipe(v.array(PackTemplateSchema), v.maxLength(L.maxTemplates)), []),
});

export type PackInput = v.InferOutput<typeof PackSchema>;
