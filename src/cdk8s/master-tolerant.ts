import { Construct } from 'constructs';
import { DaemonProps, masterTolerantManifest } from '../daemon';
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
 * MasterTolerant tolerates both, or only what `kubernetesVersion` needs.
 *
 * @example
 * new MasterTolerant(chart, 'fluent-bit', {
 *   image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.0',
 *   hostPaths: { '/var/log': '/var/log' },
 *   priorityClass: PriorityClass.SYSTEM_NODE_CRITICAL,
 * });
 * @see https://kubernetes.io/docs/reference/labels-annotations-taints/#node-role-kubernetes-io-control-plane-taint
 */
export class MasterTolerant extends DaemonConstruct {
  constructor(scope: Construct, id: string, props: MasterTolerantProps) {
    super(scope, id, 'MasterTolerant', (owner, name, chart) => masterTolerantManifest(owner, name, withChartMetadata(props, chart)));
  }
}
