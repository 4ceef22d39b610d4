// The panel's entry: small on purpose. It draws the first frame with plain DOM (boot/shell.ts)
// from a plain-IndexedDB read, and only then loads the panel itself (Preact, Dexie and the
// rest), which takes over in one task.
import '../shared/ui/theme.css';
import './sidepanel.css';
import './replies/replies.css';
import './replies/library.css';
import '../shared/ui/template-form.css';
import { readFirstScreen } from '../shared/db/raw/first-screen';
import { nativeUiLanguage } from '../shared/browser/native-i18n';
import { drawShell } from './boot/shell';
import { FIRST_SCREEN } from './boot/first-screen-size';

// The read goes first: IndexedDB opens and reads while the shell is drawn.
const firstScreen = readFirstScreen(FIRST_SCREEN);
document.documentElement.lang = nativeUiLanguage();
const root = document.getElementById('app')!;
const shell = drawShell(root);

let mounting = false;
function mount() {
  if (mounting) return;
  mounting = true;
  import('./mount').then(
    (module) => module.mountPanel(root, shell),
    (error: unknown) => console.error('Tono: the side panel failed to load', error),
  );
}

void firstScreen.then((rows) => {
  if (!rows) return mount();
  shell.showRows(rows);
  // Load the rest once this frame is on screen: evaluating it first would hold the frame back.
  // A hidden page draws no frames, hence the timer.
  requestAnimationFrame(() => setTimeout(mount, 0));
  setTimeout(mount, 250);
});
