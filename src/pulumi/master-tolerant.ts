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
 * MasterTolerant tolerates both, or only what the Kubernetes version needs: its `kubernetesVersion`,
 * or the stack config `everynode:kubernetesVersion`. Its DaemonSet spec is the cdk8s
 * `MasterTolerant`'s for the same props.
 *
 * Those are the only taints it adds. A node with any other NoSchedule or NoExecute taint — a GPU
 * node's `nvidia.com/gpu`, a dedicated pool, `os=windows`, a NotReady node's
 * `node.kubernetes.io/not-ready:NoSchedule` — gets no pod unless `tolerations` covers it;
 * `tolerations: [Toleration.everything()]` makes it every node whatever its taints. Nor does it
 * choose an operating system: give a Linux-only image `nodeSelector: { 'kubernetes.io/os': 'linux' }`,
 * or an untainted Windows node gets a pod that cannot start.
 *
 * @example
 * import { MasterTolerant, PriorityClass, Toleration } from 'everynode/pulumi';
 *
 * new MasterTolerant('fluent-bit', {
 *   image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.0',
 *   hostPaths: { '/var/log': { mountPath: '/var/log' } },
 *   priorityClass: PriorityClass.SYSTEM_NODE_CRITICAL,
 *   nodeSelector: { 'kubernetes.io/os': 'linux' },
 *   tolerations: [Toleration.everything()],
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
