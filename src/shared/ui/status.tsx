import { useEffect, useRef, useState } from 'preact/hooks';
import type { Template } from '../db/types';
import { t } from './i18n';

/** A one-line outcome shown to the user, optionally with an Undo for a short while. */
export interface Status {
  text: string;
  undo?: () => void;
}

/** How long Undo stays offered; the message itself stays until the next one. */
const UNDO_MS = 8000;

/** The status line of the side panel and the options library: `show` replaces the message. */
export function useStatus() {
  const [status, setStatus] = useState<Status | null>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(undoTimer.current), []);

  function show(next: Status) {
    clearTimeout(undoTimer.current);
    setStatus(next);
    if (next.undo) undoTimer.current = setTimeout(() => setStatus({ text: next.text }), UNDO_MS);
  }
  return { status, setStatus, show };
}

/** Copies a reply's body as it is written (variables unfilled) and says how it went. */
export async function copyTemplateBody(template: Template, show: (status: Status) => void): Promise<void> {
  try {
    await navigator.clipboard.writeText(template.body);
    show({ text: t('statusCopiedTemplate') });
  } catch {
    show({ text: t('statusFailed') });
  }
}

/** The live region with the latest message and its Undo button while offered. */
export function StatusRow(props: { status: Status | null; onUndone: (status: Status) => void }) {
  const { status } = props;
  return (
    <div class="status-row">
      <p class="status" role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
      {status?.undo && (
        <button
          type="button"
          class="undo"
          onClick={() => {
            const undo = status.undo!;
            props.onUndone({ text: status.text });
            undo();
          }}
        >
          {t('libUndo')}
        </button>
      )}
    </div>
  );
}
