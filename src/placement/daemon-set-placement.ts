import { JsonObject } from '../json/shape';
import { checkDaemonSet } from '../validation';
import { DaemonSetView } from './daemon-set-view';
import { attachVerdictTable, definePlacements } from './lazy-placements';
import { Advisory, DaemonSetPlacement } from './report';
import { rolloutPlan } from './rollout-plan';
import { VerdictTable } from './verdict-table';

/**
 * How many nodes have each verdict of an indexed table. DaemonSets evaluated per node class
 * share one index, so the inventory is counted once for all of them, not once per DaemonSet.
 */
const nodesPerVerdictOf = new WeakMap<Int32Array, Int32Array>();

function nodesPerVerdict(indexOf: Int32Array, verdictCount: number): Int32Array {
  let counts = nodesPerVerdictOf.get(indexOf);
  if (!counts || counts.length < verdictCount) {
    counts = new Int32Array(verdictCount);
    for (let i = 0; i < indexOf.length; i++) counts[indexOf[i]]++;
    nodesPerVerdictOf.set(indexOf, counts);
  }
  return counts;
}

/** How many nodes get a pod. */
function countShouldRun(table: VerdictTable): number {
  if (!table.indexOf) return table.verdicts.filter((v) => v.shouldRun).length;
  const counts = nodesPerVerdict(table.indexOf, table.verdicts.length);
  return table.verdicts.reduce((count, verdict, v) => count + (verdict.shouldRun ? counts[v] : 0), 0);
}

/** The report entry of one DaemonSet, its `placements` built when first read (`definePlacements`). */
export function daemonSetPlacement(
  manifest: JsonObject,
  view: DaemonSetView,
  table: VerdictTable,
  nodeNames: readonly string[],
  advisories: readonly Advisory[],
): DaemonSetPlacement {
  const desiredNumberScheduled = countShouldRun(table);

  const entry = { namespace: view.namespace, name: view.name } as Record<string | symbol, unknown>;
  definePlacements(entry, table, nodeNames);
  entry.desiredNumberScheduled = desiredNumberScheduled;
  entry.rollout = rolloutPlan(manifest, desiredNumberScheduled);
  entry.advisories = advisories;
  const { errors, warnings } = checkDaemonSet(manifest);
  entry.errors = errors;
  entry.warnings = warnings;
  attachVerdictTable(entry, table);
  return entry as unknown as DaemonSetPlacement;
}
