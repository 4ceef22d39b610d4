import type { TemplateBlank } from '../../shared/domain/template';
import { inPageFrame } from '../frame';

/** The answers as [label, value] pairs, or null when cancelled; `refocus` is false after a click elsewhere. */
export interface BlankAnswers {
  answers: Array<[string, string]> | null;
  refocus: boolean;
}

const WIDTH = 300;

/**
 * Asks for a template's blanks in the in-page frame by the reply box (see frame/in-page-frame.ts):
 * what the agent types there is never visible to the page until the reply is inserted. Enter
 * confirms, Esc or leaving the form cancels.
 */
export function askBlanks(anchor: DOMRect, title: string, blanks: TemplateBlank[]): Promise<BlankAnswers> {
  const frame = inPageFrame();
  return new Promise((resolve) => {
    let done = false;
    const finish = (answers: BlankAnswers['answers'], refocus: boolean) => {
      if (done) return;
      done = true;
      frame.hide();
      resolve({ answers, refocus });
    };
    const place = (_width: number, height: number) => {
      const below = anchor.bottom + 6;
      return {
        top: below + height < innerHeight ? below : Math.max(8, anchor.top - 6 - height),
        left: Math.max(8, Math.min(anchor.left, innerWidth - WIDTH - 8)),
      };
    };
    void frame
      .open({ type: 'openBlanks', title, blanks: blanks.map(({ label, fallback }) => ({ label, fallback })) }, (message) => {
        if (message.type === 'answers') {
          // Only the blanks asked for, in their order, whatever the frame sent.
          const given = new Map(message.answers);
          finish(blanks.map((blank) => [blank.label, given.get(blank.label) ?? '']), true);
        } else if (message.type === 'close') finish(null, message.refocus);
      }, place, WIDTH)
      .then((opened) => opened || finish(null, true));
  });
}
