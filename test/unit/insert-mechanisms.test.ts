// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { editorKind } from '../../src/content/insert/editor-kind';
import { pasteWithBreaks } from '../../src/content/insert/mechanisms';
import { countOccurrences } from '../../src/content/insert/text-access';

function capturePaste(text: string): { plain: string; html: string } {
  const box = document.createElement('div');
  box.contentEditable = 'true';
  document.body.append(box);
  let plain = '';
  let html = '';
  box.addEventListener('paste', (event) => {
    const data = (event as ClipboardEvent).clipboardData!;
    plain = data.getData('text/plain');
    html = data.getData('text/html');
    event.preventDefault();
  });
  expect(pasteWithBreaks(box, text)).toBe(true);
  box.remove();
  return { plain, html };
}

describe('pasteWithBreaks (ProseMirror hard breaks)', () => {
  it('carries only an HTML flavour, with one <br> per newline', () => {
    const { plain, html } = capturePaste('Hola Ana,\ngracias.');
    // No plain flavour: ProseMirror would paste it (as paragraphs) while it thinks Shift is held.
    expect(plain).toBe('');
    expect(html).toBe('Hola Ana,<br>gracias.');
  });

  it('never lets template text become markup', () => {
    const hostile = '<img src=x onerror=alert(1)> & <script>1</script>\n"quoted"';
    const { html } = capturePaste(hostile);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    const parsed = document.createElement('div');
    parsed.append(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
    expect(parsed.querySelectorAll('*')).toHaveLength(1); // only the <br>
    expect(parsed.textContent).toBe(hostile.replace('\n', ''));
  });
});

describe('editorKind', () => {
  it.each([
    ['lexical', (d: HTMLElement) => d.setAttribute('data-lexical-editor', 'true')],
    ['quill', (d: HTMLElement) => d.classList.add('ql-editor')],
    ['prosemirror', (d: HTMLElement) => d.classList.add('ProseMirror')],
    ['slate', (d: HTMLElement) => d.setAttribute('data-slate-editor', 'true')],
    ['contenteditable', () => undefined],
  ] as const)('reads %s from the DOM', (kind, mark) => {
    const div = document.createElement('div');
    mark(div);
    expect(editorKind(div)).toBe(kind);
  });

  it('reads Draft.js from the root around the editable element', () => {
    const root = document.createElement('div');
    root.className = 'DraftEditor-root';
    const content = document.createElement('div');
    root.append(content);
    document.body.append(root);
    expect(editorKind(content)).toBe('draft');
    root.remove();
  });
});

describe('countOccurrences (verification after an attempt)', () => {
  it('counts the template once whatever the editor did to whitespace', () => {
    expect(countOccurrences('Hola. Uno\u00a0dos\n\ntres', 'Uno dos\ntres')).toBe(1);
    expect(countOccurrences('Uno dos Uno dos', 'Uno dos')).toBe(2);
    expect(countOccurrences('Uno', 'Uno dos')).toBe(0);
  });
});
