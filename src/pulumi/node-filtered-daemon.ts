import type * as pulumi from '@pulumi/pulumi';
import { NodeFilteredDaemonArgs } from './daemon-args';
import { DaemonComponent } from './daemon-component';
import { nodeFilteredDaemonManifest } from '../daemon';

/**
 * One pod on every node that a `NodeFilter` selects: GPU device plugins, Windows agents,
 * agents for one pool or architecture.
 *
 * The filter becomes required node affinity, so the agent never lands on a node it does not
 * select. Some filters bring the tolerations their nodes need (`NodeFilter.gpu()` tolerates the
 * `nvidia.com/gpu` taint); a selected node with another NoSchedule or NoExecute taint — the
 * control plane, `os=windows`, a NotReady node — is still skipped unless `tolerations` covers it. Its DaemonSet spec is the cdk8s `NodeFilteredDaemon`'s for the
 * same props.
 *
 * @example
 * import { NodeFilter, NodeFilteredDaemon } from 'everynode/pulumi';
 *
 * new NodeFilteredDaemon('nvidia-device-plugin', {
 *   namespace: 'kube-system',
 *   image: 'nvcr.io/nvidia/k8s-device-plugin:v0.17.0',
 *   nodes: NodeFilter.gpu(),
 * });
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#node-affinity
 */
export class NodeFilteredDaemon extends DaemonComponent {
  /**
   * @param name the component's name, and the DaemonSet's unless `args.name` is given
   * @throws DaemonPropsError naming `NodeFilteredDaemon '<name>'` and every prop that is wrong, `nodes` included
   */
  constructor(name: string, args: NodeFilteredDaemonArgs, opts?: pulumi.ComponentResourceOptions) {
    super('NodeFilteredDaemon', name, args, (owner, daemonName, props) => nodeFilteredDaemonManifest(owner, daemonName, { ...props, nodes: args.nodes }), opts);
  }
}
