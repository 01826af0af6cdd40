import { Construct } from 'constructs';
import { nodeFilteredDaemonManifest, NodeFilteredDaemonProps, withOwnProps } from '../daemon';
import { withChartMetadata } from './chart-metadata';
import { DaemonConstruct } from './daemon-construct';

/**
 * One pod on every node that a `NodeFilter` selects: GPU device plugins, Windows agents,
 * agents for one pool or architecture.
 *
 * The filter becomes required node affinity, so the agent never lands on a node it does not
 * select. Some filters bring the tolerations their nodes need (`NodeFilter.gpu()` tolerates the
 * `nvidia.com/gpu` taint); a selected node with another NoSchedule or NoExecute taint — the
 * control plane, `os=windows`, a NotReady node — is still skipped unless `tolerations` covers it.
 *
 * @example
 * new NodeFilteredDaemon(chart, 'nvidia-device-plugin', {
 *   image: 'nvcr.io/nvidia/k8s-device-plugin:v0.17.0',
 *   nodes: NodeFilter.gpu(),
 * });
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#node-affinity
 */
export class NodeFilteredDaemon extends DaemonConstruct {
  constructor(scope: Construct, id: string, props: NodeFilteredDaemonProps) {
    super(scope, id, 'NodeFilteredDaemon', (owner, name, chart) => nodeFilteredDaemonManifest(owner, name, withOwnProps(withChartMetadata(props, chart), props)), props.kubernetesVersion);
  }
}
