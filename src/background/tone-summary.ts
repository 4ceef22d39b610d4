import type { TonoDatabase } from '../shared/db/database';
import { BrandsRepo } from '../shared/db/repos/brands';
import { ToneGuideCache } from '../shared/db/repos/tone-guide';
import { hostOf } from '../shared/domain/brand';
import { platformForUrl } from '../shared/domain/platform';
import { firstNameOf } from '../shared/domain/template';
import { byPosition, checkDraft } from '../shared/domain/tone/check';
import type { Severity } from '../shared/domain/tone/types';
import type { ReplyContext, ToneSummary } from '../shared/messages/protocol';
import { runPatterns } from './tone-patterns';

const RANK: Record<Severity, number> = { error: 3, warning: 2, suggestion: 1 };

/**
 * The tone badge by the reply box: the draft checked with the rules the side panel uses (starter,
 * the packs that apply on this site, the personal guide), reduced to a count, the worst severity and
 * the first message of that severity. The draft is checked here and forgotten. Compiled guides are
 * reused while their packs are unchanged; regex rules run time-sliced (tone-patterns.ts).
 */
export function createToneSummary(db: TonoDatabase, uiLanguage: () => string) {
  const brands = new BrandsRepo(db);
  const guides = new ToneGuideCache(db);

  return async (text: string, context: ReplyContext, url: string): Promise<ToneSummary> => {
    if (!text.trim()) return { count: 0, worst: null, first: null };
    const { visible } = await brands.resolve(hostOf(url), context.account);
    // The panel's language and the packs of the brand active here, as the panel gathers them.
    const lang = uiLanguage().toLowerCase().startsWith('es') ? 'es' : 'en';
    const { guide } = await guides.load({ lang, personalName: '', applies: (pack) => !visible || visible.has(pack.id) });
    const plain = checkDraft({ ...guide, patterns: [] }, text, { platform: platformForUrl(url), firstName: firstNameOf(context.authorName) });
    const findings = [...plain, ...(await runPatterns(guide, text))].sort(byPosition);
    let worst: ToneSummary['worst'] = null;
    let first: string | null = null;
    for (const finding of findings) {
      if (worst === null || RANK[finding.severity] > RANK[worst]) {
        worst = finding.severity;
        first = finding.message.slice(0, 200);
      }
    }
    return { count: findings.length, worst, first };
  };
}
