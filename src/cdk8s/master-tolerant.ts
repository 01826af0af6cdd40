import { Construct } from 'constructs';
import { DaemonProps, masterTolerantManifest, withOwnProps } from '../daemon';
import { withChartMetadata } from './chart-metadata';
import { DaemonConstruct } from './daemon-construct';

/** Props of a `MasterTolerant` daemon. */
export interface MasterTolerantProps extends DaemonProps {}

/**
 * A NodeDaemon that also runs on control-plane nodes.
 *
 * Control-plane nodes carry a NoSchedule taint whose name changed: `node-role.kubernetes.io/master`
 * before Kubernetes 1.24, `node-role.kubernetes.io/control-plane` since (1.24 sets both). An agent
 * that tolerates only one of them silently skips the control plane of older or newer clusters.
 * MasterTolerant tolerates both, or only what the Kubernetes version needs: its `kubernetesVersion`,
 * or the context value `everynode:kubernetesVersion` of the app or chart.
 *
 * Those are the only taints it adds. A node with any other NoSchedule or NoExecute taint — a GPU
 * node's `nvidia.com/gpu`, a dedicated pool, `os=windows`, a NotReady node's
 * `node.kubernetes.io/not-ready:NoSchedule` — gets no pod unless `tolerations` covers it;
 * `tolerations: [Toleration.everything()]` makes it every node whatever its taints. Nor does it
 * choose an operating system: give a Linux-only image `nodeSelector: { 'kubernetes.io/os': 'linux' }`,
 * or an untainted Windows node gets a pod that cannot start.
 *
 * @example
 * new MasterTolerant(chart, 'fluent-bit', {
 *   image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.0',
 *   hostPaths: { '/var/log': { mountPath: '/var/log' } },
 *   priorityClass: PriorityClass.SYSTEM_NODE_CRITICAL,
 *   nodeSelector: { 'kubernetes.io/os': 'linux' },
 *   tolerations: [Toleration.everything()],
 * });
 * @see https://kubernetes.io/docs/reference/labels-annotations-taints/#node-role-kubernetes-io-control-plane-taint
 */
export class MasterTolerant extends DaemonConstruct {
  constructor(scope: Construct, id: string, props: MasterTolerantProps) {
    super(scope, id, 'MasterTolerant', (owner, name, chart) => masterTolerantManifest(owner, name, withOwnProps(withChartMetadata(props, chart), props)), props.kubernetesVersion);
  }
}
