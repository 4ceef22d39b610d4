import { useEffect, useMemo, useState } from 'preact/hooks';
import { getDatabase } from '../shared/db/database';
import { PacksRepo } from '../shared/db/repos/packs';
import type { Platform } from '../shared/domain/platform';
import { firstNameOf } from '../shared/domain/template';
import { checkDraft } from '../shared/domain/tone/check';
import { gatherToneGuide } from '../shared/domain/tone/gather';
import type { Finding } from '../shared/domain/tone/types';
import { sendFromPage } from '../shared/messages/client';
import type { ReplyTarget } from '../shared/messages/protocol';
import { t, uiLanguage } from '../shared/ui/i18n';
import { ruleErrorText } from '../shared/ui/rule-error-text';
import { useLiveQuery } from '../shared/ui/use-live-query';
import { FixButton, useFixStatus } from './FixButton';
import { usePersonalGuide } from './guide/use-personal-guide';
import { useBrand } from './brand/use-brand';
import { targetTabId } from './target-tab';

const packs = new PacksRepo(getDatabase());
/** How often the draft is read while the panel is visible: the check never writes to the page. */
const POLL_MS = 700;

/** The draft in the focused box, read every moment while the panel is visible. */
function useDraft(target: ReplyTarget | null): string {
  const [draft, setDraft] = useState('');
  useEffect(() => {
    if (!target) return undefined;
    let live = true;
    const read = () => {
      if (document.visibilityState !== 'visible') return;
      void targetTabId()
        .then((tabId) => sendFromPage('getDraft', { tabId }))
        .then(
          (reply) => live && setDraft(reply?.text ?? ''),
          () => undefined,
        );
    };
    read();
    const timer = setInterval(read, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [target]);
  return draft;
}

/**
 * The starter rules plus the rules of the packs that apply here (the active brand's and unbound
 * ones; every pack when none is bound) and the personal guide's; invalid rules are named, not fatal.
 */
function useGuide(visible: ReadonlySet<string> | null) {
  const installed = useLiveQuery(() => packs.list(), []).value;
  const personal = usePersonalGuide();
  return useMemo(() => {
    const lang = uiLanguage().toLowerCase().startsWith('es') ? 'es' : 'en';
    const applying = (installed ?? []).filter(({ record }) => !visible || visible.has(record.id)).map(({ record }) => record);
    return gatherToneGuide(lang, applying, personal ? { name: t('guideMineName'), rules: personal.rules } : null);
  }, [installed, visible, personal]);
}

function FindingItem({ finding, draft, onFix }: { finding: Finding; draft: string; onFix: Parameters<typeof FixButton>[0]['onOutcome'] }) {
  const excerpt = draft.slice(finding.start, finding.end);
  return (
    <li class={`finding severity-${finding.severity}`}>
      <span class="finding-severity">{t(`toneSeverity_${finding.severity}`)}</span> {finding.message}
      {finding.fix !== undefined && excerpt.length <= 80 && (
        <>
          <span class="finding-fix"> {t('toneFix', excerpt, finding.fix)}</span>{' '}
          <FixButton finding={finding} draft={draft} onOutcome={onFix} />
        </>
      )}
    </li>
  );
}

/** Checks the draft against the tone guide as the agent types; runs entirely in the panel. */
export function ToneCheck(props: { target: ReplyTarget | null }) {
  const draft = useDraft(props.target);
  const { guide, errors } = useGuide(useBrand(props.target).resolution?.visible ?? null);
  const fixStatus = useFixStatus();
  const context = props.target?.context;
  const firstName = firstNameOf(context?.authorName);
  const findings = useMemo(
    () => (draft.trim() ? checkDraft(guide, draft, { platform: props.target?.platform as Platform, firstName }) : []),
    [guide, draft, props.target?.platform, firstName],
  );
  if (!props.target || !draft.trim()) return null;
  return (
    <section class="tone-check" aria-labelledby="tone-heading">
      <h2 id="tone-heading">{t('toneHeading')}</h2>
      {findings.length === 0 ? (
        <p class="tone-ok">{t('toneAllGood')}</p>
      ) : (
        <ul class="findings" aria-live="polite">
          {findings.map((finding) => (
            <FindingItem key={`${finding.ruleId}:${finding.start}`} finding={finding} draft={draft} onFix={fixStatus.report} />
          ))}
        </ul>
      )}
      {fixStatus.view}
      {errors.length > 0 && (
        <ul class="rule-errors">
          {errors.map((error, index) => (
            <li key={`${error.pack}:${error.ruleId}:${index}`}>{t('toneRuleInvalid', error.ruleId, ruleErrorText(error))}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
