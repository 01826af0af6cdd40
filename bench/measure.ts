import { performance } from 'perf_hooks';

/** The middle of `values`: one burst of load on a shared machine moves it less than the mean. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A full collection before a measurement, when node runs with --expose-gc. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * A young-generation collection, when node runs with --expose-gc: what an allocation just made
 * (a JSON.parse of 50 MB) leaves in the nursery is promoted now, not in the middle of the next
 * measurement. Unlike a full collection, it keeps the optimized code.
 */
export function collectYoungGarbage(): void {
  (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc?.({ type: 'minor' });
}

/** Milliseconds `fn` takes. */
export function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
