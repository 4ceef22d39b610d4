import * as v from 'valibot';
import { normalizeShortcut } from '../text';
import { fail, packError, type PackError, type PackResult } from './errors';
import { PACK_FORMAT, PACK_FORMAT_VERSION, PACK_LIMITS, type Pack } from './format';
import { packFromFields } from './export';
import { findForbiddenKey, jsonNestingExceeds, textProblem } from './safety';
import { firstUnsafePattern } from '../tone/regex-rules';
import { PackSchema, type PackInput } from './schema';

/** Reads a pack file's text: size, nesting and JSON syntax first, then {@link parsePackValue}. */
export function parsePackText(raw: string): PackResult<Pack> {
  if (raw.length > PACK_LIMITS.maxTextLength) return fail('tooLarge', Math.round(PACK_LIMITS.maxTextLength / 1024 / 1024));
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (jsonNestingExceeds(text, PACK_LIMITS.maxDepth)) return fail('tooDeep', PACK_LIMITS.maxDepth);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail('notJson', error instanceof Error ? error.message.slice(0, 200) : '');
  }
  return parsePackValue(value);
}

/** Validates an already-parsed value. Unknown fields are accepted and dropped from the result. */
export function parsePackValue(value: unknown): PackResult<Pack> {
  const forbidden = findForbiddenKey(value);
  if (forbidden) return { ok: false, error: forbidden };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('notPack');
  const record = value as Record<string, unknown>;
  if (record.format !== PACK_FORMAT) return fail('notPack');
  const version = record.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > PACK_FORMAT_VERSION) {
    return fail('newerFormat', version, PACK_FORMAT_VERSION);
  }
  const parsed = v.safeParse(PackSchema, value, { abortEarly: true });
  if (!parsed.success) return { ok: false, error: issueToError(parsed.issues[0]) };
  const problem = semanticProblem(parsed.output);
  if (problem) return { ok: false, error: problem };
  return { ok: true, value: packFromFields(parsed.output) };
}

function semanticProblem(pack: PackInput): PackError | null {
  for (const [field, list] of [
    ['templates', pack.templates],
    ['guidelines', pack.guidelines],
    ['rules', pack.rules],
  ] as const) {
    const seen = new Set<string>();
    for (const item of list) {
      if (seen.has(item.id)) return packError('duplicateId', field, item.id);
      seen.add(item.id);
    }
  }
  const shortcuts = new Map<string, string>();
  for (const template of pack.templates) {
    const key = normalizeShortcut(template.shortcut);
    if (!key) continue;
    const other = shortcuts.get(key);
    if (other !== undefined) return packError('duplicateShortcut', template.shortcut, other, template.id);
    shortcuts.set(key, template.id);
  }
  const texts: [string, string][] = [
    [pack.name, 'name'],
    [pack.version, 'version'],
  ];
  pack.templates.forEach((t, i) => {
    const at = `templates[${i}]`;
    texts.push([t.title, `${at}.title`], [t.body, `${at}.body`], [t.shortcut, `${at}.shortcut`]);
    t.tags.forEach((tag, j) => texts.push([tag, `${at}.tags[${j}]`]));
  });
  pack.guidelines.forEach((g, i) => texts.push([g.title, `guidelines[${i}].title`], [g.body, `guidelines[${i}].body`]));
  for (const [value, path] of texts) {
    const problem = textProblem(value, path);
    if (problem) return problem;
  }
  // A pattern that could hang the tone check is refused with the pack, naming the rule.
  const unsafe = firstUnsafePattern(pack.rules);
  if (unsafe) return packError('unsafePattern', unsafe.ruleId, (unsafe.pattern ?? '').slice(0, 80), unsafe.risk ?? 'unsupported');
  return null;
}

type Issue = v.InferIssue<typeof PackSchema>;

function pathOf(issue: Issue): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
  }
  return path || '(root)';
}

/** Turns valibot's first issue into a code the UI can say in plain words. */
function issueToError(issue: Issue | undefined): PackError {
  if (!issue) return packError('notPack');
  const path = pathOf(issue);
  const requirement = 'requirement' in issue ? issue.requirement : undefined;
  switch (issue.type) {
    case 'max_length':
      return Array.isArray(issue.input)
        ? packError('fieldTooMany', path, String(requirement))
        : packError('fieldTooLong', path, String(requirement));
    case 'min_length':
      return packError('fieldMissing', path);
    case 'picklist':
    case 'literal':
      return packError('fieldNotAllowed', path, String(issue.received).slice(0, 80));
    case 'regex':
    case 'iso_timestamp':
      return packError('fieldFormat', path);
    default:
      return issue.input === undefined ? packError('fieldMissing', path) : packError('fieldType', path, issue.expected ?? '');
  }
}
