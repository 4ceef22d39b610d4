import { useRef, useState } from 'preact/hooks';
import { getDatabase } from '../../shared/db/database';
import { PersonalGuideRepo } from '../../shared/db/repos/personal-guide';
import type { PersonalGuide } from '../../shared/domain/tone/personal-guide';
import { t } from '../../shared/ui/i18n';
import { useLiveQuery } from '../../shared/ui/use-live-query';

const repo = new PersonalGuideRepo(getDatabase());

export interface GuideStatus {
  text: string;
  error: boolean;
}

export interface GuideStore {
  guide: PersonalGuide | undefined;
  status: GuideStatus | null;
  /** Saves a change made to the guide as last read; false (with a status) when it was not saved. */
  save(change: (guide: PersonalGuide) => Omit<PersonalGuide, 'updatedAt'>): Promise<boolean>;
}

/** The personal guide as the options page edits it: read live, saved whole, lost updates refused. */
export function useGuideStore(): GuideStore {
  const live = useLiveQuery(() => repo.get(), []).value;
  // Our own last save: the live query reports it a moment later, and a second save made in that
  // moment (guidelines, then signals) must build on it, not on the older row, or it would be
  // refused as a conflict with ourselves, or undo the first save.
  const lastSaved = useRef<PersonalGuide | undefined>(undefined);
  // Saves run one after the other, so a click made while a save is still writing builds on it.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const liveRef = useRef(live);
  liveRef.current = live;
  const [status, setStatus] = useState<GuideStatus | null>(null);

  async function saveNow(change: (guide: PersonalGuide) => Omit<PersonalGuide, 'updatedAt'>): Promise<boolean> {
    const base = newer(liveRef.current, lastSaved.current);
    if (!base) return false;
    const result = await repo.save(change(base), base.updatedAt);
    if (result.ok) {
      lastSaved.current = result.guide;
      setStatus({ text: t('guideSaved'), error: false });
    } else if (result.reason === 'conflict') setStatus({ text: t('guideConflict'), error: true });
    else setStatus({ text: t('guideInvalid', result.detail ?? ''), error: true });
    return result.ok;
  }

  return {
    guide: newer(live, lastSaved.current),
    status,
    save(change) {
      const next = queue.current.then(() => saveNow(change));
      queue.current = next.catch(() => undefined);
      return next;
    },
  };
}

function newer(a: PersonalGuide | undefined, b: PersonalGuide | undefined): PersonalGuide | undefined {
  if (!a || !b) return a ?? b;
  return b.updatedAt > a.updatedAt ? b : a;
}
