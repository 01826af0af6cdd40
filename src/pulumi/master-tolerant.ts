import type * as pulumi from '@pulumi/pulumi';
import { MasterTolerantArgs } from './daemon-args';
import { DaemonComponent } from './daemon-component';
import { masterTolerantManifest } from '../daemon';

/**
 * A NodeDaemon that also runs on control-plane nodes.
 *
 * Control-plane nodes carry a NoSchedule taint whose name changed: `node-role.kubernetes.io/master`
 * before Kubernetes 1.24, `node-role.kubernetes.io/control-plane` since (1.24 sets both). An agent
 * that tolerates only one of them silently skips the control plane of older or newer clusters.
 * MasterTolerant tolerates both, or only what `kubernetesVersion` needs. Its DaemonSet spec is the
 * cdk8s `MasterTolerant`'s for the same props.
 *
 * @example
 * import { MasterTolerant, PriorityClass } from 'everynode/pulumi';
 *
 * new MasterTolerant('fluent-bit', {
 *   image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.0',
 *   hostPaths: { '/var/log': '/var/log' },
 *   priorityClass: PriorityClass.SYSTEM_NODE_CRITICAL,
 * });
 * @see https://kubernetes.io/docs/reference/labels-annotations-taints/#node-role-kubernetes-io-control-plane-taint
 */
export class MasterTolerant extends DaemonComponent {
  /**
   * @param name the component's name, and the DaemonSet's unless `args.name` is given
   * @throws DaemonPropsError naming `MasterTolerant '<name>'` and every prop that is wrong
   */
  constructor(name: string, args: MasterTolerantArgs, opts?: pulumi.ComponentResourceOptions) {
    super('MasterTolerant', name, args, masterTolerantManifest, opts);
  }
}
