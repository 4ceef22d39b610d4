import * as v from 'valibot';
import { ToFrameSchema, type FromFrame, type ToFrame } from '../shared/messages/in-page';
import { BlankFormView } from './blank-form';
import { awaitPort } from './handshake';
import { PickerView } from './picker-view';

// The in-page frame: Tono's picker and blanks form, drawn in an extension page that the content
// script shows in an iframe by the reply box. Keys typed here go to this document only; the
// social site's scripts cannot read them, read the list, or drive it (see docs/threat-model.md).

let port: MessagePort | null = null;
const post = (message: FromFrame) => port?.postMessage(message);

const picker = new PickerView({
  onQuery: (query) => post({ type: 'query', query }),
  onChoose: (id) => post({ type: 'choose', id }),
  onClose: (refocus) => post({ type: 'close', refocus }),
});
const blanks = new BlankFormView({
  onAnswers: (answers) => post({ type: 'answers', answers }),
  onClose: (refocus) => post({ type: 'close', refocus }),
});
document.body.append(picker.element, blanks.element);

/** What is showing, for the stylesheet and for tests reading the frame from outside. */
function setView(view: 'picker' | 'blanks' | ''): void {
  document.body.dataset.view = view;
}

function receive(message: ToFrame): void {
  switch (message.type) {
    case 'prepare':
      // Drawn but inert (no focus, no clicks) until opened; the iframe is transparent meanwhile.
      if (document.body.dataset.view) break;
      document.body.inert = true;
      picker.prepare(message.items);
      break;
    case 'openPicker':
      blanks.reset();
      document.body.inert = false;
      picker.open(message.items);
      setView('picker');
      break;
    case 'items':
      picker.show(message.items);
      break;
    case 'openBlanks':
      picker.reset();
      document.body.inert = false;
      blanks.open(message.title, message.blanks);
      setView('blanks');
      break;
    case 'hide':
      picker.reset();
      blanks.reset();
      setView('');
      break;
  }
}

// The content script sizes the iframe to what is drawn.
new ResizeObserver(() => {
  const shown = document.querySelector<HTMLElement>('.panel:not([hidden])');
  if (!shown) return;
  const { width, height } = shown.getBoundingClientRect();
  post({ type: 'size', width: Math.ceil(width), height: Math.ceil(height) });
}).observe(document.body);

// Focus leaving the frame (a click on the page) closes what is open, focus staying where it went.
addEventListener('blur', () => {
  setTimeout(() => {
    if (!document.hasFocus() && document.body.dataset.view) post({ type: 'close', refocus: false });
  }, 150);
});

setView('');
awaitPort((adopted) => {
  port = adopted;
  adopted.onmessage = (event: MessageEvent) => {
    const parsed = v.safeParse(ToFrameSchema, event.data);
    if (parsed.success) receive(parsed.output);
  };
  post({ type: 'ready' });
});
