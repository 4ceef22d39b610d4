import type { ShortcutConflict } from '../../shared/db/repos/packs';
import { t } from '../../shared/ui/i18n';

const SHOWN = 20;

function line(c: ShortcutConflict): string {
  switch (c.other.kind) {
    case 'personal':
      return t('packsConflictPersonal', c.shortcut, c.packTitle, c.otherTitle);
    case 'starter':
      return t('packsConflictStarter', c.shortcut, c.packTitle, c.otherTitle);
    case 'pack':
      return t(c.packWins ? 'packsConflictPackWins' : 'packsConflictPackLoses', c.shortcut, c.packTitle, c.otherTitle, c.other.name);
  }
}

/**
 * Shortcuts a pack shares with other replies and which one Tab gives, plus the ones it asked for
 * that are common words and were not installed as shortcuts. Every value is rendered as text.
 */
export function PackConflicts({ conflicts, ignored }: { conflicts: readonly ShortcutConflict[]; ignored: readonly string[] }) {
  return (
    <div class="packs-conflicts">
      {ignored.length > 0 ? <p class="hint packs-ignored">{t('packsIgnoredShortcuts', ignored.join(', '))}</p> : null}
      {conflicts.length > 0 ? (
        <details open={conflicts.length <= 5}>
          <summary>{t('packsConflictsHeading', String(conflicts.length))}</summary>
          <ul class="packs-items">
            {conflicts.slice(0, SHOWN).map((c) => (
              <li key={`${c.shortcut}|${c.otherTitle}`}>{line(c)}</li>
            ))}
            {conflicts.length > SHOWN ? <li class="hint">{t('packsMore', String(conflicts.length - SHOWN))}</li> : null}
          </ul>
          <p class="hint">{t('packsConflictsBrandHint')}</p>
        </details>
      ) : null}
    </div>
  );
}
