import { Construct } from 'constructs';
import { DaemonProps, nodeDaemonManifest, withOwnProps } from '../daemon';
import { withChartMetadata } from './chart-metadata';
import { DaemonConstruct } from './daemon-construct';

/** Props of a `NodeDaemon`. */
export interface NodeDaemonProps extends DaemonProps {}

/**
 * One pod on every node: the shape of a log shipper, a metrics exporter or a CNI agent.
 *
 * A NodeDaemon runs on each node that has no NoSchedule or NoExecute taint it does not tolerate,
 * so by default it skips the control plane (see `MasterTolerant`), tainted pools such as GPU nodes,
 * and NotReady nodes; `tolerations: [Toleration.everything()]` takes it to every node whatever its
 * taints. It selects no operating system either, and the DaemonSet controller does not check one:
 * a Linux-only image needs `nodeSelector: { 'kubernetes.io/os': 'linux' }` to stay off Windows
 * nodes that carry no taint.
 * It synthesizes one apps/v1 DaemonSet whose selector is the daemon's name, a rolling update of
 * one node at a time, and nothing the agent did not ask for.
 *
 * @example
 * new NodeDaemon(chart, 'node-exporter', {
 *   image: 'quay.io/prometheus/node-exporter:v1.8.2',
 *   hostNetwork: true,
 *   hostPID: true,
 *   hostPorts: [9100],
 * });
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/
 */
export class NodeDaemon extends DaemonConstruct {
  constructor(scope: Construct, id: string, props: NodeDaemonProps) {
    super(scope, id, 'NodeDaemon', (owner, name, chart) => nodeDaemonManifest(owner, name, withOwnProps(withChartMetadata(props, chart), props)), props.kubernetesVersion);
  }
}
