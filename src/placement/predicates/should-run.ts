import { DaemonSetView } from '../daemon-set-view';
import { NodeView, Taint } from '../node-view';
import { PlacementReason } from '../report';
import { nodeSelectorMismatches } from './node-selector';
import { placementReason, ReasonText } from './reason-text';
import { requiredNodeAffinityMismatch } from './required-node-affinity';
import { blocksScheduling, untoleratedTaintReason, untoleratedTaints } from './taint-toleration';

/** The controller's verdict for one DaemonSet on one node, with every reason it fails. */
export interface Verdict {
  readonly shouldRun: boolean;
  readonly shouldContinueRunning: boolean;
  readonly reasons: readonly PlacementReason[];
}

/** Most nodes run most daemons: one frozen verdict serves them all. */
const RUNS: Verdict = Object.freeze({ shouldRun: true, shouldContinueRunning: true, reasons: Object.freeze([]) as readonly PlacementReason[] });

/**
 * Mirrors `NodeShouldRunDaemonPod` in pkg/controller/daemon/daemon_controller.go:
 * - a template nodeName for another node, or a node selector / required affinity mismatch:
 *   no pod, and a running one goes;
 * - an untolerated NoSchedule or NoExecute taint: no new pod; a running pod stays unless one of
 *   the untolerated taints is NoExecute.
 * Upstream stops at the first failure; the reasons list them all.
 */
export function shouldRunDaemonPod(daemonSet: DaemonSetView, node: NodeView): Verdict {
  return joinVerdict(fitReasons(daemonSet, node), untoleratedBy(daemonSet, node.taints));
}

/**
 * The half of the verdict that reads the node's name and labels (`predicates`' nodeName and
 * `nodeaffinity.GetRequiredNodeAffinity(pod).Match`): why the pod does not fit, empty when it does.
 */
export function fitReasons(daemonSet: DaemonSetView, node: NodeView): PlacementReason[] {
  return fitReasonTexts(daemonSet, node).map(placementReason);
}

/** `fitReasons`, each message kept as the text around the node values it prints. */
export function fitReasonTexts(daemonSet: DaemonSetView, node: NodeView): ReasonText[] {
  const reasons: ReasonText[] = [];
  if (daemonSet.templateNodeName !== '' && daemonSet.templateNodeName !== node.name) {
    reasons.push({ code: 'NodeNameMismatch', parts: [`template nodeName is '${daemonSet.templateNodeName}'`] });
  }
  reasons.push(...nodeSelectorMismatches(daemonSet.nodeSelector, node));
  if (daemonSet.requiredTerms) {
    const mismatch = requiredNodeAffinityMismatch(daemonSet.requiredTerms, node);
    if (mismatch) reasons.push(mismatch);
  }
  return reasons;
}

/** The half of the verdict that reads the node's taints: those the daemon pod does not tolerate. */
export function untoleratedBy(daemonSet: DaemonSetView, taints: readonly Taint[]): readonly Taint[] {
  return taints.length > 0 ? untoleratedTaints(taints, daemonSet.tolerations, blocksScheduling) : NONE;
}

const NONE: readonly Taint[] = Object.freeze([]);

/**
 * The verdict of a node with the given fit reasons and untolerated taints.
 * @param untoleratedReasons the taints' reasons, where the caller has them already; the verdict
 *   may share either list of reasons when the other is empty
 */
export function joinVerdict(
  fit: readonly PlacementReason[],
  untolerated: readonly Taint[],
  untoleratedReasons: readonly PlacementReason[] = untolerated.map(untoleratedTaintReason),
): Verdict {
  if (fit.length === 0 && untolerated.length === 0) return RUNS;
  return {
    shouldRun: false,
    shouldContinueRunning: fit.length === 0 && untolerated.every((taint) => taint.effect !== 'NoExecute'),
    reasons: fit.length === 0 ? untoleratedReasons : untolerated.length === 0 ? fit : [...fit, ...untoleratedReasons],
  };
}
