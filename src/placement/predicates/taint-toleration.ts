import { describeTaint, Taint } from '../node-view';
import { PlacementReason } from '../report';

/** A toleration as the controller reads it: missing strings are "". */
export interface Toleration {
  readonly key: string;
  readonly operator: string;
  readonly value: string;
  readonly effect: string;
}

/** Mirrors `Toleration.ToleratesTaint` in k8s.io/api/core/v1/toleration.go. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect !== '' && toleration.effect !== taint.effect) return false;
  if (toleration.key !== '' && toleration.key !== taint.key) return false;
  switch (toleration.operator) {
    case '':
    case 'Equal':
      return toleration.value === taint.value;
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** The effects the DaemonSet controller's `predicates` look at: PreferNoSchedule never blocks. */
export function blocksScheduling(taint: Taint): boolean {
  return taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';
}

/**
 * Every taint the tolerations do not tolerate, among those `filter` selects: the full list behind
 * component-helpers `FindMatchingUntoleratedTaint`, which stops at the first.
 */
export function untoleratedTaints(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  filter: (taint: Taint) => boolean,
): Taint[] {
  return taints.filter((taint) => filter(taint) && !tolerations.some((t) => toleratesTaint(t, taint)));
}

/**
 * The reason of each taint, made once: an inventory's nodes share their taint objects (one list
 * per distinct set of taints), and every DaemonSet that does not tolerate a taint, on every class
 * and node that has it, gives the same reason. The same object is one text to encode.
 */
const reasons = new WeakMap<Taint, PlacementReason>();

export function untoleratedTaintReason(taint: Taint): PlacementReason {
  let reason = reasons.get(taint);
  if (!reason) reasons.set(taint, (reason = { code: 'UntoleratedTaint', message: `taint ${describeTaint(taint)} is not tolerated` }));
  return reason;
}
