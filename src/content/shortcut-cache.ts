import { DEFAULT_PREFS, type ContentPrefs } from '../shared/domain/keys';
import { request } from './connection';

const REFRESH_AFTER_MS = 2000;

/**
 * The set of shortcuts (and the keys that act on them), so Tab can be decided synchronously in the keydown handler. Unknown until
 * the first answer arrives; until then Tab on a candidate word asks the background directly.
 */
export class ShortcutCache {
  /** In-page keys and the button setting; the defaults work until the first answer. */
  prefs: ContentPrefs = DEFAULT_PREFS;
  private shortcuts: Set<string> | null = null;
  private fetchedAt = 0;
  private inFlight: Promise<void> | null = null;

  get known(): boolean {
    return this.shortcuts !== null;
  }

  has(shortcut: string): boolean {
    return this.shortcuts?.has(shortcut) ?? false;
  }

  /** Refreshes at most every couple of seconds; also keeps the worker warm for the coming Tab. */
  refresh(now = Date.now()): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.shortcuts && now - this.fetchedAt < REFRESH_AFTER_MS) return Promise.resolve();
    this.inFlight = request('getShortcuts', {}).then((answer) => {
      if (answer) {
        this.shortcuts = new Set(answer.shortcuts);
        this.prefs = answer.prefs;
        this.fetchedAt = Date.now();
      }
      this.inFlight = null;
    });
    return this.inFlight;
  }
}
