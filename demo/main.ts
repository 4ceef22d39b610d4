// The demo feed: real editor libraries with their own models, and a "site" that posts what its
// model holds. Test and benchmark code reads the models through `window.tonoDemo`.
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { registerRichText, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import { $createParagraphNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';

interface Box {
  modelText(): string;
  clear(): void;
}

function lexicalBox(element: HTMLElement): Box & { editor: LexicalEditor } {
  const editor = createEditor({ namespace: 'demo', nodes: [HeadingNode, QuoteNode], onError: (e) => console.error(e) });
  editor.setRootElement(element);
  mergeRegister(registerRichText(editor), registerHistory(editor, createEmptyHistoryState(), 300));
  return {
    editor,
    modelText: () => editor.getEditorState().read(() => $getRoot().getTextContent()),
    clear: () =>
      editor.update(() => {
        $getRoot().clear().append($createParagraphNode());
      }, { discrete: true }),
  };
}

/** A textarea whose value lives in a model updated only from input events, like a React component. */
function controlledTextarea(element: HTMLTextAreaElement): Box {
  let model = '';
  element.addEventListener('input', () => {
    model = element.value;
  });
  return {
    modelText: () => model,
    clear: () => {
      model = '';
      element.value = '';
    },
  };
}

function contentEditableBox(element: HTMLElement): Box {
  return {
    modelText: () => element.innerText.replace(/\n$/, ''),
    clear: () => element.replaceChildren(),
  };
}

const boxes: Record<string, Box> = {
  'box-lexical': lexicalBox(document.getElementById('box-lexical')!),
  'box-textarea': controlledTextarea(document.getElementById('box-textarea') as HTMLTextAreaElement),
  'box-contenteditable': contentEditableBox(document.getElementById('box-contenteditable')!),
};

// Comment times relative to now, so the demo's response times look like a real morning.
for (const time of document.querySelectorAll<HTMLTimeElement>('time[data-ago-minutes]')) {
  time.dateTime = new Date(Date.now() - Number(time.dataset.agoMinutes) * 60_000).toISOString();
}

function post(boxId: string): void {
  const box = boxes[boxId];
  const text = box?.modelText().trim();
  if (!box || !text) return;
  const reply = document.createElement('div');
  reply.className = 'reply';
  const who = document.createElement('b');
  who.textContent = 'Parlo Store';
  reply.append(who, document.createTextNode(text));
  document.getElementById(boxId)!.closest('.post')!.querySelector('.replies')!.append(reply);
  // Sites clear the box a moment after the server accepts the reply.
  setTimeout(() => box.clear(), 150);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button.send')) {
  button.addEventListener('click', () => post(button.dataset.for!));
}
document.addEventListener('keydown', (event) => {
  const id = (event.target as HTMLElement).id;
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && id in boxes) post(id);
});

declare global {
  interface Window {
    tonoDemo: { modelText(id: string): string; ids: string[] };
  }
}
window.tonoDemo = { modelText: (id) => boxes[id]?.modelText() ?? '', ids: Object.keys(boxes) };
