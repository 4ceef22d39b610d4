import { REGEX_RISKS } from '../domain/tone/regex-safety';
import type { RuleError } from '../domain/tone/types';
import { t } from './i18n';

/** Why a regex pattern is refused, in the user's language (a code from outside reads as unsupported). */
export function regexRiskText(risk: string): string {
  const known = REGEX_RISKS.find((item) => item === risk) ?? 'unsupported';
  return t(`regexRisk_${known}`);
}

/** A rule problem in the user's language when it is a refused pattern; the engine's words otherwise. */
export function ruleErrorText(error: Pick<RuleError, 'error' | 'risk' | 'pattern'>): string {
  return error.risk ? t('toneRuleUnsafe', (error.pattern ?? '').slice(0, 80), regexRiskText(error.risk)) : error.error;
}
