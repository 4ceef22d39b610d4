// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://foro.example/t/42"}
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { genericAdapter } from '../../../src/sites/generic';
import { xAdapter } from '../../../src/sites/x';
import { ReplyContextSchema } from '../../../src/shared/messages/schemas';
import { $, loadFixture } from './fixture';

const NOW = Date.now();

/** A forum comment whose <time> says `datetime`, and its reply box. */
function commentAt(datetime: string): HTMLElement {
  const comment = document.createElement('div');
  const time = document.createElement('time');
  time.setAttribute('datetime', datetime);
  time.textContent = 'hace un rato';
  const box = document.createElement('textarea');
  comment.append(time, box);
  document.body.replaceChildren(comment);
  return box;
}

describe('a comment time the worker would refuse never leaves the page', () => {
  it.each([
    ['1999', '1999-12-31T23:00:00Z'],
    ['2999', '2999-01-01T00:00:00Z'],
    ['the last instant a Date holds', '+275760-09-13T00:00:00Z'],
    ['two days from now', new Date(NOW + 2 * 86_400_000).toISOString()],
  ])('a <time> in %s is read as unknown, and the context passes the message schema', (_label, datetime) => {
    const context = genericAdapter.readContext(commentAt(datetime), NOW);
    expect(context).toMatchObject({ commentAt: null, commentPrecision: 'unknown' });
    expect(v.safeParse(ReplyContextSchema, context).success).toBe(true);
  });

  it('a plausible <time> is kept', () => {
    const at = NOW - 3_600_000;
    expect(genericAdapter.readContext(commentAt(new Date(at).toISOString()), NOW)).toMatchObject({ commentAt: at, commentPrecision: 'exact' });
  });

  it('a platform adapter gets the same check (x.com)', () => {
    loadFixture('x');
    const box = $('#box-inline');
    for (const time of document.querySelectorAll('time')) time.setAttribute('datetime', '2999-01-01T00:00:00Z');
    expect(xAdapter.readContext(box, NOW)).toMatchObject({ commentAt: null, commentPrecision: 'unknown' });
  });
});
