import { useMemo } from 'preact/hooks';
import { getDatabase } from '../../shared/db/database';
import { PersonalGuideRepo } from '../../shared/db/repos/personal-guide';
import { crisisDetector, type CrisisMatch } from '../../shared/domain/crisis';
import { crisisSignals } from '../../shared/domain/tone/gather';
import type { PersonalGuide } from '../../shared/domain/tone/personal-guide';
import { useLiveQuery } from '../../shared/ui/use-live-query';

const repo = new PersonalGuideRepo(getDatabase());

/** The personal guide, kept current when the options page (or another window) saves it. */
export function usePersonalGuide(): PersonalGuide | undefined {
  return useLiveQuery(() => repo.get(), []).value;
}

/** Crisis signals in the comment being answered: the built-in ones and the team's own words. */
export function useCrisis(commentText: string): CrisisMatch | null {
  const personal = usePersonalGuide();
  const detect = useMemo(() => crisisDetector(crisisSignals(personal)), [personal]);
  return useMemo(() => (commentText ? detect(commentText) : null), [detect, commentText]);
}
