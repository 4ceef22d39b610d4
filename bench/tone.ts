import { performance } from 'node:perf_hooks';
import { checkDraft } from '../src/shared/domain/tone/check';
import { compileGuide } from '../src/shared/domain/tone/compile';
import type { ToneRule } from '../src/shared/domain/tone/types';
import { foldText } from '../src/shared/domain/text';
import { percentile, report } from './report';

const RUNS = 200;

/** 200 rules the way a real guide mixes them: mostly terms to avoid or swap, a few checks. */
function guideRules(): ToneRule[] {
  const rules: ToneRule[] = [];
  for (let i = 0; i < 150; i++) {
    rules.push({ id: `avoid-${i}`, kind: 'avoid', severity: 'warning', message: 'Evita $match', terms: [`término${i}`, `frase prohibida ${i}`] });
  }
  for (let i = 0; i < 40; i++) {
    rules.push({ id: `prefer-${i}`, kind: 'prefer', severity: 'suggestion', message: 'Mejor otra palabra', swap: { [`palabra${i}`]: `vocablo${i}` } });
  }
  for (let i = 0; i < 4; i++) {
    rules.push({ id: `regex-${i}`, kind: 'avoid', regex: true, severity: 'error', message: '$match', terms: [`\\b\\d{${i + 3}}\\b`] });
  }
  rules.push(
    { id: 'len', kind: 'length', severity: 'error', message: 'largo', max: { x: 280, default: 2200 } },
    { id: 'saludo', kind: 'require', element: 'greeting', where: 'start', patterns: ['hola', 'buenos días'], severity: 'warning', message: 'Saluda' },
    { id: 'nombre', kind: 'require', element: 'name', severity: 'suggestion', message: 'Nombre' },
    { id: 'gritos', kind: 'shouting', severity: 'warning', message: 'No grites', maxUpperRatio: 0.5, maxExclamations: 2 },
    { id: 'emoji', kind: 'emoji', severity: 'warning', message: '$match', max: 2 },
    { id: 'usted', kind: 'formality', severity: 'warning', message: '$match', expect: 'usted' },
  );
  return rules;
}

function draft2000(): string {
  const sentence = 'Hola Ana, lamentamos la situación con tu pedido 12345; la palabra7 y el término42 no ayudan. ';
  return sentence.repeat(Math.ceil(2000 / sentence.length)).slice(0, 2000);
}

/** The obvious implementation: fold and build one regex per term, on every check. */
function naiveCheck(rules: ToneRule[], draft: string): number {
  let hits = 0;
  for (const rule of rules) {
    const terms = rule.kind === 'avoid' ? rule.terms : rule.kind === 'prefer' ? Object.keys(rule.swap) : [];
    for (const term of terms) {
      const regex = rule.kind === 'avoid' && rule.regex ? new RegExp(term, 'giu') : new RegExp(foldText(term), 'g');
      hits += (foldText(draft).match(regex) ?? []).length;
    }
  }
  return hits;
}

function time(run: () => unknown): number[] {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples;
}

export function benchToneCheck(): void {
  const rules = guideRules();
  const draft = draft2000();
  const guide = compileGuide(rules);
  const ours = time(() => checkDraft(guide, draft, { firstName: 'Ana', platform: 'facebook' }));
  const naive = time(() => naiveCheck(rules, draft));
  const p95 = percentile(ours, 95);
  report({
    name: 'tone check, 2 000-char draft, 200 rules (Node/V8)',
    value: p95,
    unit: 'ms',
    budget: 5,
    details: {
      p50: percentile(ours, 50).toFixed(3),
      naiveP95: percentile(naive, 95).toFixed(2),
      ratio: `${(percentile(naive, 95) / p95).toFixed(1)}x faster`,
      findings: checkDraft(guide, draft, { firstName: 'Ana' }).length,
    },
  });
}
