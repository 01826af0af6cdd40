/**
 * Pulumi components for node agents: `NodeDaemon`, `MasterTolerant` and `NodeFilteredDaemon`, each
 * a `pulumi.ComponentResource` around one `k8s.apps.v1.DaemonSet`, and `DaemonVariants`, a family of
 * DaemonSets that runs exactly once per node. They take the props of the
 * cdk8s constructs (with `image` and `namespace` as Pulumi inputs), build the same DaemonSet with
 * the same model, and throw a `DaemonPropsError` at construction when the API server would reject
 * it. `evaluatePulumiProgram` evaluates where a program's DaemonSets land, for the matchers and
 * the snapshot serializer of `everynode/jest`.
 *
 * `@pulumi/pulumi` and `@pulumi/kubernetes` are optional peer dependencies of everynode: only this
 * entry point needs them, and it does not need cdk8s.
 *
 * @packageDocumentation
 * @example
 * import * as k8s from '@pulumi/kubernetes';
 * import { MasterTolerant, NodeFilter, NodeFilteredDaemon, PodCount, Rollout } from 'everynode/pulumi';
 *
 * const logging = new k8s.core.v1.Namespace('logging', { metadata: { name: 'logging' } });
 * const fluentBit = new MasterTolerant('fluent-bit', {
 *   namespace: logging.metadata.name,
 *   image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.0',
 *   hostPaths: { '/var/log': { mountPath: '/var/log' } },
 *   rollout: Rollout.rollingUpdate({ maxUnavailable: PodCount.percent(10) }),
 * });
 * new NodeFilteredDaemon('nvidia-device-plugin', {
 *   namespace: 'kube-system',
 *   image: 'nvcr.io/nvidia/k8s-device-plugin:v0.17.0',
 *   nodes: NodeFilter.gpu(),
 * });
 * export const fluentBitSelector = fluentBit.selectorLabels;
 */
export * from '../daemon/vocabulary';
export type { Inventory } from '../input';
export type { PlacementReport } from '../placement';
export { DaemonArgs, MasterTolerantArgs, NodeDaemonArgs, NodeFilteredDaemonArgs, PulumiDaemonInputs } from './daemon-args';
export { DaemonComponent } from './daemon-component';
export { DaemonVariants, DaemonVariantsArgs } from './daemon-variants';
export { evaluatePulumiProgram } from './evaluate-pulumi-program';
export { MasterTolerant } from './master-tolerant';
export { NodeDaemon } from './node-daemon';
export { NodeFilteredDaemon } from './node-filtered-daemon';
export { StaticPod } from './static-pod';
