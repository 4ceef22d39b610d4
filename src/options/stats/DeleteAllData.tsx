import { useState } from 'preact/hooks';
import { sendFromPage } from '../../shared/messages/client';
import { t } from '../../shared/ui/i18n';

/**
 * "Delete all my data" with a second, explicit confirmation step. The worker deletes: it also
 * holds the per-tab focus records in storage.session.
 */
export function DeleteAllData() {
  const [step, setStep] = useState<'idle' | 'confirm' | 'done' | 'failed'>('idle');
  return (
    <div class="stats-danger">
      <h3>{t('statsDeleteHeading')}</h3>
      <p class="hint">{t('statsDeleteHint')}</p>
      {step === 'confirm' ? (
        <div class="row" role="alertdialog" aria-label={t('statsDeleteConfirm')}>
          <span>{t('statsDeleteConfirm')}</span>
          <button
            type="button"
            class="danger"
            onClick={() => sendFromPage('deleteAllData', {}).then(() => setStep('done'), () => setStep('failed'))}
          >
            {t('statsDeleteYes')}
          </button>
          <button type="button" class="secondary" onClick={() => setStep('idle')} autofocus>
            {t('statsDeleteCancel')}
          </button>
        </div>
      ) : (
        <div class="row">
          <button type="button" class="danger" onClick={() => setStep('confirm')}>
            {t('statsDeleteButton')}
          </button>
          <span role="status">{step === 'done' ? t('statsDeleteDone') : step === 'failed' ? t('statsDeleteFailed') : ''}</span>
        </div>
      )}
    </div>
  );
}
