/*
 * What `everynode diff` costs beyond the two evaluations it is made of: diffPlacement of two
 * 15,000-node inventories x 100 DaemonSets before and after a change, against evaluatePlacement
 * of the same two sides, interleaved in one process so that a noisy machine moves both.
 *
 * The change: every DaemonSet gets a new image (every pod template changes), every tenth a
 * narrower node filter, one family variant a narrower selector (the orphan-and-recreate path);
 * on the nodes, one in twenty gets an untolerated NoExecute taint, and 150 are replaced by
 * new ones. Target: diffPlacement <= 1.2x the two evaluatePlacement runs.
 *
 * Runs against the compiled library: `npx tsc -p tsconfig.json` first.
 */
import { collectGarbage, median, time } from './measure';
import { syntheticDaemonSets, syntheticInventoryJson } from './synthetic-cluster';
// The compiled library, as users run it.
// eslint-disable-next-line import/no-unresolved
import { diffPlacement, evaluatePlacement } from '../lib';

const NODES = 15_000;
const DAEMON_SETS = 100;
// Fifteen: a run right after a forced collection varies by a tenth from one to the next.
const RUNS = 15;
const TARGET = 1.2;
const REPLACED_NODES = 150;

type Json = any;


/** The inventory after the change: maintenance taints on one node in twenty, the last nodes replaced. */
function changedInventory(text: string): Json {
  const inventory = JSON.parse(text);
  inventory.items.forEach((node: Json, i: number) => {
    if (i % 20 !== 0) return;
    node.spec.taints = [...(node.spec.taints ?? []), { key: 'maintenance', value: 'true', effect: 'NoExecute' }];
  });
  for (const node of inventory.items.slice(-REPLACED_NODES)) {
    node.metadata.name = `replacement-${node.metadata.name}`;
    node.metadata.labels['kubernetes.io/hostname'] = node.metadata.name;
  }
  return inventory;
}

/** The DaemonSets after the change. */
function changedDaemonSets(before: object[]): Json[] {
  const after: Json[] = JSON.parse(JSON.stringify(before));
  after.forEach((daemonSet, d) => {
    const podSpec = daemonSet.spec.template.spec;
    podSpec.containers[0].image = `${podSpec.containers[0].image}-next`;
    if (d % 10 === 0) podSpec.nodeSelector = { ...podSpec.nodeSelector, 'kubernetes.io/arch': 'amd64' };
  });
  const variant = after.find((daemonSet) => daemonSet.spec.selector.matchLabels?.['everynode.io/variant']);
  if (variant) delete variant.spec.selector.matchLabels['everynode.io/variant'];
  return after;
}

function main(): void {
  if (!(globalThis as { gc?: unknown }).gc) console.log('(run with node --expose-gc for steadier figures)\n');
  const text = syntheticInventoryJson(NODES);
  const before = syntheticDaemonSets(DAEMON_SETS);
  const after = changedDaemonSets(before);
  const nodesBefore = JSON.parse(text);
  const nodesAfter = changedInventory(text);

  const evaluateBoth = () => {
    evaluatePlacement(before, nodesBefore);
    evaluatePlacement(after, nodesAfter);
  };
  let diff = diffPlacement(before, after, nodesBefore, nodesAfter);
  evaluateBoth(); // warm-up: let the JIT see both paths before timing

  const evaluateTimes: number[] = [];
  const diffTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    collectGarbage();
    evaluateTimes.push(time(evaluateBoth));
    collectGarbage();
    diffTimes.push(time(() => { diff = diffPlacement(before, after, nodesBefore, nodesAfter); }));
  }

  const evaluate = median(evaluateTimes);
  const diffing = median(diffTimes);
  const ratio = diffing / evaluate;
  const sum = (pick: (d: (typeof diff.daemonSets)[number]) => number) => diff.daemonSets.reduce((n, d) => n + pick(d), 0);
  console.log(`everynode diff, ${NODES} nodes x ${DAEMON_SETS} DaemonSets before and after, median of ${RUNS} runs`);
  console.log(
    `  the change: ${sum((d) => d.gained.length)} pods gained, ${sum((d) => d.lost.length)} lost, ` +
    `${sum((d) => d.rollout.podsReplaced)} replaced, ${sum((d) => (d.selectorChanged ? 1 : 0))} selector changed`,
  );
  console.log(`  diffPlacement ${diffing.toFixed(1)} ms / two evaluatePlacement runs ${evaluate.toFixed(1)} ms = ${ratio.toFixed(2)}x` +
    ` (target <= ${TARGET}x): ${ratio <= TARGET ? 'met' : 'MISSED'}`);
}

main();
