/*
 * `npm run bench`: how evaluatePlacement scales with the inventory, measured against the cost of
 * reading that inventory at all (JSON.parse of the same text), side by side in one process so a
 * noisy machine moves both. Also the CLI end to end against Node start-up plus JSON.parse.
 *
 * Targets at 15,000 nodes x 100 DaemonSets, on every cluster: evaluatePlacement <= 0.5x
 * JSON.parse; twice the nodes <= 2.2x the time; heap under 1 GB; `everynode place --output json`
 * <= 2x (Node start-up + JSON.parse of the inventory); the same command on the inventory as YAML
 * <= 3x the time and <= 2x the peak memory of it on the JSON. On the first cluster, whose
 * DaemonSets include variant families: their check <= 10% of evaluatePlacement.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { Cluster, fixedCluster, randomCluster } from './clusters/high-cardinality';
import { collectGarbage, collectYoungGarbage, median, time } from './measure';
import { FAMILIES, syntheticDaemonSets, syntheticInventoryJson } from './synthetic-cluster';
import { reportYamlInventory } from './yaml-inventory';
// The compiled library, as users run it: `npm run bench` compiles it first.
// eslint-disable-next-line import/no-unresolved
import { evaluatePlacement } from '../lib';
// eslint-disable-next-line import/no-unresolved
import { checkVariantFamilies } from '../lib/placement/variant-family-check';
// eslint-disable-next-line import/no-unresolved
import { VERDICT_TABLE, VerdictTable } from '../lib/placement/verdict-table';

const SIZES = [1_000, 5_000, 7_500, 15_000];
const DAEMON_SETS = 100;
const RUNS = 7;
/** Runs after a forced full collection, printed for comparison only. */
const COLLECTED_RUNS = 3;
const CLI_RUNS = 5;


const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (millis: number) => `${millis.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

interface Row extends ParseAndEvaluate {
  size: number;
  textBytes: number;
  /** Reading every per-node placement object of the report, which is built on first read. */
  materialize: number;
  /** The variant-family check alone, on the verdicts of the same evaluation: part of `evaluate`. */
  families: number;
  /** How many findings the family check made. */
  familyFindings: number;
  heapAfter: number;
}

/**
 * The variant-family check evaluatePlacement runs, again on the report's own verdict tables: its
 * time is the difference between evaluatePlacement with and without it, measured in one process.
 */
function timeFamilyCheck(daemonSets: object[], report: ReturnType<typeof evaluatePlacement>): { time: number; findings: number } {
  const tables = report.daemonSets.map((daemonSet) => (daemonSet as { [VERDICT_TABLE]?: VerdictTable })[VERDICT_TABLE]!);
  let findings = 0;
  const elapsed = time(() => { findings = checkVariantFamilies(daemonSets as never, tables, report.nodes).findings.length; });
  return { time: elapsed, findings };
}

interface ParseAndEvaluate {
  parse: number;
  evaluate: number;
  /** evaluatePlacement run right after a forced full collection, for comparison. */
  evaluateAfterCollection: number;
}

/**
 * JSON.parse of `text` and evaluatePlacement of what it parsed, interleaved RUNS times so that a
 * burst of load on the shared machine hits both alike; medians. Run as a process runs them, with
 * no collection forced in between: a forced full collection right before a run makes V8 optimize
 * the evaluator's functions all over again (their optimized code holds the previous run's objects
 * weakly, and the collection discards it; on the random cluster --trace-opt counted 232
 * optimizing compilations in the run after one, 54 in the run after that), so that run measures
 * the compiler, while JSON.parse, native code, keeps no such state. The evaluation after a forced
 * collection is measured as well and printed beside, so the difference stays in view.
 *
 * A young-generation collection does run between the parse and the evaluation, untimed: without
 * it, the evaluation pays for promoting the objects the parse just made whenever its first
 * allocations find the nursery full, and its times spread from one to four times the fastest
 * (the 7,500 -> 15,000 ratio then swung between 0.8 and 2.9 from run to run).
 */
function parseAndEvaluate(text: string, daemonSets: object[]): ParseAndEvaluate {
  const parseTimes: number[] = [];
  const evaluateTimes: number[] = [];
  let nodes: unknown = JSON.parse(text);
  evaluatePlacement(daemonSets, nodes); // warm-up: let the JIT see every path before timing
  for (let run = 0; run < RUNS; run++) {
    parseTimes.push(time(() => { nodes = JSON.parse(text); }));
    collectYoungGarbage();
    evaluateTimes.push(time(() => evaluatePlacement(daemonSets, nodes)));
  }
  const afterCollection: number[] = [];
  for (let run = 0; run < COLLECTED_RUNS; run++) {
    collectGarbage();
    afterCollection.push(time(() => evaluatePlacement(daemonSets, nodes)));
  }
  return { parse: median(parseTimes), evaluate: median(evaluateTimes), evaluateAfterCollection: median(afterCollection) };
}

/**
 * Reading every placement, and the variant-family check, timed in runs of their own: reading
 * leaves 1.5 million objects behind, whose collection would otherwise land in the next timed
 * evaluation. Medians.
 */
function readEveryPlacement(text: string, daemonSets: object[]): { materialize: number; families: number; familyFindings: number } {
  const materializeTimes: number[] = [];
  const familyTimes: number[] = [];
  let familyFindings = 0;
  const nodes: unknown = JSON.parse(text);
  for (let run = 0; run < RUNS; run++) {
    const report = evaluatePlacement(daemonSets, nodes);
    const families = timeFamilyCheck(daemonSets, report);
    familyTimes.push(families.time);
    familyFindings = families.findings;
    materializeTimes.push(time(() => report.daemonSets.reduce((n, ds) => n + ds.placements.length, 0)));
  }
  return { materialize: median(materializeTimes), families: median(familyTimes), familyFindings };
}

function measureSize(size: number, daemonSets: object[]): Row {
  const text = syntheticInventoryJson(size);
  const timed = parseAndEvaluate(text, daemonSets);
  const reading = readEveryPlacement(text, daemonSets);
  // What stays live: the parsed inventory and a report with every placement read, after a collection.
  collectGarbage();
  const nodes: unknown = JSON.parse(text);
  const report = evaluatePlacement(daemonSets, nodes);
  report.daemonSets.forEach((daemonSet) => daemonSet.placements.length);
  collectGarbage();
  const heapAfter = process.memoryUsage().heapUsed;
  // Both stay reachable until the heap is read.
  if (report.nodes.length !== (nodes as { items: unknown[] }).items.length) throw new Error('the report lost nodes');
  return {
    size,
    textBytes: Buffer.byteLength(text),
    ...timed,
    ...reading,
    heapAfter,
  };
}

function main(): void {
  if (!(globalThis as { gc?: unknown }).gc) console.log('(run with node --expose-gc for steadier heap figures)\n');
  const daemonSets = syntheticDaemonSets(DAEMON_SETS);
  console.log(`evaluatePlacement vs JSON.parse of the same inventory, ${DAEMON_SETS} DaemonSets, median of ${RUNS} runs\n`);
  console.log('nodes    inventory  JSON.parse   evaluatePlacement  ratio   + every placement read  heap after');
  const rows: Row[] = [];
  for (const size of SIZES) {
    const row = measureSize(size, daemonSets);
    rows.push(row);
    console.log(
      `${String(size).padEnd(8)} ${mb(row.textBytes).padStart(9)}  ${ms(row.parse).padStart(10)}   ${ms(row.evaluate).padStart(17)}  ${(row.evaluate / row.parse).toFixed(2).padStart(5)}x` +
        `  ${ms(row.materialize).padStart(10)} (${((row.evaluate + row.materialize) / row.parse).toFixed(2)}x)  ${mb(row.heapAfter).padStart(10)}`,
    );
  }
  const largest = rows[rows.length - 1];
  const half = rows.find((r) => r.size * 2 === largest.size)!;
  const ratio = largest.evaluate / largest.parse;
  const scaling = largest.evaluate / half.evaluate;
  console.log('');
  console.log(`targets at ${largest.size} nodes:`);
  console.log(`  evaluatePlacement / JSON.parse = ${ratio.toFixed(2)}x (target <= 0.5x): ${verdict(ratio <= 0.5)}`);
  console.log(`    right after a forced full collection: ${ms(largest.evaluateAfterCollection)} = ${(largest.evaluateAfterCollection / largest.parse).toFixed(2)}x`);
  console.log(`  ${half.size} -> ${largest.size} nodes costs ${scaling.toFixed(2)}x the time (target <= 2.2x): ${verdict(scaling <= 2.2)}`);
  console.log(`  heap ${mb(largest.heapAfter)} with every placement built (target < 1024 MB): ${verdict(largest.heapAfter < 2 ** 30)}`);
  const familyShare = largest.families / largest.evaluate;
  console.log(
    `  variant-family check (${FAMILIES} families of 3, ${largest.familyFindings} findings): ${ms(largest.families)} of evaluatePlacement's ` +
    `${ms(largest.evaluate)} = ${(familyShare * 100).toFixed(1)}%, without it ${ms(largest.evaluate - largest.families)} (target <= 10%): ${verdict(familyShare <= 0.1)}`,
  );

  const cli = measureCliProcesses(syntheticInventoryJson(largest.size), daemonSets);
  if (typeof cli === 'string') {
    console.log(`  everynode place --output json: ${cli}`);
  } else {
    const cliRatio = cli.cli / cli.baseline;
    const peakRatio = cli.cliPeak / cli.baselinePeak;
    console.log(
      `  everynode place --output json: ${ms(cli.cli)} vs node start-up + JSON.parse ${ms(cli.baseline)} = ${cliRatio.toFixed(2)}x (target <= 2x): ${verdict(cliRatio <= 2)}`,
    );
    console.log(`  peak memory ${mb(cli.cliPeak)} vs ${mb(cli.baselinePeak)} = ${peakRatio.toFixed(2)}x (target <= 3x): ${verdict(peakRatio <= 3)}`);
  }
  reportYamlInventory(syntheticInventoryJson(largest.size), daemonSets, path.join(__dirname, '..', 'lib', 'cli', 'bin.js'));

  measureClusters();
}

/** Reports its peak resident memory on exit, to the stderr the benchmark reads. */
const PEAK_MEMORY_PRELOAD = "process.on('exit', () => require('fs').writeSync(2, `\\nmaxRSS=${process.resourceUsage().maxRSS}\\n`));";

/** Wall-clock time and peak memory (bytes) of whole processes, median of CLI_RUNS pairs. */
function measureCliProcesses(text: string, daemonSets: object[]): { cli: number; baseline: number; cliPeak: number; baselinePeak: number } | string {
  const bin = path.join(__dirname, '..', 'lib', 'cli', 'bin.js');
  if (!fs.existsSync(bin)) return `skipped: ${path.relative(process.cwd(), bin)} is missing (run npx projen compile)`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-bench-'));
  const inventory = path.join(dir, 'nodes.json');
  const manifests = path.join(dir, 'daemonsets.json');
  const preload = path.join(dir, 'peak-memory.js');
  fs.writeFileSync(inventory, text);
  fs.writeFileSync(manifests, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: daemonSets }));
  fs.writeFileSync(preload, PEAK_MEMORY_PRELOAD);
  const run = (args: string[]) => {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['-r', preload, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 2 ** 30 });
    const elapsed = performance.now() - start;
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    const peak = /maxRSS=(\d+)/.exec(String(result.stderr));
    return { elapsed, peak: peak ? Number(peak[1]) * 1024 : NaN };
  };
  const cli: Array<{ elapsed: number; peak: number }> = [];
  const baseline: Array<{ elapsed: number; peak: number }> = [];
  try {
    for (let i = 0; i < CLI_RUNS; i++) {
      baseline.push(run(['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(inventory)}, 'utf8'))`]));
      cli.push(run([bin, 'place', '--inventory', inventory, '--output', 'json', manifests]));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    cli: median(cli.map((r) => r.elapsed)),
    baseline: median(baseline.map((r) => r.elapsed)),
    cliPeak: median(cli.map((r) => r.peak)),
    baselinePeak: median(baseline.map((r) => r.peak)),
  };
}

/** Every target on one cluster: in-process ratio, doubling, whole processes and their peak memory. */
function reportCluster(cluster: Cluster): void {
  const largest = SIZES[SIZES.length - 1];
  const daemonSets = cluster.daemonSets(DAEMON_SETS);
  const halfText = cluster.inventoryJson(largest / 2);
  const half = parseAndEvaluate(halfText, daemonSets);
  const text = cluster.inventoryJson(largest);
  const full = parseAndEvaluate(text, daemonSets);
  const ratio = full.evaluate / full.parse;
  const scaling = full.evaluate / half.evaluate;
  console.log(`\n${cluster.name} cluster, ${largest} nodes (${mb(Buffer.byteLength(text))}) x ${DAEMON_SETS} DaemonSets:`);
  console.log(`  evaluatePlacement ${ms(full.evaluate)} / JSON.parse ${ms(full.parse)} = ${ratio.toFixed(2)}x (target <= 0.5x): ${verdict(ratio <= 0.5)}`);
  console.log(`    right after a forced full collection: ${ms(full.evaluateAfterCollection)} = ${(full.evaluateAfterCollection / full.parse).toFixed(2)}x`);
  console.log(`  ${largest / 2} -> ${largest} nodes costs ${scaling.toFixed(2)}x the time (${ms(half.evaluate)} -> ${ms(full.evaluate)}, target <= 2.2x): ${verdict(scaling <= 2.2)}`);
  const cli = measureCliProcesses(text, daemonSets);
  if (typeof cli === 'string') {
    console.log(`  everynode place --output json: ${cli}`);
    return;
  }
  const cliRatio = cli.cli / cli.baseline;
  const peakRatio = cli.cliPeak / cli.baselinePeak;
  console.log(`  everynode place --output json: ${ms(cli.cli)} vs node reading and parsing the inventory ${ms(cli.baseline)} = ${cliRatio.toFixed(2)}x (target <= 2x): ${verdict(cliRatio <= 2)}`);
  console.log(`  peak memory ${mb(cli.cliPeak)} vs ${mb(cli.baselinePeak)} = ${peakRatio.toFixed(2)}x (target <= 3x): ${verdict(peakRatio <= 3)}`);
  reportYamlInventory(text, daemonSets, path.join(__dirname, '..', 'lib', 'cli', 'bin.js'));
}

/**
 * The targets again on inventories whose labels have hundreds of values, selected on node by
 * node: a fixed one, and one drawn at random on every run (its seed printed, to replay it with
 * EVERYNODE_BENCH_SEED).
 */
function measureClusters(): void {
  const seed = Number(process.env.EVERYNODE_BENCH_SEED ?? Math.floor(Math.random() * 2 ** 31));
  for (const cluster of [fixedCluster, randomCluster(seed)]) reportCluster(cluster);
}

main();
