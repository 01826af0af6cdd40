/**
 * The priority of the daemon's pods. Node agents that keep a node usable (CNI, CSI, log and
 * metrics agents) should not be preempted or evicted before application pods: the two built-in
 * system classes exist for them.
 *
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/
 */
export class PriorityClass {
  /** The highest built-in class, for agents without which a node cannot run pods (CNI, CSI, kube-proxy). */
  static readonly SYSTEM_NODE_CRITICAL = new PriorityClass('system-node-critical');
  /** The built-in class for cluster-wide critical add-ons, one step below system-node-critical. */
  static readonly SYSTEM_CLUSTER_CRITICAL = new PriorityClass('system-cluster-critical');

  /** A PriorityClass of your own, by name. */
  static of(name: string): PriorityClass {
    return new PriorityClass(name);
  }

  private constructor(
    /** The PriorityClass name written to `priorityClassName`. */
    public readonly name: string,
  ) {}
}
