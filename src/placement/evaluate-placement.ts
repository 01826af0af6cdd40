import { JsonObject } from '../json/shape';
import { validateDaemonSet } from '../validation';
import { hostPortFindings, NodeFinding, PodFootprint, podFootprint, resourceFindings, summedRequests } from './advisories';
import { DaemonSetView, daemonSetView } from './daemon-set-view';
import { InputError } from '../input/input-error';
import { isKind, kubernetesObjects } from './kubernetes-objects';
import { nodeClasses } from './node-classes';
import { NodeView, nodeView } from './node-view';
import { shouldRunDaemonPod, Verdict } from './predicates/should-run';
import { Advisory, DaemonSetPlacement, NodePlacement, PlacementReport } from './report';
import { rolloutPlan } from './rollout-plan';

/** The nodes of an inventory, in order; a Node without a name is an input error. */
export function nodeViewsOf(nodes: unknown): NodeView[] {
  return kubernetesObjects(nodes)
    .filter((object) => isKind(object, 'Node'))
    .map((object, i) => {
      const view = nodeView(object);
      if (view.name === '') throw new InputError(`Node #${i + 1} has no metadata.name`);
      return view;
    });
}

/** The verdicts of one DaemonSet, by node index. */
type VerdictLookup = (nodeIndex: number) => Verdict;

/**
 * Says, for every DaemonSet in `manifests` and every node in `nodes`, whether the DaemonSet
 * controller runs a daemon pod there and why not — as `NodeShouldRunDaemonPod` decides — with
 * the rollout resolved as the controller resolves it and advisories for what the scheduler
 * would then leave Pending.
 *
 * @param manifests parsed Kubernetes objects; DaemonSets are evaluated, other kinds ignored, `List`s unwrapped
 * @param nodes parsed v1 Node objects, a `List` / `NodeList` (`kubectl get nodes -o json`) or an array
 * @throws InputError when a Node has no name
 */
export function evaluatePlacement(manifests: unknown, nodes: unknown): PlacementReport {
  const inventory = nodeViewsOf(nodes);
  const daemonSets = kubernetesObjects(manifests).filter((object) => isKind(object, 'DaemonSet'));
  const views = daemonSets.map(daemonSetView);

  const classKeys = new Set<string>();
  for (const view of views) if (!view.dependsOnNodeName) view.labelKeys.forEach((key) => classKeys.add(key));
  const { classOf, representatives } = nodeClasses(inventory, [...classKeys].sort());

  const lookups: VerdictLookup[] = views.map((view) => {
    if (view.dependsOnNodeName) {
      const verdicts = inventory.map((node) => shouldRunDaemonPod(view, node));
      return (i) => verdicts[i];
    }
    const verdicts = representatives.map((node) => shouldRunDaemonPod(view, node));
    return (i) => verdicts[classOf[i]];
  });

  const advisories = advisoriesByDaemonSet(views, lookups, inventory, classOf, representatives.length);
  return {
    nodes: inventory.map((node) => node.name),
    daemonSets: daemonSets.map((manifest, d) =>
      daemonSetPlacement(manifest, views[d], lookups[d], inventory, advisories[d]),
    ),
  };
}

function daemonSetPlacement(
  manifest: JsonObject,
  view: DaemonSetView,
  verdictOf: VerdictLookup,
  inventory: readonly NodeView[],
  advisories: Advisory[],
): DaemonSetPlacement {
  const placements: NodePlacement[] = new Array(inventory.length);
  let desiredNumberScheduled = 0;
  for (let i = 0; i < inventory.length; i++) {
    const verdict = verdictOf(i);
    if (verdict.shouldRun) desiredNumberScheduled++;
    placements[i] = {
      node: inventory[i].name,
      shouldRun: verdict.shouldRun,
      shouldContinueRunning: verdict.shouldContinueRunning,
      reasons: verdict.reasons,
    };
  }
  return {
    namespace: view.namespace,
    name: view.name,
    placements,
    desiredNumberScheduled,
    rollout: rolloutPlan(manifest, desiredNumberScheduled),
    advisories,
    errors: validateDaemonSet(manifest),
  };
}

/**
 * Advisories need, per node, the DaemonSets placed there. Nodes of one class get the same
 * class-based DaemonSets, so their sums and port clashes are computed once per class; only the
 * DaemonSets that depend on the node's name are looked at node by node.
 */
function advisoriesByDaemonSet(
  views: readonly DaemonSetView[],
  lookups: readonly VerdictLookup[],
  inventory: readonly NodeView[],
  classOf: Int32Array,
  classCount: number,
): Advisory[][] {
  const footprints: PodFootprint[] = views.map(podFootprint);
  const byDaemonSet: Advisory[][] = views.map(() => []);
  const classBased = views.map((_, d) => d).filter((d) => !views[d].dependsOnNodeName);
  const nameBased = views.map((_, d) => d).filter((d) => views[d].dependsOnNodeName);

  const classPlacement: Array<{ placed: number[]; sums: Map<string, number>; ports: NodeFinding[] } | undefined> =
    new Array(classCount);
  const placementOfClass = (c: number, node: number) => {
    let cached = classPlacement[c];
    if (!cached) {
      const placed = classBased.filter((d) => lookups[d](node).shouldRun);
      cached = { placed, sums: summedRequests(placed, footprints), ports: hostPortFindings(placed, footprints) };
      classPlacement[c] = cached;
    }
    return cached;
  };

  for (let i = 0; i < inventory.length; i++) {
    const node = inventory[i];
    let { placed, sums, ports } = placementOfClass(classOf[i], i);
    const extra = nameBased.filter((d) => lookups[d](i).shouldRun);
    if (extra.length > 0) {
      placed = [...placed, ...extra];
      sums = summedRequests(placed, footprints);
      ports = hostPortFindings(placed, footprints);
    }
    for (const finding of [...resourceFindings(node, placed, sums, footprints), ...ports]) {
      byDaemonSet[finding.daemonSet].push({ code: finding.code, node: node.name, message: finding.message });
    }
  }
  return byDaemonSet;
}
