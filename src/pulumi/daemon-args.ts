import type * as pulumi from '@pulumi/pulumi';
import { DaemonProps, NodeFilteredDaemonProps } from '../daemon';

/**
 * The props a Pulumi program often knows only as outputs of other resources: an image pushed by
 * the same program, a Namespace it creates.
 *
 * @example
 * const ns = new k8s.core.v1.Namespace('monitoring', { metadata: { name: 'monitoring' } });
 * new NodeDaemon('node-exporter', { image: exporterImage.imageName, namespace: ns.metadata.name });
 */
export interface PulumiDaemonInputs {
  /**
   * The image of the agent's container, e.g. `cr.fluentbit.io/fluent/fluent-bit:3.2.0`, or the
   * output of a resource that builds it. An output is checked when it resolves: an empty image, or
   * one with leading or trailing whitespace, fails the deployment naming the component.
   */
  readonly image: pulumi.Input<string>;
  /**
   * The namespace, e.g. `ns.metadata.name` of a Namespace the program creates. An output is
   * checked when it resolves, as a plain string is at construction.
   * @default - the provider's namespace (`default` unless the provider sets another)
   */
  readonly namespace?: pulumi.Input<string>;
}

/**
 * The cdk8s props `P`, with `image` and `namespace` widened to Pulumi inputs: a cdk8s user and a
 * Pulumi user write the same object, and a plain object of `P` is accepted as it is. Each prop is
 * documented on `DaemonProps` (and `NodeFilteredDaemonProps`) in the core entry, `everynode`.
 *
 * @example
 * // One object for both frameworks.
 * const fluentBit: DaemonProps = { image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.0', hostPaths: { '/var/log': { mountPath: '/var/log' } } };
 * new cdk8s.MasterTolerant(chart, 'fluent-bit', fluentBit);  // from 'everynode/cdk8s'
 * new MasterTolerant('fluent-bit', fluentBit);               // from 'everynode/pulumi'
 */
export type DaemonArgs<P extends DaemonProps = DaemonProps> = Omit<P, keyof PulumiDaemonInputs> & PulumiDaemonInputs;

/**
 * Args of a Pulumi `NodeDaemon`: `DaemonProps`, with `image` and `namespace` as Pulumi inputs.
 * @example
 * const args: NodeDaemonArgs = { image: pulumi.interpolate`${registry}/agent:1.0`, hostNetwork: true };
 */
export type NodeDaemonArgs = DaemonArgs<DaemonProps>;

/**
 * Args of a Pulumi `MasterTolerant`: `DaemonProps`, with `image` and `namespace` as Pulumi inputs.
 * @example
 * const args: MasterTolerantArgs = { image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.0', kubernetesVersion: '1.29' };
 */
export type MasterTolerantArgs = DaemonArgs<DaemonProps>;

/**
 * Args of a Pulumi `NodeFilteredDaemon`: `NodeFilteredDaemonProps`, with `image` and `namespace`
 * as Pulumi inputs.
 * @example
 * const args: NodeFilteredDaemonArgs = { image: 'nvcr.io/nvidia/k8s-device-plugin:v0.17.0', nodes: NodeFilter.gpu() };
 */
export type NodeFilteredDaemonArgs = DaemonArgs<NodeFilteredDaemonProps>;
