import type { IPod } from 'kubernetes-models/v1/Pod';
import { validateMirrorPodSpec } from './mirror-pod-rules';
import { STATIC_POD_ANNOTATION } from './static-pod-marker';
import { StaticPodNodes, staticPodNodes } from './static-pod-nodes';
import { DEFAULT_STATIC_POD_NAMESPACE, DEFAULT_STATIC_POD_PATH, StaticPodProps } from './static-pod-props';
import { containerNameFor } from '../daemon/daemon-set';
import { hostPathVolumes } from '../daemon/host-paths';
import { Container, PodSpec } from '../daemon/kubernetes-types';
import { DaemonPropsError, PropProblem } from '../daemon/props-error';
import { JsonObject } from '../json/shape';
import { FieldError, FieldPath, formatFieldError } from '../validation/field-error';
import { DNS1123_SUBDOMAIN_IN_WORDS, dns1123SubdomainErrors, messageInWords } from '../validation/names';
import { validateObjectMeta } from '../validation/object-meta';
import { validatePodSpec } from '../validation/pod-spec';

/** A v1 Pod, as the kubelet reads it from its manifest directory. Type-only: kubernetes-models is not loaded. */
export type StaticPodManifest = IPod;

/** One file to put on one node. */
export interface StaticPodFile {
  /** The node whose kubelet runs the pod. */
  readonly node: string;
  /**
   * Where to write the file, relative to an output directory: `<node>/<name>.yaml`
   * (e.g. `dist/static-pods/cp-1/etcd.yaml`).
   */
  readonly path: string;
  /**
   * Where the file must end up on the node: `<staticPodPath>/<name>.yaml`
   * (`/etc/kubernetes/manifests/etcd.yaml`). The kubelet watches that directory and starts, restarts
   * or stops the pod as the file appears, changes or goes.
   */
  readonly nodePath: string;
  /** The pod's name in the API: its mirror pod, `<name>-<node>`. */
  readonly mirrorPodName: string;
  /**
   * The Pod the file holds: the static pod's manifest with `spec.nodeName` set to `node`. The
   * kubelet sets `spec.nodeName` to its own node's name whatever the file says (`applyDefaults` in
   * pkg/kubelet/config/common.go), so the field changes nothing on the node; it tells
   * `everynode place` which node the file is for.
   */
  readonly manifest: StaticPodManifest;
}

/**
 * The name of the read-only mirror pod through which the API server shows a static pod: the
 * kubelet names it `<name>-<node>` so that the same file on several nodes makes distinct pods
 * (`generatePodName` in pkg/kubelet/config/common.go, called by `applyDefaults`).
 */
export function mirrorPodName(name: string, node: string): string {
  return `${name}-${node}`;
}

/**
 * Turns static pod props into a plain v1 Pod that the kubelet runs from its manifest directory and
 * whose mirror pod the API server accepts: the API server's pod validation (`validatePodSpec`,
 * `validateObjectMeta`) and what it refuses in mirror pods (`validateMirrorPodSpec`) both pass.
 * It carries the `everynode.io/static-pod: "true"` annotation (`STATIC_POD_ANNOTATION`), by which
 * `everynode place` tells it from a bare Pod.
 *
 * The manifest is not meant for `kubectl apply`: applied as an ordinary Pod it would be scheduled
 * like any other, once, and not restarted by any kubelet.
 *
 * @param owner who the props belong to, for error messages (`StaticPod cluster/etcd`)
 * @param name the pod's name unless `props.name` is given
 * @throws DaemonPropsError naming the owner and every prop that is wrong, as the user wrote it
 */
export function staticPodManifest(owner: string, name: string, props: StaticPodProps): StaticPodManifest {
  return manifestFor(owner, name, props, staticPodNodes(props));
}

function manifestFor(owner: string, name: string, props: StaticPodProps, nodes: StaticPodNodes): StaticPodManifest {
  const podName = props.name ?? name;
  const problems = propProblems(podName, props, nodes);
  if (problems.length > 0) throw new DaemonPropsError(owner, problems);

  const { spec, origins } = podSpecFor(podName, props);
  const manifest: StaticPodManifest = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: compact({
      name: podName,
      namespace: props.namespace ?? DEFAULT_STATIC_POD_NAMESPACE,
      labels: props.labels,
      annotations: { ...props.annotations, [STATIC_POD_ANNOTATION]: 'true' },
    }),
    spec,
  };

  const errors: FieldError[] = [
    ...validateObjectMeta(manifest.metadata as JsonObject, FieldPath.root('metadata')),
    ...validatePodSpec(spec as unknown as JsonObject, FieldPath.root('spec')),
    ...validateMirrorPodSpec(spec as unknown as JsonObject),
  ];
  if (errors.length > 0) {
    const layout: Origin[] = [
      ['metadata.name', 'name'],
      ['metadata.namespace', 'namespace'],
      ['metadata.labels', 'labels'],
      ['metadata.annotations', 'annotations'],
      ...origins,
    ];
    throw new DaemonPropsError(owner, errors.map((error) => problemOf(error, layout)));
  }
  return manifest;
}

/**
 * One manifest file per declared node, in the order of `nodes` (or, for `nodeFilter`, of the
 * inventory), each with `spec.nodeName` set to its node.
 * @throws DaemonPropsError as `staticPodManifest` does
 */
export function staticPodFiles(owner: string, name: string, props: StaticPodProps): StaticPodFile[] {
  const nodes = staticPodNodes(props);
  const manifest = manifestFor(owner, name, props, nodes);
  const podName = manifest.metadata!.name!;
  const directory = (props.staticPodPath ?? DEFAULT_STATIC_POD_PATH).replace(/\/+$/, '');
  return (nodes.names as string[]).map((node) => ({
    node,
    path: `${node}/${podName}.yaml`,
    nodePath: `${directory}/${podName}.yaml`,
    mirrorPodName: mirrorPodName(podName, node),
    manifest: { ...manifest, spec: { nodeName: node, ...manifest.spec! } },
  }));
}

/** What is wrong in the props themselves, before a manifest is built. */
function propProblems(podName: string, props: StaticPodProps, nodes: StaticPodNodes): PropProblem[] {
  const problems: PropProblem[] = [];
  if (typeof props.image !== 'string' || props.image.trim() === '') {
    problems.push({ field: 'image', message: 'is required: the image of the pod\'s container, e.g. "registry.k8s.io/etcd:3.5.15-0"' });
  } else if (props.image !== props.image.trim()) {
    problems.push({ field: 'image', message: `must not have leading or trailing whitespace (got ${JSON.stringify(props.image)})` });
  }
  if (dns1123SubdomainErrors(podName).length > 0) {
    problems.push({
      field: 'name',
      message: `${JSON.stringify(podName)} is not a valid Pod name (${DNS1123_SUBDOMAIN_IN_WORDS}): set name to a lowercase name such as "etcd"`,
    });
  }
  if (nodes.problems.length > 0) {
    problems.push(...nodes.problems);
  } else {
    const found = nodeProblems(podName, nodes.names);
    // Names the filter chose are the inventory's: a problem with one is the filter's to answer for.
    problems.push(...(nodes.prop === 'nodes' ? found : found.map((problem) => ({ ...problem, field: 'nodeFilter' }))));
  }
  const staticPodPath = props.staticPodPath;
  if (staticPodPath !== undefined && !staticPodPath.startsWith('/')) {
    problems.push({ field: 'staticPodPath', message: `must be the absolute path of the kubelet's manifest directory (got ${JSON.stringify(staticPodPath)})` });
  }
  if (Array.isArray(props.env)) {
    problems.push({ field: 'env', message: 'must map names to values, e.g. { LOG_LEVEL: "info" }: give Kubernetes EnvVars in envVars' });
  }
  return problems;
}

/** `nodes` must name at least one node, each a Node name once, and each mirror pod name must be valid. */
function nodeProblems(podName: string, nodes: unknown): PropProblem[] {
  if (!Array.isArray(nodes) || nodes.length === 0) {
    return [{ field: 'nodes', message: 'must name at least one node (or give nodeFilter and inventory): a static pod runs only where its file is put, e.g. ["cp-1"]' }];
  }
  const problems: PropProblem[] = [];
  const seen = new Set<string>();
  nodes.forEach((node: unknown, i) => {
    const field = `nodes[${i}]`;
    if (typeof node !== 'string' || dns1123SubdomainErrors(node).length > 0) {
      problems.push({ field, message: `${JSON.stringify(node)} is not a Node name (${DNS1123_SUBDOMAIN_IN_WORDS})` });
      return;
    }
    if (seen.has(node)) {
      problems.push({ field, message: `${JSON.stringify(node)} is listed twice: each node gets one file` });
      return;
    }
    seen.add(node);
    // The mirror pod's name joins both, and must itself be a valid Pod name (at most 253 characters).
    const mirror = mirrorPodName(podName, node);
    if (dns1123SubdomainErrors(podName).length === 0 && dns1123SubdomainErrors(mirror).length > 0) {
      problems.push({ field, message: `makes the mirror pod name ${JSON.stringify(mirror)}, which is not a valid Pod name (${DNS1123_SUBDOMAIN_IN_WORDS}): shorten name` });
    }
  });
  return problems;
}

/** A manifest path prefix and the prop it came from. */
type Origin = readonly [manifestPath: string, prop: string];

/** The pod spec, and where each of its fields came from, for error messages. */
function podSpecFor(podName: string, props: StaticPodProps): { spec: PodSpec; origins: Origin[] } {
  const origins: Origin[] = [];
  const hostPaths = hostPathVolumes(props.hostPaths ?? {});
  const hostPathProps = Object.keys(props.hostPaths ?? {}).map((hostPath) => `hostPaths[${JSON.stringify(hostPath)}]`);
  const plainEnv = Object.entries(props.env ?? {}).map(([name, value]) => ({ name, value }));
  const main = 'spec.containers[0]';

  const listed = (manifestList: string, prop: string, count: number, offset = 0) => {
    for (let i = 0; i < count; i++) origins.push([`${manifestList}[${offset + i}]`, `${prop}[${i}]`]);
  };
  plainEnv.forEach(({ name }, i) => origins.push([`${main}.env[${i}]`, `env[${JSON.stringify(name)}]`]));
  listed(`${main}.env`, 'envVars', props.envVars?.length ?? 0, plainEnv.length);
  hostPathProps.forEach((prop, i) => origins.push([`${main}.volumeMounts[${i}]`, prop], [`spec.volumes[${i}]`, prop]));
  listed(`${main}.volumeMounts`, 'volumeMounts', props.volumeMounts?.length ?? 0, hostPaths.volumeMounts.length);
  listed('spec.volumes', 'volumes', props.volumes?.length ?? 0, hostPaths.volumes.length);
  listed('spec.containers', 'sidecars', props.sidecars?.length ?? 0, 1);
  listed('spec.initContainers', 'initContainers', props.initContainers?.length ?? 0);
  listed('spec.imagePullSecrets', 'imagePullSecrets', props.imagePullSecrets?.length ?? 0);
  for (const prop of ['image', 'command', 'args', 'resources', 'securityContext']) origins.push([`${main}.${prop}`, prop]);
  origins.push(
    [`${main}.name`, 'containerName'],
    ['spec.serviceAccountName', 'serviceAccountName'],
    ['spec.hostNetwork', 'hostNetwork'],
    ['spec.priorityClassName', 'priorityClass'],
  );

  const container: Container = compact({
    name: props.containerName ?? containerNameFor(podName),
    image: props.image,
    command: props.command,
    args: props.args,
    env: nonEmpty([...plainEnv, ...(props.envVars ?? [])]),
    resources: props.resources,
    volumeMounts: nonEmpty([...hostPaths.volumeMounts, ...(props.volumeMounts ?? [])]),
    securityContext: props.securityContext,
  });
  // No dnsPolicy: a static pod often starts before cluster DNS exists, and kubeadm sets none.
  const spec: PodSpec = compact({
    containers: [container, ...(props.sidecars ?? [])],
    initContainers: nonEmpty(props.initContainers ?? []),
    volumes: nonEmpty([...hostPaths.volumes, ...(props.volumes ?? [])]),
    imagePullSecrets: nonEmpty((props.imagePullSecrets ?? []).map((secret) => ({ name: secret }))),
    serviceAccountName: props.serviceAccountName,
    hostNetwork: props.hostNetwork,
    priorityClassName: props.priorityClass?.name,
  });
  return { spec, origins };
}

/**
 * The error as a prop problem: the prop the field came from, as the user wrote it, then the rest of
 * the path (`envVars[1].valueFrom.secretKeyRef`), and the manifest path beside it.
 */
function problemOf(error: FieldError, origins: readonly Origin[]): PropProblem {
  const message = formatFieldError({ ...error, message: messageInWords(error.message) }).slice(error.field.length + 2);
  let best: Origin | undefined;
  for (const origin of origins) {
    const [prefix] = origin;
    const within = error.field === prefix || error.field.startsWith(`${prefix}.`) || error.field.startsWith(`${prefix}[`);
    if (within && (!best || prefix.length > best[0].length)) best = origin;
  }
  if (!best) return { field: error.field, message };
  return { field: best[1] + error.field.slice(best[0].length), message, path: error.field };
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

/** Drops undefined fields so the manifest holds only what was set. */
function compact<T extends object>(object: T): T {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(object) as Array<keyof T & string>) {
    if (object[key] !== undefined) result[key] = object[key];
  }
  return result as T;
}
