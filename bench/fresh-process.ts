/*
 * Times measured in fresh Node processes, as a user's `node main.ts` or `cdk8s synth` starts: module
 * loading and a cold JIT are part of what they pay. Each process measures itself and prints what it
 * measured, so that Node's own start-up (the same for both sides) is left out.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { median } from './measure';

/** The repository: `require('everynode')` there resolves to the compiled lib/ through `exports`. */
export const REPOSITORY = path.join(__dirname, '..');

/** Wall-clock time, and the CPU time of the process over the same span (steadier on a shared machine). */
export interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

/** Starts the clocks in a script: `const stop = START; ...; STOP`. */
export const START = `(() => { const { performance } = require('perf_hooks'); const wall = performance.now(); const cpu = process.cpuUsage();
  return () => { const used = process.cpuUsage(cpu); process.stdout.write(JSON.stringify({ wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 })); }; })()`;

/** Runs `script` (CommonJS, timed with START) in a fresh `node` with `args` as `process.argv.slice(1)`. */
export function timeInFreshProcess(script: string, args: readonly string[] = []): Timing {
  const result = spawnSync(process.execPath, ['-e', script, ...args], { cwd: REPOSITORY, encoding: 'utf8', maxBuffer: 2 ** 26 });
  if (result.status !== 0) throw new Error(`node -e exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Timing;
}

/**
 * The median of each measurement over `runs` rounds. A round runs every measurement once, in an
 * order that alternates between rounds, so that a burst of load on a shared machine, or a warmer
 * file cache, falls on both sides alike.
 */
export function interleavedMedians<K extends string>(runs: number, measurements: Record<K, () => Timing>): Record<K, Timing> {
  const keys = Object.keys(measurements) as K[];
  const timings = new Map<K, Timing[]>(keys.map((key) => [key, []]));
  for (let run = 0; run < runs; run++) {
    for (const key of run % 2 === 0 ? keys : [...keys].reverse()) timings.get(key)!.push(measurements[key]());
  }
  const medianOf = (key: K): Timing => ({
    wall: median(timings.get(key)!.map((t) => t.wall)),
    cpu: median(timings.get(key)!.map((t) => t.cpu)),
  });
  return Object.fromEntries(keys.map((key) => [key, medianOf(key)])) as Record<K, Timing>;
}

/** `812.3 ms vs 640.1 ms = 1.27x (target <= 1.3x): met (CPU time 1.25x)`, the wall-clock times deciding. */
export function comparison(ours: Timing, baseline: Timing, target: number): string {
  const ratio = ours.wall / baseline.wall;
  return (
    `${ours.wall.toFixed(1)} ms vs ${baseline.wall.toFixed(1)} ms = ${ratio.toFixed(2)}x (target <= ${target}x): ${ratio <= target ? 'met' : 'MISSED'}` +
    ` (CPU time ${(ours.cpu / baseline.cpu).toFixed(2)}x)`
  );
}
