import type { HostPathMount } from '../daemon/host-paths';
import type { Container, EnvVar, ResourceRequirements, SecurityContext, Volume, VolumeMount } from '../daemon/kubernetes-types';
import type { NodeFilter } from '../daemon/node-filter';
import type { PriorityClass } from '../daemon/priority-class';
import type { Inventory } from '../input';

/** Where the kubelet reads static pod manifests unless its `staticPodPath` says otherwise (kubeadm's choice). */
export const DEFAULT_STATIC_POD_PATH = '/etc/kubernetes/manifests';

/** The namespace of kubeadm's static pods (etcd, kube-apiserver, ...), and so of their mirror pods. */
export const DEFAULT_STATIC_POD_NAMESPACE = 'kube-system';

/**
 * The props of a static pod: a Pod that the kubelet of each declared node runs from a file in its
 * manifest directory (`staticPodPath`), not one the API server schedules.
 *
 * Static pods are for what must run before the control plane does (etcd, the API server itself,
 * bootstrap agents). The kubelet starts them itself: taints, selectors and the scheduler play no
 * part, and the API server only shows a read-only mirror pod per node, named `<name>-<node>`. A
 * mirror pod may reference no other API object, since the kubelet starts the pod whether or not
 * such an object exists: no ServiceAccount, Secret, ConfigMap or PersistentVolumeClaim. What the
 * pod needs comes from its node, through `hostPaths`.
 *
 * The vocabulary is `DaemonProps`'s wherever the concept is the same, so that an agent moved
 * between a DaemonSet and a static pod keeps its props; the props a mirror pod may not use
 * (`serviceAccountName`, Secret and ConfigMap references in `volumes`, `envVars`,
 * `imagePullSecrets`, containers) are accepted by the type and refused, each with its own error.
 *
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/static-pod/
 */
export interface StaticPodProps {
  /**
   * The names of the nodes whose kubelet runs the pod (`metadata.name` of each Node, DNS
   * subdomains). One manifest file is written per node. Give either `nodes` or `nodeFilter`.
   * @default - the nodes of `inventory` that `nodeFilter` selects
   */
  readonly nodes?: string[];
  /**
   * The nodes of `inventory` whose kubelet runs the pod, chosen by their labels or names as a
   * DaemonSet's required node affinity would choose them (`NodeFilter.labelEquals('node-role.kubernetes.io/control-plane', '')`
   * style). Needs `inventory`: a static pod has no scheduler to apply a filter on the cluster, so
   * the nodes are chosen when the files are written. Fails at construction when it selects none.
   * @default - the nodes are named in `nodes`
   */
  readonly nodeFilter?: NodeFilter;
  /**
   * The nodes to resolve `nodeFilter` against: the path of a `kubectl get nodes -o yaml` (or
   * `-o json`) file, or Node objects / `NodeBuilder`s. With `nodes`, each named node must be one of it.
   * @default - none: `nodes` are taken as given
   */
  readonly inventory?: Inventory;
  /** The image of the pod's container, e.g. `registry.k8s.io/etcd:3.5.15-0`. */
  readonly image: string;

  /**
   * The static pod's name (`metadata.name` in the file). Its mirror pod in the API is named
   * `<name>-<node>`.
   * @default - the construct id (cdk8s) or the resource name (Pulumi)
   */
  readonly name?: string;
  /**
   * The namespace of the pod, and so of its mirror pod.
   * @default 'kube-system', as kubeadm's static pods
   */
  readonly namespace?: string;
  /**
   * The kubelet's manifest directory on the nodes (its `staticPodPath` setting or
   * `--pod-manifest-path` flag): where the file must be put.
   * @default '/etc/kubernetes/manifests'
   * @see https://kubernetes.io/docs/tasks/configure-pod-container/static-pod/#configuration-files
   */
  readonly staticPodPath?: string;
  /**
   * Labels of the pod.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * Annotations of the pod.
   * @default - none
   */
  readonly annotations?: Record<string, string>;

  /**
   * The name of the pod's container.
   * @default - the static pod's name
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
   * Environment variables in Kubernetes' own shape, for `valueFrom` such as `spec.nodeName`. A
   * `secretKeyRef` or `configMapKeyRef` is refused: a mirror pod may not reference either.
   * @default - none
   */
  readonly envVars?: EnvVar[];
  /**
   * The container's resource requests and limits.
   * @default - none: everynode invents no requests
   */
  readonly resources?: ResourceRequirements;
  /**
   * The container's security context.
   * @default - none
   */
  readonly securityContext?: SecurityContext;
  /**
   * Host directories mounted into the container, host path to mount: how a static pod gets its
   * certificates, configuration and kubeconfig (`{ '/etc/kubernetes/pki': { mountPath: ..., readOnly: true } }`).
   * @default - none
   */
  readonly hostPaths?: Record<string, HostPathMount>;
  /**
   * Further volume mounts of the container (see also `hostPaths`).
   * @default - none
   */
  readonly volumeMounts?: VolumeMount[];
  /**
   * Volumes of the pod, in Kubernetes' own shape. Secret, ConfigMap, PersistentVolumeClaim and
   * ServiceAccount-token volumes are refused.
   * @default - none
   */
  readonly volumes?: Volume[];
  /**
   * Containers that run beside the main one, in Kubernetes' own shape.
   * @default - none
   */
  readonly sidecars?: Container[];
  /**
   * Containers that run to completion before the main one starts.
   * @default - none
   */
  readonly initContainers?: Container[];
  /**
   * Names of the Secrets that hold registry credentials. Always refused (a mirror pod may not
   * reference Secrets): the node's container runtime must be able to pull the image on its own.
   * @default - none
   */
  readonly imagePullSecrets?: string[];
  /**
   * A ServiceAccount for the pod. Always refused: a mirror pod may not reference one. A static pod
   * that talks to the API server reads a kubeconfig from its node through `hostPaths`, as
   * kube-controller-manager and kube-scheduler do under kubeadm.
   * @default - none
   */
  readonly serviceAccountName?: string;

  /**
   * Use the node's network namespace (most static pods do: the pod network may not exist yet).
   * @default false
   */
  readonly hostNetwork?: boolean;
  /**
   * The pod's priority class; `PriorityClass.SYSTEM_NODE_CRITICAL` is what kubeadm gives its
   * static pods, so that the kubelet evicts them last.
   * @default - none (priority 0)
   * @see https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/
   */
  readonly priorityClass?: PriorityClass;
}
