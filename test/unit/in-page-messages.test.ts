import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { FromFrameSchema, readFromFrame } from '../../src/shared/messages/in-page';

const samples: unknown[] = [
  { type: 'ready' },
  { type: 'query', query: 'devolución' },
  { type: 'query', query: 'x'.repeat(501) },
  { type: 'choose', id: 'starter-ack' },
  { type: 'choose', id: 7 },
  { type: 'close', refocus: false },
  { type: 'close', refocus: 'yes' },
  { type: 'size', width: 340, height: 120 },
  { type: 'size', width: -1, height: 120 },
  { type: 'size', width: 340, height: Number.NaN },
  { type: 'answers', answers: [['Order number', '4471']] },
  { type: 'answers', answers: [['Order number', 4471]] },
  { type: 'answers', answers: [['a', 'b', 'c']] },
  { type: 'answers', answers: Array.from({ length: 21 }, () => ['a', 'b']) },
  { type: '__proto__' },
  { type: 'toString' },
  null,
  'ready',
  [],
];

describe('messages from the in-page frame, as the content script reads them', () => {
  it('accepts exactly what FromFrameSchema accepts, and nothing more than it names', () => {
    for (const sample of samples) {
      const schema = v.safeParse(FromFrameSchema, sample);
      expect(readFromFrame(sample), JSON.stringify(sample)).toEqual(schema.success ? schema.output : null);
    }
  });

  it('agrees with the schema on generated messages', () => {
    const value = fc.oneof(fc.string({ maxLength: 600 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    const message = fc.record(
      {
        type: fc.constantFrom('ready', 'query', 'choose', 'close', 'size', 'answers', 'other'),
        query: value,
        id: value,
        refocus: value,
        width: value,
        height: value,
        answers: fc.array(fc.array(value, { maxLength: 3 }), { maxLength: 22 }),
      },
      { requiredKeys: ['type'] },
    );
    fc.assert(
      fc.property(message, (sample) => {
        const schema = v.safeParse(FromFrameSchema, sample);
        expect(readFromFrame(sample)).toEqual(schema.success ? schema.output : null);
      }),
    );
  });
});
