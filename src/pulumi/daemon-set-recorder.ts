import type * as pulumi from '@pulumi/pulumi';

/** The Pulumi type of the DaemonSets the placement evaluator reads. */
export const DAEMON_SET_TYPE = 'kubernetes:apps/v1:DaemonSet';

/**
 * The Pulumi types of the workloads and Pods whose pods a DaemonSet's selector may match: the
 * group (`core` for the core API), its version and the kind.
 */
const WORKLOAD_TYPE = /^kubernetes:(core|apps|batch|extensions)\/([^:]+):(Deployment|ReplicaSet|StatefulSet|Job|CronJob|ReplicationController|Pod)$/;

type JsonMap = Record<string, unknown>;

function mapAt(value: unknown): JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonMap) : {};
}

/**
 * Pulumi mocks that keep the resolved inputs of every `kubernetes:apps/v1:DaemonSet` registered,
 * in the order Pulumi registers them, as the manifests the API server would receive, and those of
 * every other workload and Pod, whose pods a DaemonSet's selector may match. Every resource but a
 * DaemonSet gets its inputs back as its state, and every call its arguments.
 */
export class DaemonSetRecorder implements pulumi.runtime.Mocks {
  /** The DaemonSets registered so far. */
  readonly manifests: JsonMap[] = [];
  /** The resource name of each of `manifests`, to say which resources registered a DaemonSet. */
  readonly resourceNames: string[] = [];
  /** The other workloads and the Pods registered so far, for the selector collision check. */
  readonly workloads: JsonMap[] = [];
  /** The resource name of each of `workloads`. */
  readonly workloadNames: string[] = [];

  newResource(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
    const workload = WORKLOAD_TYPE.exec(args.type);
    if (workload) {
      const [, group, version, kind] = workload;
      this.workloads.push(namedManifest(group === 'core' ? version : `${group}/${version}`, kind, args));
      this.workloadNames.push(args.name);
    }
    if (args.type !== DAEMON_SET_TYPE) return { id: `${args.name}-id`, state: args.inputs };
    const manifest = namedManifest('apps/v1', 'DaemonSet', args);
    const metadata = manifest.metadata as JsonMap;
    this.manifests.push(manifest);
    this.resourceNames.push(args.name);
    const id = typeof metadata.namespace === 'string' ? `${metadata.namespace}/${metadata.name}` : String(metadata.name);
    return { id, state: manifest };
  }

  call(args: pulumi.runtime.MockCallArgs): pulumi.runtime.MockCallResult {
    return args.inputs;
  }
}

/**
 * The object a resource's inputs make. The provider would auto-name it (the resource name and a
 * random suffix); the resource name alone keeps the report stable.
 */
function namedManifest(apiVersion: string, kind: string, args: pulumi.runtime.MockResourceArgs): JsonMap {
  const inputs = mapAt(args.inputs);
  const metadata = { ...mapAt(inputs.metadata) };
  if (typeof metadata.name !== 'string' || metadata.name === '') metadata.name = args.name;
  return { apiVersion, kind, ...inputs, metadata };
}
