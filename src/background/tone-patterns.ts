import { patternFindings } from '../shared/domain/tone/check';
import type { CompiledGuide } from '../shared/domain/tone/compile';
import type { Finding } from '../shared/domain/tone/types';

type Pattern = CompiledGuide['patterns'][number];

/** Regex work done before giving the event loop a turn, so a shortcut asked meanwhile is answered. */
const SLICE_MS = 8;
/** A pattern that once took longer than this on a (capped) draft is not run again for that guide. */
const SLOW_MS = 25;
/** Regex time one check may spend; it reports what it found by then. */
const BUDGET_MS = 100;

/** Patterns found slow, per compiled guide entry: forgotten with the guide when its pack changes. */
const slowPatterns = new WeakSet<Pattern>();

export interface PatternClock {
  /** Runs one pattern and says how long it took, in ms. */
  time<T>(run: () => T): { value: T; ms: number };
  /** Lets other tasks (messages) run before the next pattern. */
  pause(): Promise<void>;
}

const realClock: PatternClock = {
  time(run) {
    const start = performance.now();
    const value = run();
    return { value, ms: performance.now() - start };
  },
  pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
};

/**
 * A guide's regex rules on a draft, in the worker. The patterns are in the safe subset and see at
 * most PATTERN_TEXT_LIMIT characters, so each run is short; this bounds the rest: the worker
 * yields between slices, a check stops after its budget, and a pattern that was slow once is
 * skipped from then on (logged), so no pack can keep the worker from answering shortcuts.
 */
export async function runPatterns(guide: CompiledGuide, draft: string, clock: PatternClock = realClock): Promise<Finding[]> {
  const findings: Finding[] = [];
  let spent = 0;
  let slice = 0;
  for (const pattern of guide.patterns) {
    if (slowPatterns.has(pattern)) continue;
    if (slice > SLICE_MS) {
      await clock.pause();
      slice = 0;
    }
    const { value, ms } = clock.time(() => patternFindings(pattern, draft));
    findings.push(...value);
    spent += ms;
    slice += ms;
    if (ms > SLOW_MS) {
      slowPatterns.add(pattern);
      console.warn(`Tono: tone rule "${pattern.rule.id}" took ${Math.round(ms)} ms on one draft; it is skipped from now on`);
    }
    if (spent > BUDGET_MS) break;
  }
  return findings;
}
