import { FieldError, Finding, ValidationWarning } from '../validation';

/**
 * Why a node gets no daemon pod.
 * - `NodeNameMismatch`: the template's `nodeName` names another node.
 * - `NodeSelectorMismatch`: a `nodeSelector` label is missing or has another value.
 * - `NodeAffinityMismatch`: no term of the required node affinity matches.
 * - `UntoleratedTaint`: a NoSchedule or NoExecute taint is not tolerated.
 */
export type ReasonCode = 'NodeNameMismatch' | 'NodeSelectorMismatch' | 'NodeAffinityMismatch' | 'UntoleratedTaint';

/** One reason a node gets no daemon pod, naming the label, expression or taint. */
export interface PlacementReason {
  readonly code: ReasonCode;
  readonly message: string;
}

/** The DaemonSet controller's verdict for one node (`NodeShouldRunDaemonPod`). */
export interface NodePlacement {
  /** The node's name. */
  readonly node: string;
  /** Whether the controller creates a daemon pod on this node. */
  readonly shouldRun: boolean;
  /** Whether a daemon pod already on this node stays (false: it is evicted or deleted). */
  readonly shouldContinueRunning: boolean;
  /** Every rule the node fails; empty when `shouldRun`. */
  readonly reasons: readonly PlacementReason[];
}

/**
 * What happens after the controller created a pod: never changes `shouldRun`.
 * - `InsufficientResource`: the requests of all daemon pods on the node exceed its allocatable
 *   (the scheduler leaves the pod Pending).
 * - `HostPortConflict`: two DaemonSets want the same host port and protocol on the node (Pending).
 * - `MixedOperatingSystems`: the DaemonSet selects no operating system (`kubernetes.io/os`) and
 *   its pods land on nodes of several; this node's OS is not the one most of them (or
 *   `spec.os.name`) have, so a single-OS image fails to pull or start here, or the kubelet
 *   rejects the pod. See `mixedOperatingSystemFindings` for what counts as selecting an OS.
 */
export type AdvisoryCode = 'InsufficientResource' | 'HostPortConflict' | 'MixedOperatingSystems';

/** A finding about a node where the controller creates the daemon pod but it would not run. */
export interface Advisory {
  readonly code: AdvisoryCode;
  readonly node: string;
  readonly message: string;
}

/** The rollout as the controller resolves it against `desiredNumberScheduled`. */
export type RolloutPlan =
  | {
    readonly strategy: 'RollingUpdate';
    /** Pods that may be down at once; percentages round up. */
    readonly maxUnavailable: number;
    /** Nodes that may run an old and a new pod at once; percentages round up. */
    readonly maxSurge: number;
    /** How many rounds a full rollout takes. */
    readonly waves: number;
  }
  | { readonly strategy: 'OnDelete' };

/** The placement of one DaemonSet over the whole inventory. */
export interface DaemonSetPlacement {
  /** The namespace; `default` when the manifest has none. */
  readonly namespace: string;
  readonly name: string;
  /** Every node of the inventory, in inventory order. */
  readonly placements: readonly NodePlacement[];
  /** The number of nodes that should run a daemon pod. */
  readonly desiredNumberScheduled: number;
  readonly rollout: RolloutPlan;
  readonly advisories: readonly Advisory[];
  /** The API server's validation errors; the DaemonSet is evaluated all the same. */
  readonly errors: readonly FieldError[];
  /** What the API server accepts but is almost certainly a mistake (unknown fields, ...). */
  readonly warnings: readonly ValidationWarning[];
}

/** Where every DaemonSet's pods land: the report `everynode place --output json` prints. */
export interface PlacementReport {
  /** The node names, in inventory order. */
  readonly nodes: readonly string[];
  readonly daemonSets: readonly DaemonSetPlacement[];
  /** Findings about several objects together, such as the same DaemonSet defined twice. */
  readonly findings: readonly Finding[];
}
