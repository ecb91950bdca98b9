import { performance } from 'node:perf_hooks';

export interface Stats {
  median: number;
  p95: number;
  samples: number;
}

export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const middle = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, p95: at(0.95), samples: sorted.length };
}

/** Milliseconds one call of `run` takes. */
export async function timed(run: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * Measures two sides sample by sample, A then B then B then A (ABBA), so neither side always
 * runs first, on a cold JIT or a warm disk cache; each side gets one unmeasured warm-up first.
 * `measure` returns the sample's value itself (milliseconds unless the row says otherwise).
 */
export async function alternate(samples: number, a: () => Promise<number>, b: () => Promise<number>): Promise<{ a: Stats; b: Stats }> {
  const [first, second] = await alternateAll(samples, [a, b]);
  return { a: first!, b: second! };
}

/** `alternate` for any number of sides: in order, then in reverse order, and so on. */
export async function alternateAll(samples: number, sides: readonly (() => Promise<number>)[]): Promise<Stats[]> {
  for (const side of sides) await side();
  const values = sides.map(() => [] as number[]);
  const order = sides.map((_, index) => index);
  for (let i = 0; i < samples; i++) {
    for (const index of i % 2 === 0 ? order : [...order].reverse()) values[index]!.push(await sides[index]!());
  }
  return values.map(stats);
}

/** One side only (rows with no peer): a warm-up, then `samples` measured runs. */
export async function repeat(samples: number, run: () => Promise<number>): Promise<Stats> {
  await run();
  const values: number[] = [];
  for (let i = 0; i < samples; i++) values.push(await run());
  return stats(values);
}
