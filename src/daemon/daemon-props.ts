import { HostPathMount } from './host-paths';
import {
  Container,
  ContainerPort,
  EnvVar,
  PodSecurityContext,
  Probe,
  ResourceRequirements,
  SecurityContext,
  Volume,
  VolumeMount,
} from './kubernetes-types';
import { NodeFilter } from './node-filter';
import { PriorityClass } from './priority-class';
import { Rollout } from './rollout';
import { Toleration } from './toleration';

/**
 * How the pods resolve names.
 * @see https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy
 */
export enum DnsPolicy {
  /** The cluster's DNS, then the node's upstream servers for names outside the cluster domain. */
  CLUSTER_FIRST = 'ClusterFirst',
  /** `ClusterFirst` for a pod on the host network, which would otherwise get the node's resolver. */
  CLUSTER_FIRST_WITH_HOST_NET = 'ClusterFirstWithHostNet',
  /** The node's resolver configuration: no cluster names. */
  DEFAULT = 'Default',
  // No NONE: Kubernetes requires a `dnsConfig` with it, and no prop sets one.
}

/** A soft preference for some nodes; the scheduler weighs it but never insists. */
export interface PreferredNodes {
  /** How much the preference counts, 1 to 100. */
  readonly weight: number;
  /** The nodes preferred. */
  readonly nodes: NodeFilter;
}

/**
 * The props every everynode daemon takes, in cdk8s and in Pulumi alike.
 *
 * Defaults are chosen for node agents and written out in the manifest, so a snapshot shows them.
 * Nothing is added that a node agent would have to undo: no resource requests, no security
 * context unless `hardened` is asked for.
 */
export interface DaemonProps {
  /** The image of the agent's container, e.g. `cr.fluentbit.io/fluent/fluent-bit:3.2.0`. */
  readonly image: string;

  /**
   * The DaemonSet's name (`metadata.name`).
   * @default - the construct id (cdk8s) or the resource name (Pulumi)
   */
  readonly name?: string;
  /**
   * The namespace.
   * @default - the chart's namespace (cdk8s) or the provider's (Pulumi)
   */
  readonly namespace?: string;
  /**
   * Labels of the DaemonSet object. The selector labels are always added.
   * @default - the selector labels only
   */
  readonly labels?: Record<string, string>;
  /**
   * Annotations of the DaemonSet object.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
  /**
   * Extra labels of the pods. They may not redefine a selector label.
   * @default - the selector labels only
   */
  readonly podLabels?: Record<string, string>;
  /**
   * Annotations of the pods.
   * @default - none
   */
  readonly podAnnotations?: Record<string, string>;

  /**
   * The `app.kubernetes.io/instance` selector label.
   * @default - the DaemonSet's name
   */
  readonly instance?: string;
  /**
   * The selector labels, replacing `app.kubernetes.io/name` and `app.kubernetes.io/instance`.
   * `spec.selector` cannot change once a DaemonSet exists: set this to adopt one that was
   * created with other labels (e.g. `{ 'k8s-app': 'fluent-bit' }`).
   * @default - { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': instance }
   */
  readonly selectorLabels?: Record<string, string>;

  /**
   * The name of the agent's container.
   * @default - the DaemonSet's name
   */
  readonly containerName?: string;
  /**
   * The container's entrypoint.
   * @default - the image's ENTRYPOINT
   */
  readonly command?: string[];
  /**
   * The container's arguments.
   * @default - the image's CMD
   */
  readonly args?: string[];
  /**
   * Environment variables with plain values, name to value. They come before `envVars` in the
   * container's `env`.
   * @default - none
   */
  readonly env?: Record<string, string>;
  /**
   * Environment variables in Kubernetes' own shape, for `valueFrom` such as `spec.nodeName`,
   * which node agents often need. They follow the entries of `env`, and may not repeat one of its
   * names: Kubernetes would silently use the later one.
   * @default - none
   */
  readonly envVars?: EnvVar[];
  /**
   * The container's ports.
   * @default - none
   */
  readonly ports?: ContainerPort[];
  /**
   * Ports opened on the node itself: each becomes a TCP container port with the same `hostPort`.
   * A host port is one per node, so a surge rollout cannot start a second pod beside the first.
   * @default - none
   */
  readonly hostPorts?: number[];
  /**
   * The container's resource requests and limits.
   * @default - none: everynode invents no requests
   */
  readonly resources?: ResourceRequirements;
  /**
   * The container's security context.
   * @default - none, or the hardened one when `hardened` is true
   */
  readonly securityContext?: SecurityContext;
  /**
   * The container's liveness probe.
   * @default - none
   */
  readonly livenessProbe?: Probe;
  /**
   * The container's readiness probe.
   * @default - none
   */
  readonly readinessProbe?: Probe;
  /**
   * Further volume mounts of the agent's container (see also `hostPaths`).
   * @default - none
   */
  readonly volumeMounts?: VolumeMount[];
  /**
   * Containers that run beside the agent, in Kubernetes' own shape.
   * @default - none
   */
  readonly sidecars?: Container[];
  /**
   * Containers that run to completion before the agent starts.
   * @default - none
   */
  readonly initContainers?: Container[];
  /**
   * Volumes of the pod, in Kubernetes' own shape.
   * @default - none
   */
  readonly volumes?: Volume[];
  /**
   * Host directories mounted into the agent's container, host path to mount.
   * `{ '/var/log': { mountPath: '/var/log' } }` mounts the node's logs read-write.
   * @default - none
   */
  readonly hostPaths?: Record<string, HostPathMount>;
  /**
   * Names of the Secrets that hold registry credentials.
   * @default - none
   */
  readonly imagePullSecrets?: string[];

  /**
   * How pods are replaced when the template changes.
   * @default Rollout.rollingUpdate({ maxUnavailable: PodCount.absolute(1) })
   */
  readonly rollout?: Rollout;
  /**
   * Seconds a new pod must be ready before it counts as available during a rollout.
   * @default 0
   */
  readonly minReadySeconds?: number;
  /**
   * How many old revisions to keep for rollback.
   * @default 10
   */
  readonly revisionHistoryLimit?: number;

  /**
   * Taints the pods tolerate, on top of what the daemon kind adds (`MasterTolerant`: the
   * control-plane taints; `NodeFilteredDaemon`: what its filter needs) and what the DaemonSet
   * controller adds to every daemon pod (the NoExecute halves of not-ready and unreachable, and
   * the pressure and unschedulable NoSchedule taints). A node with any other NoSchedule or
   * NoExecute taint (`nvidia.com/gpu`, a dedicated pool, `os=windows`) gets no pod without one
   * here; `[Toleration.everything()]` tolerates them all, for an agent that must run on every
   * node whatever its taints.
   * @default - none
   */
  readonly tolerations?: Toleration[];
  /**
   * Node labels a node must carry, with these values, to run the daemon.
   * `{ 'kubernetes.io/os': 'linux' }` keeps a Linux-only image off Windows nodes: nothing else
   * does, since the DaemonSet controller does not check the node's OS.
   * @default - none
   */
  readonly nodeSelector?: Record<string, string>;
  /**
   * Nodes the scheduler should prefer. Does not change which nodes run a daemon pod.
   * @default - none
   */
  readonly preferredNodes?: PreferredNodes[];
  /**
   * The Kubernetes version of the target cluster (`"1.29"`, `"v1.23.17"`), for this daemon alone.
   * It decides the control-plane taint name(s) that `MasterTolerant`, and `Toleration.controlPlane()`
   * in `tolerations`, tolerate (1.23 and before: `node-role.kubernetes.io/master`; 1.24: both;
   * 1.25 and later: `node-role.kubernetes.io/control-plane`); a surge (`maxSurge`) is refused
   * before 1.22, as are node-local Services (`internalTrafficPolicy`), whose fields those versions
   * drop.
   * @default - the app's `everynode:kubernetesVersion` (cdk8s context, Pulumi stack config); without
   * one, both taint names and everything the latest Kubernetes accepts
   */
  readonly kubernetesVersion?: string;

  /**
   * The pods' priority class.
   * @default - none (priority 0)
   * @see https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/
   */
  readonly priorityClass?: PriorityClass;
  /**
   * Use the node's network namespace. Sets `dnsPolicy` to `ClusterFirstWithHostNet` unless
   * `dnsPolicy` is given, so the agent still resolves cluster names.
   * @default false
   */
  readonly hostNetwork?: boolean;
  /**
   * The pods' DNS policy.
   * @default - ClusterFirstWithHostNet with hostNetwork, otherwise Kubernetes' ClusterFirst
   */
  readonly dnsPolicy?: DnsPolicy;
  /**
   * Use the node's process namespace (node exporters, security agents).
   * @default false
   */
  readonly hostPID?: boolean;
  /**
   * Use the node's IPC namespace.
   * @default false
   */
  readonly hostIPC?: boolean;
  /**
   * The ServiceAccount the pods run as.
   * @default - the namespace's `default` ServiceAccount
   */
  readonly serviceAccountName?: string;
  /**
   * Whether the ServiceAccount token is mounted.
   * @default - Kubernetes' default (mounted)
   */
  readonly automountServiceAccountToken?: boolean;
  /**
   * The pod's security context.
   * @default - none, or the hardened one when `hardened` is true
   */
  readonly podSecurityContext?: PodSecurityContext;
  /**
   * Run every container with the hardened profile: non-root, no privilege escalation, every
   * capability dropped, read-only root filesystem, the runtime's default seccomp profile. Fields
   * set in `securityContext`, `podSecurityContext` or a sidecar's own context win. Many node
   * agents need root or capabilities, which is why this is opt-in.
   * @default false
   */
  readonly hardened?: boolean;
  /**
   * Seconds the pod gets to shut down.
   * @default - Kubernetes' default (30)
   */
  readonly terminationGracePeriodSeconds?: number;
  /**
   * The RuntimeClass of the pods (e.g. `nvidia` for GPU agents on some clusters).
   * @default - the cluster's default runtime
   */
  readonly runtimeClassName?: string;
}

/** Props of a daemon that runs only on the nodes a filter selects. */
export interface NodeFilteredDaemonProps extends DaemonProps {
  /** The nodes to run on, with the tolerations they need (`NodeFilter.gpu()`). */
  readonly nodes: NodeFilter;
}
