import { useState } from 'preact/hooks';
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
  const guide = useLiveQuery(() => repo.get(), []).value;
  const [status, setStatus] = useState<GuideStatus | null>(null);
  return {
    guide,
    status,
    async save(change) {
      if (!guide) return false;
      const result = await repo.save(change(guide), guide.updatedAt);
      if (result.ok) setStatus({ text: t('guideSaved'), error: false });
      else if (result.reason === 'conflict') setStatus({ text: t('guideConflict'), error: true });
      else setStatus({ text: t('guideInvalid', result.detail ?? ''), error: true });
      return result.ok;
    },
  };
}
