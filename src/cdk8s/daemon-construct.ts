import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { DaemonSetManifest } from '../daemon';
import { KubernetesMinorVersion, parseKubernetesVersion } from '../daemon/kubernetes-version';
import { daemonServiceManifest, DaemonServiceKind, DaemonServiceOptions, nodeIpEndpoint, NodeIpEndpoint, serviceTargetOf } from '../services';
import { ChartMetadata, chartMetadataOf } from './chart-metadata';
import { DaemonSetObject } from './daemon-set-object';
import { synthFindings, watchApp } from './synth-check';
import { addWarnings } from './warnings';

/**
 * Builds the manifest of one daemon kind; `owner` names the construct in error messages. A builder
 * that puts `chart`'s namespace and labels into the manifest has it checked once, as it will be
 * written; one that ignores them works too, at the cost of a second check at construction.
 */
export type ManifestBuilder = (owner: string, name: string, chart?: ChartMetadata) => DaemonSetManifest;

/**
 * What the three constructs share: one ApiObject of kind DaemonSet as the default child
 * `Resource`, checked once when it is built; at synthesis, checked again only if a JSON patch or a
 * metadata change may have made it one the API server rejects, and compared with every other
 * object of the app, so that two objects with the same kind, namespace and name fail synthesis.
 *
 * Warnings (what the API server accepts but is almost certainly a mistake) are recorded as
 * construct metadata of type `WARNING_METADATA_TYPE`.
 */
export abstract class DaemonConstruct extends Construct {
  /** The DaemonSet, for escape hatches: `ApiObject.of(daemon).addJsonPatch(...)` reaches it too. */
  readonly apiObject: ApiObject;
  /** The DaemonSet's name. */
  readonly name: string;
  /** The labels of `spec.selector.matchLabels`, for Services or NetworkPolicies that select the pods. */
  readonly selectorLabels: Record<string, string>;
  private readonly owner: string;
  /** The DaemonSet as built, read only when a Service or an endpoint is asked for. */
  private readonly manifest: DaemonSetManifest;
  /** The Kubernetes version the daemon was built for, which its Services are built for too. */
  private readonly version?: KubernetesMinorVersion;

  /**
   * @param kubernetesVersion the version the props name, which wins over the context's
   * @internal the daemon kinds are the subclasses; users construct those
   */
  protected constructor(scope: Construct, id: string, kind: string, build: ManifestBuilder, kubernetesVersion?: string) {
    super(scope, id);
    const owner = `${kind} '${this.node.path}'`;
    const chart = chartMetadataOf(this, owner);
    const manifest = build(owner, id, chart);
    const versionText = kubernetesVersion ?? chart.kubernetesVersion;
    this.owner = owner;
    this.manifest = manifest;
    // The build accepted the version, or there is none.
    this.version = versionText === undefined ? undefined : parseKubernetesVersion(versionText);
    const object = new DaemonSetObject(this, 'Resource', manifest, versionText);
    this.apiObject = object;
    this.name = object.name;
    this.selectorLabels = { ...manifest.spec?.selector.matchLabels };
    addWarnings(this, object.constructionWarnings);
    watchApp(object);
    this.node.addValidation({
      validate: () => {
        const findings = synthFindings(object);
        addWarnings(this, findings.warnings);
        return [...findings.errors];
      },
    });
  }

  /**
   * A Service over the daemon's pods, as a child of this construct: its selector is exactly the
   * DaemonSet's, and each port forwards to a port the daemon's containers declare.
   * - `HEADLESS`: DNS answers with one A record per daemon pod;
   * - `CLUSTER`: a virtual IP that reaches the daemon on some node;
   * - `NODE_LOCAL`: a virtual IP that reaches the daemon on the client's own node.
   *
   * @throws DaemonPropsError naming the construct and the option when a port matches no container
   * port, or `kind` when the daemon's Kubernetes version cannot keep a node-local Service node-local
   */
  addService(kind: DaemonServiceKind, options: DaemonServiceOptions = {}): ApiObject {
    const manifest = daemonServiceManifest(this.owner, serviceTargetOf(this.manifest), kind, options, this.version);
    return new ApiObject(this, `Service-${manifest.metadata!.name}`, manifest);
  }

  /**
   * How a client pod reaches the daemon on its own node without a Service: the daemon's host port,
   * and the environment variable (from `status.hostIP`) to give the client's container.
   * @param hostPort the host port to reach; may be left out when the daemon has one
   * @param envName the variable's name
   * @throws DaemonPropsError naming the construct when the daemon has no such host port
   */
  nodeIpEndpoint(hostPort?: number, envName?: string): NodeIpEndpoint {
    return nodeIpEndpoint(this.owner, serviceTargetOf(this.manifest), hostPort, envName);
  }
}
