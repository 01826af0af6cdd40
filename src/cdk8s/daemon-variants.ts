import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { chartMetadataOf, withChartMetadata } from './chart-metadata';
import { DaemonConstruct } from './daemon-construct';
import { DaemonSetManifest, withOwnProps } from '../daemon';
import { KubernetesMinorVersion, parseKubernetesVersion } from '../daemon/kubernetes-version';
import { daemonServiceManifest, DaemonServiceKind, DaemonServiceOptions } from '../services';
import { DaemonVariantsProps, FAMILY_LABEL, familyServiceTarget, VariantManifest, variantFamilyManifests } from '../variants';

/** One variant's DaemonSet, built with its siblings by the family. */
class VariantDaemon extends DaemonConstruct {
  constructor(scope: Construct, id: string, manifest: DaemonSetManifest, kubernetesVersion: string | undefined) {
    super(scope, id, 'DaemonVariants', () => manifest, kubernetesVersion);
  }
}

/**
 * One daemon for several kinds of node — GPU nodes, Windows nodes, every other node — as a family
 * of DaemonSets, one per variant, that runs exactly once on every node it covers.
 *
 * Each variant's required node affinity is its filter less the nodes of the variants declared
 * before it, and the default variant's is "none of the variants' nodes", so no node matches two
 * variants and, with a default, every node matches one. Filters that later variants must exclude
 * are limited to what node affinity negates exactly; anything else is refused here, naming the
 * variant and the filter. Each variant's selector is the family's selector labels plus
 * `everynode.io/variant: <variant>`: disjoint from its siblings', and unchanged when variants
 * are added or removed. Every pod carries `everynode.io/family: <family>`, for one Service over
 * the family; `everynode place --expect-exactly-once <family>` and the jest matcher
 * `toRunExactlyOncePerNode` check the family against an inventory.
 *
 * Like `NodeFilteredDaemon`, a variant is skipped on a selected node with a NoSchedule or
 * NoExecute taint it does not tolerate: `tolerations` on the family apply to every variant.
 *
 * @example
 * new DaemonVariants(chart, 'node-agent', {
 *   image: 'registry.example.com/node-agent:2.1.0',
 *   tolerations: [Toleration.everything()],
 *   variants: [
 *     { name: 'gpu', nodes: NodeFilter.gpu(), args: ['--collect-gpu-metrics'], resources: { requests: { memory: '256Mi' } } },
 *     { name: 'windows', nodes: NodeFilter.windows(), image: 'registry.example.com/node-agent:2.1.0-windows' },
 *   ],
 *   defaultVariant: { resources: { requests: { memory: '64Mi' } } },
 * });
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/#running-pods-on-select-nodes
 */
export class DaemonVariants extends Construct {
  /** The family's name: each variant's DaemonSet is named `<family>-<variant>`. */
  readonly name: string;
  /** The label every pod of the family carries, for a Service or NetworkPolicy over all variants. */
  readonly familyLabels: Record<string, string>;
  /** One DaemonSet construct per variant, in order of precedence, the default last. */
  readonly variants: DaemonConstruct[];
  private readonly owner: string;
  private readonly built: readonly VariantManifest[];
  private readonly version?: KubernetesMinorVersion;

  constructor(scope: Construct, id: string, props: DaemonVariantsProps) {
    super(scope, id);
    const owner = `DaemonVariants '${this.node.path}'`;
    const chart = chartMetadataOf(this, owner);
    const built = variantFamilyManifests(owner, id, withOwnProps(withChartMetadata(props, chart), props));
    const kubernetesVersion = props.kubernetesVersion ?? chart.kubernetesVersion;
    this.name = props.name ?? id;
    this.familyLabels = { [FAMILY_LABEL]: this.name };
    this.variants = built.map(({ variant, manifest }) => new VariantDaemon(this, variant, manifest, kubernetesVersion));
    this.owner = owner;
    this.built = built;
    this.version = kubernetesVersion === undefined ? undefined : parseKubernetesVersion(kubernetesVersion);
  }

  /**
   * A Service over the pods of every variant: its selector is the family's selector labels and
   * `everynode.io/family`, and its ports forward only to container ports that every variant
   * declares. See `DaemonConstruct.addService` for the kinds; a variant's own Service is
   * `variants[i].addService(...)`.
   *
   * @throws DaemonPropsError naming the construct and the option when a port is not declared by every variant
   */
  addService(kind: DaemonServiceKind, options: DaemonServiceOptions = {}): ApiObject {
    const manifest = daemonServiceManifest(this.owner, familyServiceTarget(this.name, this.built), kind, options, this.version);
    return new ApiObject(this, `Service-${manifest.metadata!.name}`, manifest);
  }
}
