import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { DEFAULT_NAMESPACE } from '../input';
import { DaemonServiceKind, DaemonServiceOptions, nodeIpEndpoint, NodeIpEndpoint, serviceTargetOf } from '../services';
import { DaemonArgs } from './daemon-args';
import { daemonServiceResource } from './daemon-service-resource';
import { DaemonSetInputs, daemonSetInputs, ManifestBuilder } from './daemon-set-inputs';
import { targetVersionOf, TargetVersion } from './stack-kubernetes-version';
import { WarningLog } from './warning-log';

/**
 * What the three components share: one `k8s.apps.v1.DaemonSet` child, built by the same model as
 * the cdk8s constructs, and the outputs `name`, `namespace` and `selectorLabels`.
 *
 * Its type token is `everynode:index:<kind>`; its DaemonSet is named like the component and gets
 * the model's `metadata.name`, never a Pulumi auto-name, because the selector labels come from that
 * name and `spec.selector` cannot change once the DaemonSet exists.
 *
 * What the API server would accept but is almost certainly a mistake (an image no registry
 * accepts, say) is logged against the component with `pulumi.log.warn`.
 *
 * @example
 * const agents: DaemonComponent[] = [
 *   new MasterTolerant('fluent-bit', { image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.0' }),
 *   new NodeDaemon('node-exporter', { image: 'quay.io/prometheus/node-exporter:v1.8.2' }),
 * ];
 * export const daemonSetNames = agents.map((agent) => agent.name);
 */
export abstract class DaemonComponent extends pulumi.ComponentResource {
  /** The DaemonSet, for its outputs and for `dependsOn`. */
  readonly daemonSet: k8s.apps.v1.DaemonSet;
  /** The DaemonSet's name (`metadata.name`). */
  readonly name: pulumi.Output<string>;
  /**
   * The DaemonSet's namespace: the one the args name, or `default` (read
   * `daemonSet.metadata.namespace` when the provider is configured with another default).
   */
  readonly namespace: pulumi.Output<string>;
  /**
   * The labels of `spec.selector.matchLabels`, for Services or NetworkPolicies that select the
   * pods. Plain values: known at construction, in a preview too.
   */
  readonly selectorLabels: Record<string, string>;
  private readonly daemonOwner: string;
  private readonly daemonArgs: DaemonArgs;
  private readonly daemonInputs: DaemonSetInputs;
  private readonly target: TargetVersion;

  /**
   * @param kind the component's kind, which names it in the type token and in error messages
   * @param name the component's name, and the DaemonSet's unless `args.name` is given
   * @param build the kind's model function, which the cdk8s construct of the kind uses too
   * @throws DaemonPropsError naming `kind`, `name` and every prop that is wrong, before anything is registered
   * @internal the daemon kinds are the subclasses; users construct those
   */
  protected constructor(kind: string, name: string, args: DaemonArgs, build: ManifestBuilder, opts?: pulumi.ComponentResourceOptions) {
    // Built before super(): a bad prop throws before the component is registered with the engine.
    const warnings = new WarningLog();
    const target = targetVersionOf(`${kind} '${name}'`, args);
    const inputs = daemonSetInputs(`${kind} '${name}'`, name, { ...args, kubernetesVersion: target.text }, build, (found) => warnings.add(found));
    super(`everynode:index:${kind}`, name, {}, opts);
    warnings.attach(this);

    this.daemonSet = new k8s.apps.v1.DaemonSet(name, inputs.args, { parent: this });
    // Taken from the args, not read back from the DaemonSet: known in a preview, and still
    // registered when the DaemonSet fails, so the failure is reported instead of waited on.
    this.name = pulumi.output(inputs.manifest.metadata!.name!);
    this.namespace = inputs.namespace.apply((namespace) => namespace ?? DEFAULT_NAMESPACE);
    this.selectorLabels = { ...inputs.manifest.spec!.selector.matchLabels };
    this.daemonOwner = `${kind} '${name}'`;
    this.daemonArgs = args;
    this.daemonInputs = inputs;
    this.target = target;
    this.registerOutputs({ name: this.name, namespace: this.namespace, selectorLabels: this.selectorLabels });
  }

  /**
   * A `k8s.core.v1.Service` over the daemon's pods, as a child of this component: its selector is
   * exactly the DaemonSet's, in its namespace, and each port forwards to a port the daemon's
   * containers declare. The kinds are those of the cdk8s constructs' `addService`.
   * @throws DaemonPropsError naming the component and the option when a port matches no container
   * port, or `kind` when the daemon's Kubernetes version cannot keep a node-local Service node-local
   */
  addService(kind: DaemonServiceKind, options: DaemonServiceOptions = {}): k8s.core.v1.Service {
    const target = serviceTargetOf(this.daemonInputs.manifest);
    return daemonServiceResource(this, this.daemonOwner, target, kind, options, this.daemonArgs.namespace, this.target.version);
  }

  /**
   * How a client pod reaches the daemon on its own node without a Service: the daemon's host port,
   * and the environment variable (from `status.hostIP`) for the client's container.
   * @throws DaemonPropsError naming the component when the daemon has no such host port
   */
  nodeIpEndpoint(hostPort?: number, envName?: string): NodeIpEndpoint {
    return nodeIpEndpoint(this.daemonOwner, serviceTargetOf(this.daemonInputs.manifest), hostPort, envName);
  }
}
