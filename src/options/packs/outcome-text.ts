import type { PackSyncOutcome } from '../../shared/domain/pack';
import { t } from '../../shared/ui/i18n';
import { packErrorText } from './error-text';

/** One sync result in plain words. */
export function outcomeText(outcome: PackSyncOutcome): string {
  switch (outcome.kind) {
    case 'unchanged':
      return t('packsStatusOk');
    case 'applied':
      return t('packsSynced', outcome.summary.toVersion, String(outcome.summary.added), String(outcome.summary.changed), String(outcome.summary.removed));
    case 'failed':
      return t('packsStatusError', packErrorText(outcome.error));
  }
}
