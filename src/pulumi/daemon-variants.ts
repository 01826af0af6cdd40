import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { DaemonArgs } from './daemon-args';
import { daemonSetInputs } from './daemon-set-inputs';
import { targetVersionOf, TargetVersion } from './stack-kubernetes-version';
import { WarningLog } from './warning-log';
import { DaemonProps, DaemonSetManifest } from '../daemon';
import { DEFAULT_NAMESPACE } from '../input';
import { DaemonServiceKind, DaemonServiceOptions } from '../services';
import type { ValidationWarning } from '../validation';
import { DaemonVariantsProps, DEFAULT_VARIANT, FAMILY_LABEL, familyServiceTarget, variantFamilyManifests } from '../variants';
import { daemonServiceResource } from './daemon-service-resource';

/**
 * Args of a Pulumi `DaemonVariants`: `DaemonVariantsProps`, with the family's `image` and
 * `namespace` as Pulumi inputs.
 * @example
 * const args: DaemonVariantsArgs = {
 *   image: agentImage.imageName,
 *   variants: [{ name: 'gpu', nodes: NodeFilter.gpu() }],
 *   defaultVariant: {},
 * };
 */
export type DaemonVariantsArgs = DaemonArgs<DaemonVariantsProps>;

/**
 * One daemon for several kinds of node as a family of DaemonSets, one per variant, that runs
 * exactly once on every node it covers: the cdk8s `DaemonVariants`, with the same props and the
 * same DaemonSets (see there for how the variants are kept apart).
 *
 * Its type token is `everynode:index:DaemonVariants`; each variant is a `k8s.apps.v1.DaemonSet`
 * child named `<family>-<variant>`, like its `metadata.name`.
 *
 * @example
 * import { DaemonVariants, NodeFilter, Toleration } from 'everynode/pulumi';
 *
 * const agent = new DaemonVariants('node-agent', {
 *   namespace: 'observability',
 *   image: 'registry.example.com/node-agent:2.1.0',
 *   tolerations: [Toleration.everything()],
 *   variants: [
 *     { name: 'gpu', nodes: NodeFilter.gpu(), args: ['--collect-gpu-metrics'] },
 *     { name: 'windows', nodes: NodeFilter.windows(), image: 'registry.example.com/node-agent:2.1.0-windows' },
 *   ],
 *   defaultVariant: {},
 * });
 * export const familyLabels = agent.familyLabels;
 */
export class DaemonVariants extends pulumi.ComponentResource {
  /** One DaemonSet per variant, in order of precedence, the default last. */
  readonly daemonSets: k8s.apps.v1.DaemonSet[];
  /** The variants' names, in the order of `daemonSets`. */
  readonly variantNames: string[];
  /** The label every pod of the family carries, for a Service or NetworkPolicy over all variants. */
  readonly familyLabels: Record<string, string>;
  /** The family's namespace: the one the args name, or `default`. */
  readonly namespace: pulumi.Output<string>;
  private readonly familyOwner: string;
  private readonly familyArgs: DaemonVariantsArgs;
  private readonly manifests: DaemonSetManifest[];
  private readonly target: TargetVersion;

  /**
   * @param name the component's name, and the family's unless `args.name` is given
   * @throws DaemonPropsError naming `DaemonVariants '<name>'`, the variant and every prop that is wrong
   */
  constructor(name: string, args: DaemonVariantsArgs, opts?: pulumi.ComponentResourceOptions) {
    const owner = `DaemonVariants '${name}'`;
    const family = args.name ?? name;
    const count = (args.variants?.length ?? 0) + (args.defaultVariant ? 1 : 0);
    // Built before super(): a bad prop throws before the component is registered with the engine.
    const warnings = new WarningLog();
    const builderOf = (k: number) => (o: string, n: string, props: DaemonProps) =>
      variantFamilyManifests(o, n, props as DaemonVariantsProps)[k].manifest;
    const warn = (found: readonly ValidationWarning[]) => warnings.add(found);
    const target = targetVersionOf(owner, args);
    const familyArgs = { ...args, kubernetesVersion: target.text };
    const inputs = Array.from({ length: Math.max(count, 1) }, (_, k) => daemonSetInputs(owner, name, familyArgs, builderOf(k), warn));
    super('everynode:index:DaemonVariants', name, {}, opts);
    warnings.attach(this);

    // The model accepted the variants: their names are as given.
    this.variantNames = [...args.variants.map((variant) => variant.name), ...(args.defaultVariant ? [DEFAULT_VARIANT] : [])];
    this.daemonSets = inputs.map((input) => new k8s.apps.v1.DaemonSet(input.manifest.metadata!.name!, input.args, { parent: this }));
    this.familyLabels = { [FAMILY_LABEL]: family };
    this.namespace = inputs[0].namespace.apply((namespace) => namespace ?? DEFAULT_NAMESPACE);
    this.familyOwner = owner;
    this.familyArgs = args;
    this.manifests = inputs.map((input) => input.manifest);
    this.target = target;
    this.registerOutputs({ variantNames: this.variantNames, familyLabels: this.familyLabels, namespace: this.namespace });
  }

  /**
   * A `k8s.core.v1.Service` over the pods of every variant, as the cdk8s `DaemonVariants.addService`
   * writes it: the family's selector labels and `everynode.io/family`, and only ports every variant declares.
   * @throws DaemonPropsError naming the component and the option when a port is not declared by every variant
   */
  addService(kind: DaemonServiceKind, options: DaemonServiceOptions = {}): k8s.core.v1.Service {
    const variants = this.variantNames.map((variant, k) => ({ variant, manifest: this.manifests[k] }));
    const target = familyServiceTarget(this.familyLabels[FAMILY_LABEL], variants);
    return daemonServiceResource(this, this.familyOwner, target, kind, options, this.familyArgs.namespace, this.target.version);
  }
}
