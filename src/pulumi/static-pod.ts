import * as pulumi from '@pulumi/pulumi';
import { StaticPodFile, staticPodFiles, StaticPodProps } from '../static-pods';

/**
 * A static pod: a Pod that the kubelet of each declared node runs from its manifest directory
 * (`staticPodPath`), for what must run before the control plane does. The cdk8s `StaticPod`'s
 * files, for the same props, as outputs: nothing is created in the cluster (a static pod must never
 * be applied as an ordinary Pod); whatever provisions the nodes writes each `manifest` to its
 * node's `nodePath`.
 *
 * Its type token is `everynode:index:StaticPod`.
 *
 * @example
 * const bootAgent = new StaticPod('boot-agent', { nodes: ['cp-1', 'cp-2'], image: 'registry.example.com/boot-agent:1.0', hostNetwork: true });
 * export const bootAgentFiles = bootAgent.files;
 */
export class StaticPod extends pulumi.ComponentResource {
  /** One file per node: its node, where it goes there (`nodePath`), the mirror pod's name and the Pod. */
  readonly files: StaticPodFile[];

  /**
   * @param name the component's name, and the static pod's unless `props.name` is given
   * @throws DaemonPropsError naming `StaticPod '<name>'` and every prop a mirror pod may not have
   */
  constructor(name: string, props: StaticPodProps, opts?: pulumi.ComponentResourceOptions) {
    // Built before super(): a bad prop throws before the component is registered with the engine.
    const files = staticPodFiles(`StaticPod '${name}'`, props.name ?? name, props);
    super('everynode:index:StaticPod', name, {}, opts);
    this.files = files;
    this.registerOutputs({ files: files.map(({ node, nodePath, mirrorPodName, manifest }) => ({ node, nodePath, mirrorPodName, manifest })) });
  }
}
