/*
 * The props vocabulary: what the constructs of `everynode/cdk8s` and the components of
 * `everynode/pulumi` take, and so what every entry point publishes. One list, so that a cdk8s
 * user and a Pulumi user always import the same names.
 */
export { DaemonProps, DnsPolicy, NodeFilteredDaemonProps, PreferredNodes } from './daemon-props';
export { HostPathMount, HostPathType } from './host-paths';
export { GpuNodeOptions, NodeFilter, NodePoolLabel, OperatingSystem } from './node-filter';
export { PodCount } from './pod-count';
export { PriorityClass } from './priority-class';
export { DaemonPropsError, PropProblem } from './props-error';
export { RollingUpdateOptions, Rollout } from './rollout';
export { ControlPlaneTolerationOptions, TaintEffect, Toleration, TolerationOptions } from './toleration';
export { DaemonVariant, DaemonVariantsProps, VariantOverrides } from '../variants/variant-props';
export { DaemonServiceKind, DaemonServiceOptions, DaemonServicePort } from '../services/daemon-service';
export { NodeIpEndpoint } from '../services/node-ip-endpoint';
export { StaticPodProps } from '../static-pods/static-pod-props';
export { StaticPodFile, StaticPodManifest } from '../static-pods/static-pod-manifest';
