import { render } from 'preact';
import { App } from './App';
import type { Shell } from './boot/shell';

/** Renders the panel into `root`; it takes over from the shell in its first commit. */
export function mountPanel(root: HTMLElement, shell: Shell): void {
  render(<App shell={shell} />, root);
}
