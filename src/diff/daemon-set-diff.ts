import { AdoptedPod, DaemonSetDiff, DiffRollout, LostPod } from './diff-report';
import { NodeMatch } from './node-match';
import { verdictsOf } from './node-verdicts';
import { defaultedPodTemplate } from './pod-template-defaults';
import { canonicalJson } from '../json/canonical-json';
import { JsonObject, objectAt } from '../json/shape';
import { DaemonSetPlacement, RolloutPlan } from '../placement/report';
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

/** What the API server would store of a DaemonSet's intent: labels, annotations and the defaulted spec. */
function storedIntent(manifest: JsonObject, template: JsonObject): string {
  const metadata = objectAt(manifest.metadata) ?? {};
  const annotations = { ...(objectAt(metadata.annotations) ?? {}) } as Record<string, unknown>;
  BOOKKEEPING_ANNOTATIONS.forEach((key) => delete annotations[key]);
  const spec = objectAt(withApiServerDefaults(manifest).spec) ?? {};
  return canonicalJson({ labels: metadata.labels, annotations, spec: { ...spec, template } });
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

/**
 * Pods per round of a rollout, as `rolloutPlan` resolves them: the controller surges when
 * maxSurge > 0 and replaces in place otherwise.
 */
function podsPerWave(plan: RolloutPlan): number {
  if (plan.strategy !== 'RollingUpdate') return 0;
  return plan.maxSurge > 0 ? plan.maxSurge : plan.maxUnavailable;
}

function rollout(plan: RolloutPlan, podsReplaced: number, podsOutdated: number): DiffRollout {
  const perWave = podsPerWave(plan);
  const waves = podsReplaced > 0 && perWave > 0 ? Math.ceil(podsReplaced / perWave) : 0;
  if (plan.strategy !== 'RollingUpdate') return { strategy: 'OnDelete', podsReplaced, waves, podsOutdated };
  return { strategy: plan.strategy, podsReplaced, waves, podsOutdated, maxUnavailable: plan.maxUnavailable, maxSurge: plan.maxSurge };
}

/** A DaemonSet only in the manifests after the change: a pod on every node it selects, at once. */
export function addedDaemonSet(after: DaemonSetSide, nodes: NodeMatch): DaemonSetDiff {
  const verdictAfter = verdictsOf(after.placement);
  const gained = nodes.after.filter((_, a) => verdictAfter(a).shouldRun);
  return {
    namespace: after.placement.namespace,
    name: after.placement.name,
    change: 'added',
    gained,
    lost: [],
    templateChanged: false,
    rollout: rollout(after.placement.rollout, 0, 0),
    selectorChanged: false,
  };
}

/** A DaemonSet only in the manifests before the change: deleting it deletes its pods. */
export function removedDaemonSet(before: DaemonSetSide, nodes: NodeMatch): DaemonSetDiff {
  const verdictBefore = verdictsOf(before.placement);
  const reasons = [{ code: 'DaemonSetRemoved' as const, message: 'the DaemonSet is removed' }];
  const lost = nodes.before.filter((_, b) => verdictBefore(b).shouldRun).map((node) => ({ node, reasons }));
  return {
    namespace: before.placement.namespace,
    name: before.placement.name,
    change: 'removed',
    gained: [],
    lost,
    templateChanged: false,
    rollout: rollout(before.placement.rollout, 0, 0),
    selectorChanged: false,
  };
}

const NODE_REMOVED = [{ code: 'NodeRemoved' as const, message: 'the node is not in the inventory after the change' }];

/**
 * A DaemonSet in the manifests before and after the change. Its pods are taken to be where its
 * controller keeps them before: on the nodes where it should run. Only nodes whose verdict
 * differs, and the nodes that had a pod, are looked at.
 */
export function changedDaemonSet(before: DaemonSetSide, after: DaemonSetSide, nodes: NodeMatch): DaemonSetDiff {
  const verdictBefore = verdictsOf(before.placement);
  const verdictAfter = verdictsOf(after.placement);
  const templateBefore = defaultedPodTemplate(before.manifest);
  const templateAfter = defaultedPodTemplate(after.manifest);
  const templateChanged = canonicalJson(templateBefore) !== canonicalJson(templateAfter);
  const changed = templateChanged || storedIntent(before.manifest, templateBefore) !== storedIntent(after.manifest, templateAfter);
  const selectorChanged = changed && selectorRejected(before.manifest, after.manifest);
  const plan = after.placement.rollout;
  const replacesOnChange = templateChanged && plan.strategy === 'RollingUpdate';

  const gained: string[] = [];
  for (let a = 0; a < nodes.after.length; a++) {
    if (!verdictAfter(a).shouldRun) continue;
    const b = nodes.beforeIndex(a);
    if (b < 0 || !verdictBefore(b).shouldRun) gained.push(nodes.after[a]);
  }

  // With a changed selector, the pods reach the new DaemonSet only by adoption after
  // `--cascade=orphan`; a selector that does not claim them leaves them to no controller.
  const adopts = !selectorChanged || selectorClaims(objectAt(after.manifest.spec)?.selector, objectAt(templateBefore.metadata)?.labels);
  const lost: LostPod[] = [];
  const adoptedPods: AdoptedPod[] = [];
  const orphanedPods: string[] = [];
  let podsReplaced = 0;
  let podsOutdated = 0;
  for (let b = 0; b < nodes.before.length; b++) {
    if (!verdictBefore(b).shouldRun) continue;
    const node = nodes.before[b];
    const a = nodes.afterIndex(b);
    if (a < 0) {
      lost.push({ node, reasons: NODE_REMOVED });
      continue;
    }
    if (!adopts) orphanedPods.push(node);
    const verdict = verdictAfter(a);
    // A pod stays while the node fits and its untolerated taints are NoSchedule only, but a
    // rollout that deletes it creates no new one where the DaemonSet should not run.
    const goes = !verdict.shouldContinueRunning || (!verdict.shouldRun && replacesOnChange);
    if (goes) lost.push({ node, reasons: verdict.reasons });
    if (!adopts) continue;
    const fate = goes ? 'deleted' : replacesOnChange ? 'replaced' : 'kept';
    if (fate === 'replaced') podsReplaced++;
    if (fate === 'kept' && templateChanged) podsOutdated++;
    if (selectorChanged) adoptedPods.push({ node, fate });
  }

  return {
    namespace: after.placement.namespace,
    name: after.placement.name,
    change: changed ? 'changed' : 'unchanged',
    gained,
    lost,
    templateChanged,
    rollout: rollout(plan, podsReplaced, podsOutdated),
    selectorChanged,
    ...(selectorChanged && adopts ? { adoptedPods } : {}),
    ...(selectorChanged && !adopts ? { orphanedPods } : {}),
  };
}
