import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The DESIGN.md budget in the same unit; the figure passes when `value <= budget`. */
  budget: number;
  /** Extra figures worth keeping (samples, p50, a baseline and its ratio). */
  details?: Record<string, number | string>;
}

const results: BenchResult[] = [];

/** Prints a figure next to its budget, the way every Tono benchmark reports. */
export function report(result: BenchResult): void {
  results.push(result);
  const verdict = result.value <= result.budget ? 'within budget' : 'OVER BUDGET';
  const details = result.details
    ? `  (${Object.entries(result.details)
        .map(([key, value]) => `${key} ${value}`)
        .join(', ')})`
    : '';
  console.log(
    `${result.name.padEnd(52)} ${result.value.toFixed(2).padStart(9)} ${result.unit.padEnd(3)} budget ≤ ${result.budget} ${result.unit}  ${verdict}${details}`,
  );
}

/**
 * Writes bench/results.json. `merge`: a partial run replaces the figures it measured (by name)
 * and keeps the rest, each figure with the time it was measured.
 */
export function writeResults(merge = false): string {
  const path = new URL('./results.json', import.meta.url).pathname;
  mkdirSync(new URL('.', import.meta.url).pathname, { recursive: true });
  const measuredAt = new Date().toISOString();
  const fresh = results.map((r) => ({ ...r, withinBudget: r.value <= r.budget, measuredAt }));
  type Stored = (typeof fresh)[number];
  const earlier: Stored[] = merge && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { results: Stored[] }).results : [];
  const names = new Set(fresh.map((r) => r.name));
  const kept = earlier.map((r) => (names.has(r.name) ? fresh.find((f) => f.name === r.name)! : r));
  const added = fresh.filter((r) => !earlier.some((e) => e.name === r.name));
  writeFileSync(path, JSON.stringify({ generatedAt: measuredAt, results: [...kept, ...added] }, null, 2) + '\n');
  return path;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}
