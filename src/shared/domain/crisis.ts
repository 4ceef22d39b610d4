import { foldText } from './text';
import { wholeWords } from './tone/words';

/**
 * Words that signal a comment may be the start of a crisis ("tormenta"): fraud, legal threats,
 * danger to people, insults. Spanish and English; a team adds its own through the guide.
 */
export const DEFAULT_CRISIS_SIGNALS: readonly string[] = [
  // Fraud and scams
  'fraude', 'estafa', 'estafadores', 'timo', 'robo', 'nos han robado', 'fraud', 'scam', 'scammers', 'stolen',
  // Legal
  'demanda', 'demandar', 'denuncia', 'denunciar', 'abogado', 'abogados', 'consumo', 'tribunales',
  'lawsuit', 'sue', 'lawyer', 'attorney', 'legal action',
  // Safety and health
  'peligro', 'peligroso', 'intoxicación', 'intoxicado', 'quemadura', 'herido', 'hospital', 'explotó', 'incendio',
  'danger', 'dangerous', 'poisoning', 'injured', 'burn', 'exploded', 'fire', 'recall',
  // Data and privacy
  'filtración', 'hackeo', 'datos robados', 'data breach', 'hacked', 'leak',
  // Insults and boycott
  'vergüenza', 'sinvergüenzas', 'boicot', 'ladrones', 'disgrace', 'boycott', 'thieves',
];

export interface CrisisMatch {
  /** The signals found, as written in the signal list. */
  signals: string[];
}

/** Compiles a signal list once; the returned test runs on every focused comment. */
export function crisisDetector(signals: readonly string[] = DEFAULT_CRISIS_SIGNALS): (comment: string) => CrisisMatch | null {
  const bySignal = new Map(signals.map((signal) => [foldText(signal.trim()), signal] as const).filter(([key]) => key));
  if (bySignal.size === 0) return () => null;
  const keys = [...bySignal.keys()].sort((a, b) => b.length - a.length);
  const regex = new RegExp(wholeWords(keys), 'gu');
  return (comment) => {
    const found = new Set<string>();
    for (const match of foldText(comment).matchAll(regex)) found.add(bySignal.get(match[0]) ?? match[0]);
    return found.size ? { signals: [...found] } : null;
  };
}
