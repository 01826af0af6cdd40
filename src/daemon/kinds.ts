import { DaemonProps, NodeFilteredDaemonProps } from './daemon-props';
import { buildDaemonSet } from './daemon-set';
import { DaemonSetManifest } from './kubernetes-types';
import { DaemonPropsError } from './props-error';
import { Toleration } from './toleration';

/*
 * The daemon kinds, shared by the cdk8s constructs and the Pulumi components: each is the common
 * DaemonSet model plus the placement that gives the kind its name.
 */

/** One pod on every node that has no untolerated taint. */
export function nodeDaemonManifest(owner: string, name: string, props: DaemonProps): DaemonSetManifest {
  return buildDaemonSet(owner, name, props);
}

/** One pod on every node, control-plane nodes included: it tolerates the control-plane taint name(s) of `kubernetesVersion`. */
export function masterTolerantManifest(owner: string, name: string, props: DaemonProps): DaemonSetManifest {
  return buildDaemonSet(owner, name, props, { tolerations: Toleration.controlPlane() });
}

/** One pod on every node the filter selects. */
export function nodeFilteredDaemonManifest(owner: string, name: string, props: NodeFilteredDaemonProps): DaemonSetManifest {
  if (!props.nodes) {
    throw new DaemonPropsError(owner, [
      { field: 'nodes', message: 'is required: say which nodes run the daemon, e.g. NodeFilter.gpu() or NodeFilter.windows()' },
    ]);
  }
  return buildDaemonSet(owner, name, props, { requiredNodes: props.nodes });
}
