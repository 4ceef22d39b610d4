import { PLATFORM_LIMITS } from '../platform-limits';
import type { ToneRule } from './types';

/**
 * The tone rules every library starts with, before a team pack brings its own: no excuses or
 * blame, no shouting, the person's name, one form of address, each platform's length.
 */
export function starterToneRules(lang: 'es' | 'en'): ToneRule[] {
  const es = lang === 'es';
  return [
    {
      id: 'starter-no-excuses',
      kind: 'avoid',
      severity: 'warning',
      message: es ? '«$match» suena a excusa: habla de lo que vais a hacer.' : '“$match” sounds like an excuse: say what you will do.',
      terms: ['no es nuestra culpa', 'no es culpa nuestra', 'política de la empresa', 'cálmate', 'cálmese', 'como ya te dije', 'como ya le dije', "not our fault", 'company policy', 'calm down', 'as I said', 'as I already said'],
    },
    {
      id: 'starter-issue',
      kind: 'prefer',
      severity: 'suggestion',
      message: es ? 'Mejor «incidencia» que «$match».' : 'Say “issue” rather than “$match”.',
      swap: es ? { problema: 'incidencia' } : { problem: 'issue' },
    },
    {
      id: 'starter-length',
      kind: 'length',
      severity: 'error',
      message: es ? 'Demasiado larga para esta red ($match caracteres).' : 'Too long for this platform ($match characters).',
      max: { x: PLATFORM_LIMITS.x, threads: PLATFORM_LIMITS.threads, bluesky: PLATFORM_LIMITS.bluesky, tiktok: PLATFORM_LIMITS.tiktok, linkedin: PLATFORM_LIMITS.linkedin, instagram: PLATFORM_LIMITS.instagram },
    },
    {
      id: 'starter-name',
      kind: 'require',
      element: 'name',
      severity: 'suggestion',
      message: es ? 'Llama a la persona por su nombre.' : 'Use the person’s name.',
    },
    {
      id: 'starter-shouting',
      kind: 'shouting',
      severity: 'warning',
      message: es ? 'Demasiadas mayúsculas o exclamaciones: suena a gritar.' : 'Too many capitals or exclamation marks: it reads as shouting.',
      maxUpperRatio: 0.6,
      maxExclamations: 3,
    },
    {
      id: 'starter-formality',
      kind: 'formality',
      severity: 'warning',
      message: es ? 'Mezclas tú y usted: «$match».' : 'Mixed tú and usted: “$match”.',
    },
  ];
}
