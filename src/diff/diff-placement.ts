import { addedDaemonSet, changedDaemonSet, DaemonSetSide, removedDaemonSet } from './daemon-set-diff';
import { DaemonSetDiff, PlacementDiff } from './diff-report';
import { matchNodes } from './node-match';
import { InputError, isKind, kubernetesObjects, namespaceOf } from '../input';
import { JsonObject, objectAt, stringAt } from '../json/shape';
import { evaluatePlacement } from '../placement/evaluate-placement';
import { PlacementReport } from '../placement/report';

/** `namespace/name`, what a DaemonSet is matched by across the change. */
function idOf(manifest: JsonObject): string {
  const metadata = objectAt(manifest.metadata);
  return `${namespaceOf(metadata)}/${stringAt(metadata?.name) ?? ''}`;
}

/**
 * The DaemonSets of one side, by namespace/name.
 * @throws InputError when one is defined twice: which of the two is meant cannot be known
 */
function daemonSetsOf(manifests: unknown, side: string): JsonObject[] {
  const seen = new Set<string>();
  const daemonSets = kubernetesObjects(manifests).filter((object) => isKind(object, 'DaemonSet'));
  for (const daemonSet of daemonSets) {
    const id = idOf(daemonSet);
    if (seen.has(id)) throw new InputError(`DaemonSet ${id} is defined twice in the manifests ${side} the change`);
    seen.add(id);
  }
  return daemonSets;
}

/** Each DaemonSet of a side with its report entry, by namespace/name (a Map: names are untrusted input). */
function sides(daemonSets: readonly JsonObject[], report: PlacementReport): Map<string, DaemonSetSide> {
  const entries = report.daemonSets.filter((entry) => (entry as { kind?: unknown }).kind === undefined || (entry as { kind?: unknown }).kind === 'DaemonSet');
  return new Map(daemonSets.map((manifest, i) => [idOf(manifest), { manifest, placement: entries[i] }]));
}

/**
 * Says what a change of DaemonSet manifests, and of the nodes, does to the cluster: for every
 * DaemonSet (matched by namespace/name) the nodes that gain a daemon pod, the nodes that lose
 * theirs and why (as `evaluatePlacement` gives the reasons), whether the pod template changed and
 * how many pods its rollout replaces in how many waves, and, when `spec.selector` changed (which
 * the API server rejects), which old pods a DaemonSet created anew would adopt.
 *
 * Both sides are evaluated with `evaluatePlacement`; the comparison then reads only their verdicts.
 * The pods before the change are taken to be where the controller puts them: on the nodes where
 * the DaemonSet should run.
 *
 * @param before parsed Kubernetes objects as released (DaemonSets are compared, other kinds ignored)
 * @param after the same objects with the change
 * @param nodes parsed v1 Node objects (`loadInventory`), a `List` / `NodeList`, or an array
 * @param nodesAfter the nodes after the change, matched to `nodes` by name; `nodes` when omitted
 * @throws InputError when a DaemonSet is defined twice on one side, or a Node is malformed
 */
export function diffPlacement(before: unknown, after: unknown, nodes: unknown, nodesAfter?: unknown): PlacementDiff {
  const beforeSets = daemonSetsOf(before, 'before');
  const afterSets = daemonSetsOf(after, 'after');
  const beforeReport = evaluatePlacement(beforeSets, nodes);
  const afterReport = evaluatePlacement(afterSets, nodesAfter ?? nodes);
  const match = matchNodes(beforeReport.nodes, afterReport.nodes);
  const beforeById = sides(beforeSets, beforeReport);
  const afterById = sides(afterSets, afterReport);

  const daemonSets: DaemonSetDiff[] = [];
  for (const [id, afterSide] of afterById) {
    const beforeSide = beforeById.get(id);
    daemonSets.push(beforeSide ? changedDaemonSet(beforeSide, afterSide, match) : addedDaemonSet(afterSide, match));
  }
  for (const [id, beforeSide] of beforeById) {
    if (!afterById.has(id)) daemonSets.push(removedDaemonSet(beforeSide, match));
  }
  return { daemonSets };
}
