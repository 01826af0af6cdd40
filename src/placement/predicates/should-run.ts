import { DaemonSetView } from '../daemon-set-view';
import { NodeView } from '../node-view';
import { PlacementReason } from '../report';
import { nodeSelectorMismatches } from './node-selector';
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
  const reasons: PlacementReason[] = [];
  if (daemonSet.templateNodeName !== '' && daemonSet.templateNodeName !== node.name) {
    reasons.push({ code: 'NodeNameMismatch', message: `template nodeName is '${daemonSet.templateNodeName}'` });
  }
  reasons.push(...nodeSelectorMismatches(daemonSet.nodeSelector, node));
  if (daemonSet.requiredTerms) {
    const mismatch = requiredNodeAffinityMismatch(daemonSet.requiredTerms, node);
    if (mismatch) reasons.push(mismatch);
  }
  const fitsNode = reasons.length === 0;
  const untolerated = node.taints.length > 0 ? untoleratedTaints(node.taints, daemonSet.tolerations, blocksScheduling) : [];
  if (fitsNode && untolerated.length === 0) return RUNS;
  reasons.push(...untolerated.map(untoleratedTaintReason));
  return {
    shouldRun: reasons.length === 0,
    shouldContinueRunning: fitsNode && untolerated.every((taint) => taint.effect !== 'NoExecute'),
    reasons,
  };
}
