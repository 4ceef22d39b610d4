import { useEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../shared/domain/tone/types';
import { sendFromPage } from '../shared/messages/client';
import type { FixOutcome } from '../shared/messages/protocol';
import { t, type MessageKey } from '../shared/ui/i18n';
import { targetTabId } from './target-tab';

function outcomeKey(outcome: FixOutcome | null): MessageKey {
  if (outcome?.ok) return 'toneFixApplied';
  switch (outcome?.reason) {
    case 'draft-changed':
      return 'toneFixDraftChanged';
    case 'no-box':
      return 'toneFixNoBox';
    case 'clipboard':
      return 'toneFixCopied';
    default:
      return 'toneFixFailed';
  }
}

/**
 * The outcome of the last one-click fix, announced to screen readers. It takes the focus, since
 * the clicked button goes away with the finding it fixed.
 */
export function useFixStatus() {
  const [status, setStatus] = useState<{ key: MessageKey; ok: boolean; at: number } | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (status) ref.current?.focus();
  }, [status]);
  const view = status && (
    <p ref={ref} tabIndex={-1} class={status.ok ? 'fix-status' : 'fix-status error'} role="status">
      {t(status.key)}
    </p>
  );
  return { view, report: (outcome: FixOutcome | null) => setStatus({ key: outcomeKey(outcome), ok: outcome?.ok === true, at: Date.now() }) };
}

/**
 * Applies a "prefer" finding's fix to the site's editor: the worker asks the tab's content script
 * to replace exactly this occurrence, which it refuses if the draft changed since it was checked.
 */
export function FixButton(props: { finding: Finding; draft: string; onOutcome: (outcome: FixOutcome | null) => void }) {
  const [busy, setBusy] = useState(false);
  const { finding, draft } = props;
  if (finding.fix === undefined) return null;
  const replacement = finding.fix;
  const apply = async () => {
    setBusy(true);
    const outcome = await targetTabId()
      .then((tabId) => sendFromPage('applyFix', { tabId, draft, start: finding.start, end: finding.end, replacement }))
      .catch(() => null);
    setBusy(false);
    props.onOutcome(outcome);
  };
  return (
    <button
      type="button"
      class="finding-apply"
      disabled={busy}
      aria-label={t('toneFixApplyLabel', draft.slice(finding.start, finding.end), replacement)}
      onClick={() => void apply()}
    >
      {t('toneFixApply')}
    </button>
  );
}
