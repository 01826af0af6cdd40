import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';
import { KubernetesMinorVersion } from '../daemon/kubernetes-version';
import { daemonServiceManifest, DaemonServiceKind, DaemonServiceOptions, ServiceTarget } from '../services';

/**
 * A Service over a component's pods, the same as the cdk8s constructs write, created as a child of
 * `parent` in the namespace the component's args name (a Pulumi input, which the model only saw
 * as a stand-in).
 * @param version the daemon's Kubernetes version, when it has one
 * @throws DaemonPropsError naming `owner` and the option when a port matches no container port
 */
export function daemonServiceResource(
  parent: pulumi.Resource,
  owner: string,
  target: ServiceTarget,
  kind: DaemonServiceKind,
  options: DaemonServiceOptions,
  namespace: pulumi.Input<string> | undefined,
  version: KubernetesMinorVersion | undefined,
): k8s.core.v1.Service {
  const manifest = daemonServiceManifest(owner, target, kind, options, version);
  const { name } = manifest.metadata!;
  return new k8s.core.v1.Service(name!, {
    metadata: namespace === undefined ? { name } : { name, namespace },
    spec: manifest.spec as k8s.types.input.core.v1.ServiceSpec,
  }, { parent });
}
