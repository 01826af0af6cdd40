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

/**
 * The rollout as the controller resolves it against `desiredNumberScheduled`; for a static pod,
 * `ManifestFile`: no controller, the kubelet of each node replaces the pod when its file changes.
 */
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
  | { readonly strategy: 'OnDelete' }
  | { readonly strategy: 'ManifestFile' };

/** The read-only pod through which the API server shows a static pod on one node. */
export interface MirrorPod {
  /** The node a file of the static pod is for (in the inventory or not). */
  readonly node: string;
  /** `<name>-<node>`. */
  readonly name: string;
}

/**
 * The placement of one DaemonSet over the whole inventory, or of one static pod (`kind` is then
 * `StaticPod`: the files of one namespace and name, one per node).
 */
export interface DaemonSetPlacement {
  /**
   * `StaticPod` for a static pod, whose kubelet runs it on exactly the nodes its files are for,
   * whatever their taints and labels (reasons are always empty); absent for a DaemonSet.
   */
  readonly kind?: 'StaticPod';
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
  /** A static pod's mirror pods: every node a file is for, in file order. Absent for a DaemonSet. */
  readonly mirrorPods?: readonly MirrorPod[];
}

/**
 * Where every DaemonSet's pods land, and every static pod's: the report `everynode place --output json`
 * prints. Static pods come after the DaemonSets in `daemonSets`.
 */
export interface PlacementReport {
  /** The node names, in inventory order. */
  readonly nodes: readonly string[];
  readonly daemonSets: readonly DaemonSetPlacement[];
  /** Findings about several objects together, such as the same DaemonSet defined twice. */
  readonly findings: readonly Finding[];
}
