import * as v from 'valibot';
import { expect } from 'vitest';
import { ReplySubmittedSchema } from '../../src/shared/messages/schemas';

/** Ids a teammate's file or a message may carry that a plain `{}` answers from its prototype. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'] as const;

/** Where `record[id].n += …` lands when `record[id]` is inherited: Object.prototype and friends. */
const TARGETS: Record<string, object> = {
  'Object.prototype': Object.prototype,
  Object,
  'Object.prototype.toString': Object.prototype.toString,
  'Object.prototype.hasOwnProperty': Object.prototype.hasOwnProperty,
  'Function.prototype': Function.prototype,
};
const FIELDS = ['n', 'sum'];

/** Every polluted place, named; empty when nothing was written where it must not be. */
export function pollution(): string[] {
  return Object.entries(TARGETS).flatMap(([name, target]) => FIELDS.filter((f) => Object.hasOwn(target, f)).map((f) => `${name}.${f}`));
}

/** Undoes what an attack left, so one failing case does not fail the cases after it. */
export function cleanPollution(): void {
  for (const target of Object.values(TARGETS)) for (const field of FIELDS) Reflect.deleteProperty(target, field);
}

/** Nothing polluted, `({}).n` is still undefined and valibot still parses a message. */
export function expectNoPollution(): void {
  expect(pollution()).toEqual([]);
  expect(({} as { n?: unknown }).n).toBeUndefined();
  const valid = {
    eventId: '8f14e45f-ceea-4e7a-9b6c-6f1d7c3b2a10',
    context: { commentAt: null, commentPrecision: 'unknown' },
    firstFocusAt: null,
    submittedAt: Date.now(),
    templateId: 'tpl-1',
  };
  expect(v.safeParse(ReplySubmittedSchema, valid).success).toBe(true);
}
