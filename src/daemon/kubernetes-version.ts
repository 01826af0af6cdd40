/*
 * What changes with the Kubernetes version of the target cluster, in one place: the constructs,
 * the Service helpers and the validation all read these facts from here.
 */

/** A Kubernetes minor version, e.g. `1.29` from `"1.29"`, `"v1.29.3"` or `"1.29.0-eks-1234"`. */
export interface KubernetesMinorVersion {
  readonly major: number;
  readonly minor: number;
}

/**
 * The cdk8s context key and the Pulumi stack config key (`everynode:kubernetesVersion`) that set the
 * Kubernetes version for every everynode construct or component of an app that names none itself.
 */
export const KUBERNETES_VERSION_SETTING = 'everynode:kubernetesVersion';

/** The control-plane taint since Kubernetes 1.24. */
export const CONTROL_PLANE_TAINT = 'node-role.kubernetes.io/control-plane';
/** The control-plane taint before Kubernetes 1.25. */
export const LEGACY_MASTER_TAINT = 'node-role.kubernetes.io/master';

const VERSION = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/;

/** @returns the version, or undefined when the text is not a Kubernetes version. */
export function parseKubernetesVersion(text: string): KubernetesMinorVersion | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

export function isAtLeast(version: KubernetesMinorVersion, major: number, minor: number): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}

/** `1.21`, as messages name a version. */
export function formatKubernetesVersion(version: KubernetesMinorVersion): string {
  return `${version.major}.${version.minor}`;
}

/** What is wrong with a version setting, or undefined when it is a Kubernetes version. */
export function kubernetesVersionProblem(value: unknown): string | undefined {
  if (typeof value === 'string' && parseKubernetesVersion(value)) return undefined;
  if (typeof value === 'number') {
    // 1.30 as a number is 1.3: the version must be text.
    return `must be a string such as "1.29", not the number ${value}`;
  }
  return `must look like "1.29" or "v1.29.3" (got ${JSON.stringify(value)})`;
}

/**
 * The control-plane taint keys a cluster of the given version puts on its control plane; both
 * when the version is not known. kubeadm 1.24 adds the `control-plane` taint beside `master`
 * (`AddNewControlPlaneTaint`), and 1.25 removes `master` (`RemoveOldControlPlaneTaint`).
 */
export function controlPlaneTaintKeysOf(version: KubernetesMinorVersion | undefined): string[] {
  if (!version) return [CONTROL_PLANE_TAINT, LEGACY_MASTER_TAINT];
  if (!isAtLeast(version, 1, 24)) return [LEGACY_MASTER_TAINT];
  if (!isAtLeast(version, 1, 25)) return [CONTROL_PLANE_TAINT, LEGACY_MASTER_TAINT];
  return [CONTROL_PLANE_TAINT];
}

/**
 * Whether a DaemonSet may surge (`maxSurge` above 0). The `DaemonSetUpdateSurge` feature gate is
 * alpha and off in 1.21, beta and on from 1.22, GA in 1.25; with it off, the API server drops
 * `maxSurge` and then refuses the `maxUnavailable: 0` that a surge needs.
 */
export function allowsDaemonSetSurge(version: KubernetesMinorVersion | undefined): boolean {
  return !version || isAtLeast(version, 1, 22);
}

/**
 * Whether a Service may set `internalTrafficPolicy`. The `ServiceInternalTrafficPolicy` feature
 * gate is alpha and off in 1.21, beta and on from 1.22, GA in 1.26; with it off, the API server
 * drops the field and the Service routes to every node.
 */
export function allowsInternalTrafficPolicy(version: KubernetesMinorVersion | undefined): boolean {
  return !version || isAtLeast(version, 1, 22);
}

/** The first version with each feature, for messages. */
export const SURGE_SINCE = '1.22';
export const INTERNAL_TRAFFIC_POLICY_SINCE = '1.22';
