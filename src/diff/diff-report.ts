import { ReasonCode } from '../placement/report';

/**
 * Why a node loses its daemon pod: the placement reasons `place` gives, and two the comparison adds.
 * - `NodeRemoved`: the node is in the inventory before and not in the inventory after.
 * - `DaemonSetRemoved`: the DaemonSet is in the manifests before and not after.
 */
export type LostPodReasonCode = ReasonCode | 'NodeRemoved' | 'DaemonSetRemoved';

/** One reason a node loses its daemon pod. */
export interface LostPodReason {
  readonly code: LostPodReasonCode;
  readonly message: string;
}

/** A node whose daemon pod goes away, with every reason. */
export interface LostPod {
  readonly node: string;
  readonly reasons: readonly LostPodReason[];
}

/**
 * What the change does to the pods that stay: how many the controller replaces and in how many
 * rounds. Counts only pods on nodes that keep one: gained nodes get a new pod at once, lost
 * nodes lose theirs.
 */
export interface DiffRollout {
  /** The update strategy after the change (before it, for a removed DaemonSet). */
  readonly strategy: 'RollingUpdate' | 'OnDelete';
  /** Old pods the controller deletes and recreates from the new template. */
  readonly podsReplaced: number;
  /** Rounds of `maxUnavailable` (or `maxSurge`, when it is not 0) pods that takes. */
  readonly waves: number;
  /** With OnDelete: pods that keep the old template until someone deletes them. */
  readonly podsOutdated: number;
  /** With RollingUpdate: pods that may be down at once, resolved as the controller does. */
  readonly maxUnavailable?: number;
  /** With RollingUpdate: nodes that may run an old and a new pod at once. */
  readonly maxSurge?: number;
}

/**
 * What the new DaemonSet does with an old pod it adopts after the old DaemonSet was deleted with
 * `--cascade=orphan`:
 * - `replaced`: its RollingUpdate replaces it (the pod's template hash is not the new one);
 * - `kept`: it stays as it is (OnDelete, or the pod template did not change);
 * - `deleted`: the new DaemonSet does not run on the node, so the pod goes.
 */
export type AdoptedPodFate = 'replaced' | 'kept' | 'deleted';

/** An old pod the recreated DaemonSet adopts, because its labels match the new selector. */
export interface AdoptedPod {
  readonly node: string;
  readonly fate: AdoptedPodFate;
}

/** What a change of the manifests (and of the nodes) does to one DaemonSet, matched by namespace/name. */
export interface DaemonSetDiff {
  readonly namespace: string;
  readonly name: string;
  /**
   * `added` / `removed`: only in the manifests after / before; `changed`: the manifest differs
   * once the API server's defaults are applied; `unchanged`: it does not (its nodes may still
   * change, when the inventory does).
   */
  readonly change: 'added' | 'removed' | 'changed' | 'unchanged';
  /** Nodes that get a daemon pod and had none, in inventory order. */
  readonly gained: readonly string[];
  /** Nodes whose daemon pod goes away, in inventory order. */
  readonly lost: readonly LostPod[];
  /** Whether `spec.template` differs once defaulted: the controller rolls the pods out again. */
  readonly templateChanged: boolean;
  readonly rollout: DiffRollout;
  /** `spec.selector` changed: the API server rejects the update (it is immutable). */
  readonly selectorChanged: boolean;
  /**
   * With a changed selector, the old pods the DaemonSet created anew adopts (their labels match
   * its new selector), node by node, and what it does with them.
   */
  readonly adoptedPods?: readonly AdoptedPod[];
  /**
   * With a changed selector that matches none of the old pods: the nodes whose old pods
   * `--cascade=orphan` would leave running, owned by no controller, beside the new ones.
   */
  readonly orphanedPods?: readonly string[];
}

/** What `everynode diff --output json` prints. */
export interface PlacementDiff {
  /** The DaemonSets after the change in their order, then the removed ones in theirs. */
  readonly daemonSets: readonly DaemonSetDiff[];
}
