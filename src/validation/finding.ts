/**
 * What an app-wide finding is about.
 * - `DuplicateObject`: two objects with the same kind, namespace and name; `kubectl apply`
 *   applies the second over the first, so only one of them exists in the cluster.
 * - `VariantOverlap`: DaemonSets of one variant family (the `everynode.io/family` label, in one
 *   namespace) that the DaemonSet controller both runs on the same nodes: the node daemon runs
 *   twice there.
 * - `VariantGap`: a variant family with a `default` variant, meant to cover every node, that
 *   runs on none of some nodes.
 * - `NodeNotInInventory`: a static pod has files for nodes the inventory does not hold; their
 *   kubelets run it all the same, and no placement shows it there.
 * - `DuplicateStaticPod`: two files of one static pod are for the same node; its kubelet runs one
 *   and ignores the other (`filterInvalidPods` in pkg/kubelet/config/config.go).
 * - `SelectorCollision`: a DaemonSet whose selector matches the pods of another object of its
 *   namespace (a workload, a bare Pod, another DaemonSet): the DaemonSet controller adopts those
 *   that no controller owns, then deletes or replaces them.
 */
export type FindingCode = 'DuplicateObject' | 'VariantOverlap' | 'VariantGap' | 'NodeNotInInventory' | 'DuplicateStaticPod' | 'SelectorCollision';

/**
 * A finding about several objects together, that belongs to no single one of them. An `error`
 * is one the cluster would act on wrongly; a `warning` changes an exit status only with `--strict`.
 */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: 'error' | 'warning';
  /** The objects concerned, as `Kind namespace/name` (`Kind name` for cluster-scoped kinds). */
  readonly objects: readonly string[];
  /**
   * Every node the finding is about, in inventory order, when it is about nodes (the message
   * names only the first few); nodes outside the inventory (`NodeNotInInventory`) in input order.
   */
  readonly nodes?: readonly string[];
  readonly message: string;
}
