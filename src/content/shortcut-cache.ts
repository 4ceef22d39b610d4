import { DEFAULT_PREFS, type ContentPrefs } from '../shared/domain/keys';
import { request } from './connection';

const REFRESH_AFTER_MS = 2000;

/**
 * Whose shortcuts the list holds: the focused box's replying account (null when the box shows
 * none), or undefined before any box is focused, when it must cover every account.
 */
export type ShortcutScope = string | null | undefined;

/**
 * The set of shortcuts (and the keys that act on them), so Tab can be decided synchronously in the keydown handler. Unknown until
 * the first answer arrives; until then Tab on a candidate word asks the background directly.
 */
export class ShortcutCache {
  /** In-page keys and the button setting; the defaults work until the first answer. */
  prefs: ContentPrefs = DEFAULT_PREFS;
  private shortcuts: Set<string> | null = null;
  private scope: ShortcutScope = undefined;
  private fetchedAt = 0;
  private inFlight: { scope: ShortcutScope; done: Promise<void> } | null = null;

  get known(): boolean {
    return this.shortcuts !== null;
  }

  has(shortcut: string): boolean {
    return this.shortcuts?.has(shortcut) ?? false;
  }

  /**
   * Refreshes at most every couple of seconds, and at once for another account's box (a brand
   * bound to one account must not claim Tab in another's); also keeps the worker warm for the
   * coming Tab. Without `scope`, the last one asked for.
   */
  refresh(now = Date.now(), scope: ShortcutScope = this.inFlight ? this.inFlight.scope : this.scope): Promise<void> {
    if (this.inFlight) {
      if (this.inFlight.scope === scope) return this.inFlight.done;
      return this.inFlight.done.then(() => this.refresh(Date.now(), scope));
    }
    if (this.shortcuts && scope === this.scope && now - this.fetchedAt < REFRESH_AFTER_MS) return Promise.resolve();
    const done = request('getShortcuts', scope === undefined ? {} : { account: scope }).then((answer) => {
      if (answer) {
        this.shortcuts = new Set(answer.shortcuts);
        this.scope = scope;
        this.prefs = answer.prefs;
        this.fetchedAt = Date.now();
      }
      this.inFlight = null;
    });
    this.inFlight = { scope, done };
    return done;
  }
}
