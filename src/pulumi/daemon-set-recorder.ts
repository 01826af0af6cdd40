import type * as pulumi from '@pulumi/pulumi';

/** The Pulumi type of the DaemonSets the placement evaluator reads. */
export const DAEMON_SET_TYPE = 'kubernetes:apps/v1:DaemonSet';

type JsonMap = Record<string, unknown>;

function mapAt(value: unknown): JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonMap) : {};
}

/**
 * Pulumi mocks that keep the resolved inputs of every `kubernetes:apps/v1:DaemonSet` registered,
 * in the order Pulumi registers them, as the manifests the API server would receive. Every other
 * resource gets its inputs back as its state, and every call its arguments.
 */
export class DaemonSetRecorder implements pulumi.runtime.Mocks {
  /** The DaemonSets registered so far. */
  readonly manifests: JsonMap[] = [];
  /** The resource name of each of `manifests`, to say which resources registered a DaemonSet. */
  readonly resourceNames: string[] = [];

  newResource(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
    if (args.type !== DAEMON_SET_TYPE) return { id: `${args.name}-id`, state: args.inputs };
    const inputs = mapAt(args.inputs);
    const metadata = { ...mapAt(inputs.metadata) };
    // The provider would auto-name the DaemonSet (the resource name and a random suffix); the
    // resource name alone keeps the report stable.
    if (typeof metadata.name !== 'string' || metadata.name === '') metadata.name = args.name;
    const manifest: JsonMap = { apiVersion: 'apps/v1', kind: 'DaemonSet', ...inputs, metadata };
    this.manifests.push(manifest);
    this.resourceNames.push(args.name);
    const id = typeof metadata.namespace === 'string' ? `${metadata.namespace}/${metadata.name}` : String(metadata.name);
    return { id, state: manifest };
  }

  call(args: pulumi.runtime.MockCallArgs): pulumi.runtime.MockCallResult {
    return args.inputs;
  }
}
