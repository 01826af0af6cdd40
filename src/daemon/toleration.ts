import { TolerationSpec } from './kubernetes-types';
import { CONTROL_PLANE_TAINT, controlPlaneTaintKeysOf, KubernetesMinorVersion, LEGACY_MASTER_TAINT, parseKubernetesVersion } from './kubernetes-version';

export { CONTROL_PLANE_TAINT, LEGACY_MASTER_TAINT };

/**
 * What a taint does to pods that do not tolerate it.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
 */
export enum TaintEffect {
  /** No new pod is scheduled; running pods stay. */
  NO_SCHEDULE = 'NoSchedule',
  /** The scheduler avoids the node if it can. Never keeps a DaemonSet pod away. */
  PREFER_NO_SCHEDULE = 'PreferNoSchedule',
  /** No new pod is scheduled and running pods are evicted. */
  NO_EXECUTE = 'NoExecute',
}

/** Options of a single toleration. */
export interface TolerationOptions {
  /**
   * The taint effect to tolerate.
   * @default - every effect
   */
  readonly effect?: TaintEffect;
  /**
   * How long a running pod stays on a node after a NoExecute taint appears. Only valid with
   * `effect: TaintEffect.NO_EXECUTE`.
   * @default - forever
   */
  readonly tolerationSeconds?: number;
}

/** Options of the control-plane toleration preset. */
export interface ControlPlaneTolerationOptions {
  /**
   * The Kubernetes version the cluster runs (`"1.29"`, `"v1.23.17"`). Before 1.24 control-plane
   * nodes carry `node-role.kubernetes.io/master:NoSchedule`; kubeadm 1.24 adds
   * `node-role.kubernetes.io/control-plane:NoSchedule` beside it, and 1.25 drops the old one.
   * @default - the Kubernetes version of the daemon whose `tolerations` hold these (its
   * `kubernetesVersion`, or the app's); without one, both taints, which is right for every
   * version and for clusters upgraded across 1.24
   */
  readonly kubernetesVersion?: string;
}

/**
 * A toleration lets a pod run on a node despite a matching taint.
 *
 * Taints keep pods away from nodes: the control plane (`node-role.kubernetes.io/control-plane`),
 * GPU pools (`nvidia.com/gpu`), dedicated pools, and nodes the node lifecycle controller marks as
 * not ready or unreachable. A DaemonSet pod lands on a node only when it tolerates every taint of
 * effect NoSchedule or NoExecute there. The DaemonSet controller adds a few tolerations of its
 * own (not-ready and unreachable NoExecute, the pressure and unschedulable NoSchedule taints), so
 * daemon pods reach cordoned nodes without asking.
 *
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
 */
export class Toleration {
  /** Tolerates every value of the taint `key`. */
  static exists(key: string, options: TolerationOptions = {}): Toleration {
    return new Toleration({ key, operator: 'Exists', effect: options.effect, tolerationSeconds: options.tolerationSeconds });
  }

  /** Tolerates the taint `key` only with this exact value. */
  static equal(key: string, value: string, options: TolerationOptions = {}): Toleration {
    return new Toleration({
      key,
      operator: 'Equal',
      value,
      effect: options.effect,
      tolerationSeconds: options.tolerationSeconds,
    });
  }

  /**
   * Tolerates every taint on every node (`operator: Exists` with no key), as kube-proxy and CNI
   * agents do: the pod runs even on nodes being drained or evicted.
   */
  static everything(): Toleration {
    return new Toleration({ operator: 'Exists' });
  }

  /**
   * Tolerates the control-plane NoSchedule taint under the name(s) the cluster version uses. Without
   * a version, a daemon with a Kubernetes version keeps only the name(s) of that version.
   */
  static controlPlane(options: ControlPlaneTolerationOptions = {}): Toleration[] {
    const followsDaemon = options.kubernetesVersion === undefined;
    return controlPlaneTaintKeys(options.kubernetesVersion).map((key) => {
      const toleration = Toleration.exists(key, { effect: TaintEffect.NO_SCHEDULE });
      toleration.followsDaemonVersion = followsDaemon;
      return toleration;
    });
  }

  /**
   * Tolerates the NoSchedule taints of not-ready and unreachable nodes. The DaemonSet controller
   * only adds their NoExecute halves, so without these an agent does not start on a sick node,
   * which is where a node-problem detector or a CNI agent is needed most.
   */
  static nodeLifecycle(): Toleration[] {
    return ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'].map((key) =>
      Toleration.exists(key, { effect: TaintEffect.NO_SCHEDULE }),
    );
  }

  /** A toleration written in Kubernetes' own shape, for what the factories do not cover. */
  static fromSpec(spec: TolerationSpec): Toleration {
    return new Toleration({ ...spec });
  }

  /** Made by `controlPlane()` without a version: the daemon's version decides whether it is written. */
  private followsDaemonVersion = false;

  private constructor(private readonly spec: TolerationSpec) {}

  /**
   * Whether a daemon for this Kubernetes version writes the toleration: a control-plane toleration
   * made without a version is left out when the version's nodes do not carry its taint name.
   * @internal
   */
  _neededBy(version: KubernetesMinorVersion | undefined): boolean {
    return !this.followsDaemonVersion || !version || controlPlaneTaintKeysOf(version).includes(this.spec.key!);
  }

  /** The toleration as it appears in a pod spec. */
  toJson(): TolerationSpec {
    const json: Record<string, unknown> = {};
    for (const key of ['key', 'operator', 'value', 'effect', 'tolerationSeconds'] as const) {
      if (this.spec[key] !== undefined) json[key] = this.spec[key];
    }
    return json as TolerationSpec;
  }
}

/**
 * The control-plane taint keys a cluster of the given version puts on its control plane.
 * @throws RangeError when the version is not a Kubernetes version
 */
export function controlPlaneTaintKeys(kubernetesVersion?: string): string[] {
  if (kubernetesVersion === undefined) return controlPlaneTaintKeysOf(undefined);
  const version = parseKubernetesVersion(kubernetesVersion);
  if (!version) {
    throw new RangeError(`kubernetesVersion must look like "1.29" or "v1.29.3" (got ${JSON.stringify(kubernetesVersion)})`);
  }
  return controlPlaneTaintKeysOf(version);
}
