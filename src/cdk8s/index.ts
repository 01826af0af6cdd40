/**
 * cdk8s constructs for node agents: `NodeDaemon`, `MasterTolerant` and `NodeFilteredDaemon`, each
 * one apps/v1 DaemonSet that the API server accepts, `DaemonVariants`, a family of them that runs
 * exactly once per node, and the value classes their props take. Each can add the Services that
 * reach its pods (`addService`).
 * Checking manifests and evaluating placement are in the core entry, `everynode`; jest tooling in
 * `everynode/jest`.
 *
 * @packageDocumentation
 */
// Loaded before anything else, so that without the framework the error names cdk8s, the package to install.
import 'cdk8s';

export * from '../daemon/vocabulary';
export { DaemonConstruct } from './daemon-construct';
export { DaemonVariants } from './daemon-variants';
export { MasterTolerant, MasterTolerantProps } from './master-tolerant';
export { NodeDaemon, NodeDaemonProps } from './node-daemon';
export { NodeFilteredDaemon } from './node-filtered-daemon';
export { StaticPod } from './static-pod';
export { WARNING_METADATA_TYPE } from './warnings';
