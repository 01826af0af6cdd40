import type * as pulumi from '@pulumi/pulumi';
import { NodeDaemonArgs } from './daemon-args';
import { DaemonComponent } from './daemon-component';
import { nodeDaemonManifest } from '../daemon';

/**
 * One pod on every node: the shape of a log shipper, a metrics exporter or a CNI agent.
 *
 * A NodeDaemon runs on each node that has no NoSchedule or NoExecute taint it does not tolerate,
 * so by default it skips the control plane (see `MasterTolerant`), tainted pools such as GPU nodes,
 * and NotReady nodes; `tolerations: [Toleration.everything()]` takes it to every node whatever its
 * taints. It selects no operating system either, and the DaemonSet controller does not check one:
 * a Linux-only image needs `nodeSelector: { 'kubernetes.io/os': 'linux' }` to stay off Windows
 * nodes that carry no taint.
 * It creates one `k8s.apps.v1.DaemonSet` whose spec is the cdk8s `NodeDaemon`'s for the same
 * props.
 *
 * @example
 * import { NodeDaemon, PodCount, Rollout } from 'everynode/pulumi';
 *
 * const exporter = new NodeDaemon('node-exporter', {
 *   namespace: monitoring.metadata.name,
 *   image: 'quay.io/prometheus/node-exporter:v1.8.2',
 *   hostNetwork: true,
 *   hostPID: true,
 *   hostPorts: [9100],
 *   rollout: Rollout.rollingUpdate({ maxUnavailable: PodCount.percent(10) }),
 * });
 * export const exporterName = exporter.name;
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/
 */
export class NodeDaemon extends DaemonComponent {
  /**
   * @param name the component's name, and the DaemonSet's unless `args.name` is given
   * @throws DaemonPropsError naming `NodeDaemon '<name>'` and every prop that is wrong
   */
  constructor(name: string, args: NodeDaemonArgs, opts?: pulumi.ComponentResourceOptions) {
    super('NodeDaemon', name, args, nodeDaemonManifest, opts);
  }
}
