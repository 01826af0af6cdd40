import { AdoptedPod, DaemonSetDiff, DiffRollout, LostPod } from './diff-report';
import { NodeMatch } from './node-match';
import { NodeVerdicts, nodeVerdictsOf } from './node-verdicts';
import { defaultedPodTemplate } from './pod-template-defaults';
import { joinedNodes, verdictPairs } from './verdict-pairs';
import { canonicalJson } from '../json/canonical-json';
import { JsonObject, objectAt } from '../json/shape';
import { DaemonSetPlacement, RolloutPlan } from '../placement/report';
import { podsPerWave } from '../placement/rollout-plan';
import { validateDaemonSet, withApiServerDefaults } from '../validation';
import { FieldPath } from '../validation/field-error';
import { labelSelectorMatches, validateLabelSelector } from '../validation/label-selector';

/** One DaemonSet on one side of the change: its manifest and its entry in that side's report. */
export interface DaemonSetSide {
  readonly manifest: JsonObject;
  readonly placement: DaemonSetPlacement;
}

/** Annotations that record how an object was applied, not what it asks for. */
const BOOKKEEPING_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'deprecated.daemonset.template.generation'];

/**
 * What the API server would store of a DaemonSet's intent, in canonical form: its pod template
 * (what the controller hashes to tell old pods from new), and the rest (labels, annotations, the
 * defaulted spec).
 */
function storedIntent(manifest: JsonObject): { readonly template: string; readonly rest: string } {
  const metadata = objectAt(manifest.metadata) ?? {};
  const annotations = { ...(objectAt(metadata.annotations) ?? {}) } as Record<string, unknown>;
  BOOKKEEPING_ANNOTATIONS.forEach((key) => delete annotations[key]);
  const spec = objectAt(withApiServerDefaults(manifest).spec) ?? {};
  return {
    template: canonicalJson(defaultedPodTemplate(manifest)),
    rest: canonicalJson({ labels: metadata.labels, annotations, spec: { ...spec, template: undefined } }),
  };
}

/**
 * Whether the API server refuses `after` as an update of `before` because `spec.selector`
 * changed: the rule `everynode validate --previous` applies (`ValidateDaemonSetUpdate` and the
 * apps/v1 registry strategy's immutable selector).
 */
function selectorRejected(before: JsonObject, after: JsonObject): boolean {
  // The full check runs only where the selector is written differently: validating every
  // DaemonSet again would cost as much as the checks of a whole evaluation.
  if (canonicalJson(objectAt(before.spec)?.selector) === canonicalJson(objectAt(after.spec)?.selector)) return false;
  return validateDaemonSet(after, before).some((error) => error.field === 'spec.selector' && error.message === 'field is immutable');
}

/** Whether a selector, as the controller reads it, claims pods with these labels. */
function selectorClaims(selector: unknown, labels: unknown): boolean {
  const object = objectAt(selector);
  // A missing selector, or one that does not parse, claims no pods.
  if (!object || validateLabelSelector(object, FieldPath.root('selector')).length > 0) return false;
  return labelSelectorMatches(object, labels);
}

function rollout(plan: RolloutPlan, podsReplaced: number, podsOutdated: number): DiffRollout {
  const perWave = podsPerWave(plan);
  const waves = podsReplaced > 0 && perWave > 0 ? Math.ceil(podsReplaced / perWave) : 0;
  if (plan.strategy !== 'RollingUpdate') return { strategy: 'OnDelete', podsReplaced, waves, podsOutdated };
  return { strategy: plan.strategy, podsReplaced, waves, podsOutdated, maxUnavailable: plan.maxUnavailable, maxSurge: plan.maxSurge };
}

/** The verdict index of node `i`: `indexOf[i]`, or `i` itself when every node has a verdict of its own. */
function at(indexOf: Int32Array | undefined, i: number): number {
  return indexOf === undefined ? i : indexOf[i];
}

/** The names of the nodes whose verdict says the controller creates a pod there. */
function nodesThatRun(names: readonly string[], verdicts: NodeVerdicts): string[] {
  const { indexOf, shouldRun } = verdicts;
  const running: string[] = [];
  for (let i = 0; i < names.length; i++) if (shouldRun[at(indexOf, i)] === 1) running.push(names[i]);
  return running;
}

/** A DaemonSet only in the manifests after the change: a pod on every node it selects, at once. */
export function addedDaemonSet(after: DaemonSetSide, nodes: NodeMatch): DaemonSetDiff {
  return {
    namespace: after.placement.namespace,
    name: after.placement.name,
    change: 'added',
    gained: nodesThatRun(nodes.after, nodeVerdictsOf(after.placement)),
    lost: [],
    templateChanged: false,
    rollout: rollout(after.placement.rollout, 0, 0),
    selectorChanged: false,
  };
}

/** A DaemonSet only in the manifests before the change: deleting it deletes its pods. */
export function removedDaemonSet(before: DaemonSetSide, nodes: NodeMatch): DaemonSetDiff {
  const reasons = [{ code: 'DaemonSetRemoved' as const, message: 'the DaemonSet is removed' }];
  return {
    namespace: before.placement.namespace,
    name: before.placement.name,
    change: 'removed',
    gained: [],
    lost: nodesThatRun(nodes.before, nodeVerdictsOf(before.placement)).map((node) => ({ node, reasons })),
    templateChanged: false,
    rollout: rollout(before.placement.rollout, 0, 0),
    selectorChanged: false,
  };
}

const NODE_REMOVED = [{ code: 'NodeRemoved' as const, message: 'the node is not in the inventory after the change' }];

/** Nodes that run the DaemonSet after the change and did not before, in inventory order after. */
function gainedNodes(nodes: NodeMatch, before: NodeVerdicts, after: NodeVerdicts): string[] {
  const { beforeIndex, afterIndex } = nodes;
  if (!before.indexOf || !after.indexOf) {
    const gained: string[] = [];
    for (let a = 0; a < nodes.after.length; a++) {
      if (after.shouldRun[at(after.indexOf, a)] !== 1) continue;
      const b = beforeIndex === undefined ? a : beforeIndex[a];
      if (b < 0 || before.shouldRun[at(before.indexOf, b)] !== 1) gained.push(nodes.after[a]);
    }
    return gained;
  }
  // Decided once per pair of verdicts; only the nodes that gain are listed.
  const gainedAt: number[] = [];
  const pairs = verdictPairs(nodes, before.indexOf, after.indexOf);
  for (let p = 0; p < pairs.nodes.length; p++) {
    const va = pairs.after[p];
    if (va < 0 || after.shouldRun[va] !== 1 || before.shouldRun[pairs.before[p]] === 1) continue;
    for (const b of pairs.nodes[p]) gainedAt.push(afterIndex === undefined ? b : afterIndex[b]);
  }
  for (const a of joinedNodes(nodes)) if (after.shouldRun[after.indexOf[a]] === 1) gainedAt.push(a);
  return gainedAt.sort((x, y) => x - y).map((a) => nodes.after[a]);
}

/**
 * `items` by node index, sorted as numbers: a change can lose tens of thousands of pods, and a
 * comparator called for every comparison of objects costs several times more.
 */
function inNodeOrder<T extends { readonly b: number }>(items: readonly T[]): T[] {
  const count = items.length;
  let sorted = true;
  for (let k = 1; k < count && sorted; k++) sorted = items[k - 1].b <= items[k].b;
  if (sorted) return [...items];
  // Each key holds the node and, below it, the item's place: exact doubles for any real inventory.
  const keys = new Float64Array(count);
  for (let k = 0; k < count; k++) keys[k] = items[k].b * count + k;
  keys.sort();
  const ordered = new Array<T>(count);
  for (let k = 0; k < count; k++) ordered[k] = items[keys[k] % count];
  return ordered;
}

/**
 * A DaemonSet in the manifests before and after the change. Its pods are taken to be where its
 * controller keeps them before: on the nodes where it should run. The nodes are compared by
 * their verdicts' flags; a verdict's reasons are read only for the nodes that lose their pod.
 */
export function changedDaemonSet(before: DaemonSetSide, after: DaemonSetSide, nodes: NodeMatch): DaemonSetDiff {
  // Most DaemonSets of a change are written the same on both sides: their stored intent is the
  // same without being put in canonical form.
  const sameText = JSON.stringify(before.manifest) === JSON.stringify(after.manifest);
  const intentBefore = sameText ? undefined : storedIntent(before.manifest);
  const intentAfter = sameText ? undefined : storedIntent(after.manifest);
  const templateChanged = intentBefore?.template !== intentAfter?.template;
  const changed = templateChanged || intentBefore?.rest !== intentAfter?.rest;
  const selectorChanged = changed && selectorRejected(before.manifest, after.manifest);
  const plan = after.placement.rollout;
  const replacesOnChange = templateChanged && plan.strategy === 'RollingUpdate';
  const verdictsBefore = nodeVerdictsOf(before.placement);
  const verdictsAfter = nodeVerdictsOf(after.placement);

  // With a changed selector, the pods reach the new DaemonSet only by adoption after
  // `--cascade=orphan`; a selector that does not claim them leaves them to no controller.
  const oldPodLabels = objectAt(objectAt(objectAt(before.manifest.spec)?.template)?.metadata)?.labels;
  const adopts = !selectorChanged || selectorClaims(objectAt(after.manifest.spec)?.selector, oldPodLabels);
  // Nodes listed by index before, sorted at the end: pairs of verdicts are visited in any order.
  const lostAt: Array<{ readonly b: number; readonly reasons: LostPod['reasons'] }> = [];
  const adoptedAt: Array<{ readonly b: number; readonly fate: AdoptedPod['fate'] }> = [];
  const orphanedAt: number[] = [];
  let podsReplaced = 0;
  let podsOutdated = 0;
  const reasonsAfter: Array<LostPod['reasons'] | undefined> = [];
  // Nodes whose verdicts before and after are `vb` and `v` (-1: the node left) fare alike.
  const visit = (vb: number, v: number, members: ArrayLike<number>) => {
    if (verdictsBefore.shouldRun[vb] !== 1) return;
    if (v < 0) {
      for (let k = 0; k < members.length; k++) lostAt.push({ b: members[k], reasons: NODE_REMOVED });
      return;
    }
    if (!adopts) for (let k = 0; k < members.length; k++) orphanedAt.push(members[k]);
    // A pod stays while the node fits and its untolerated taints are NoSchedule only, but a
    // rollout that deletes it creates no new one where the DaemonSet should not run.
    const goes = verdictsAfter.shouldContinueRunning[v] !== 1 || (verdictsAfter.shouldRun[v] !== 1 && replacesOnChange);
    if (goes) {
      // A node-by-node verdict builds its reasons on every read, and many nodes share it.
      const reasons = (reasonsAfter[v] ??= verdictsAfter.verdicts[v].reasons);
      for (let k = 0; k < members.length; k++) lostAt.push({ b: members[k], reasons });
    }
    if (!adopts) return;
    const fate = goes ? 'deleted' : replacesOnChange ? 'replaced' : 'kept';
    if (fate === 'replaced') podsReplaced += members.length;
    if (fate === 'kept' && templateChanged) podsOutdated += members.length;
    if (selectorChanged) for (let k = 0; k < members.length; k++) adoptedAt.push({ b: members[k], fate });
  };
  if (verdictsBefore.indexOf && verdictsAfter.indexOf) {
    const pairs = verdictPairs(nodes, verdictsBefore.indexOf, verdictsAfter.indexOf);
    for (let p = 0; p < pairs.nodes.length; p++) visit(pairs.before[p], pairs.after[p], pairs.nodes[p]);
  } else {
    const { afterIndex } = nodes;
    const one = [0];
    for (let b = 0; b < nodes.before.length; b++) {
      const a = afterIndex === undefined ? b : afterIndex[b];
      one[0] = b;
      visit(at(verdictsBefore.indexOf, b), a < 0 ? -1 : at(verdictsAfter.indexOf, a), one);
    }
  }
  const lost: LostPod[] = inNodeOrder(lostAt).map(({ b, reasons }) => ({ node: nodes.before[b], reasons }));
  const adoptedPods: AdoptedPod[] = inNodeOrder(adoptedAt).map(({ b, fate }) => ({ node: nodes.before[b], fate }));
  const orphanedPods = orphanedAt.sort((x, y) => x - y).map((b) => nodes.before[b]);

  return {
    namespace: after.placement.namespace,
    name: after.placement.name,
    change: changed ? 'changed' : 'unchanged',
    gained: gainedNodes(nodes, verdictsBefore, verdictsAfter),
    lost,
    templateChanged,
    rollout: rollout(plan, podsReplaced, podsOutdated),
    selectorChanged,
    ...(selectorChanged && adopts ? { adoptedPods } : {}),
    ...(selectorChanged && !adopts ? { orphanedPods } : {}),
  };
}
