import { lazyModule } from '../lazy-module';
import { DaemonProps, DnsPolicy, NodeFilteredDaemonProps } from './daemon-props';
import { hardenContainer, hardenPod } from './hardened-profile';
import { hostPathVolumes } from './host-paths';
import { podLabelsFor, selectorLabelsFor } from './identity';
import { Container, DaemonSetManifest, PodSpec, TolerationSpec } from './kubernetes-types';
import { KubernetesMinorVersion, kubernetesVersionProblem, parseKubernetesVersion } from './kubernetes-version';
import { recordModelFindings } from './model-warnings';
import { NodeFilter } from './node-filter';
import { PodCount } from './pod-count';
import { manifestProblems, TolerationOrigin } from './prop-paths';
import { DaemonPropsError, PropProblem } from './props-error';
import { Rollout } from './rollout';
import { Toleration } from './toleration';
import type * as Inspection from '../validation/check-daemon-set';
import { DNS1123_SUBDOMAIN_IN_WORDS, dns1123SubdomainErrors } from '../validation/names';

/** What a daemon kind adds to the props: where it must run and what it must tolerate. */
export interface DaemonPlacement {
  /** Required node affinity. */
  readonly requiredNodes?: NodeFilter;
  /** Tolerations the kind needs, before the user's own. */
  readonly tolerations?: readonly Toleration[];
}

// The API server's rules are most of what the core entry (src/main.ts) would load at start: they are
// loaded when the first DaemonSet is built.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const inspection = lazyModule<typeof Inspection>(() => require('../validation/check-daemon-set'));

const DEFAULT_ROLLOUT = Rollout.rollingUpdate({ maxUnavailable: PodCount.absolute(1) });
const DEFAULT_REVISION_HISTORY_LIMIT = 10;

/**
 * Turns daemon props into a plain apps/v1 DaemonSet that the API server accepts.
 *
 * @param owner who the props belong to, for error messages (`NodeDaemon agents/fluent-bit`)
 * @param name the DaemonSet's name unless `props.name` is given
 * @throws DaemonPropsError naming the owner and every prop that is wrong
 */
export function buildDaemonSet(owner: string, name: string, props: DaemonProps, placement: DaemonPlacement = {}): DaemonSetManifest {
  const problems: PropProblem[] = [];
  const daemonName = props.name ?? name;
  if (typeof props.image !== 'string' || props.image.trim() === '') {
    problems.push({ field: 'image', message: 'is required: the image of the agent container, e.g. "registry.k8s.io/kube-proxy:v1.31.0"' });
  } else if (props.image !== props.image.trim()) {
    // The API server accepts this in a template, but every pod it creates is then rejected.
    problems.push({ field: 'image', message: `must not have leading or trailing whitespace (got ${JSON.stringify(props.image)})` });
  }
  placement.requiredNodes?.toNodeSelectorTerms().forEach((term, i) => {
    if (!term.matchExpressions && !term.matchFields) {
      problems.push({
        field: 'nodes',
        message: `term ${i} has no requirement, and an empty node selector term matches no node (e.g. NodeFilter.notNamed() with no names)`,
      });
    }
  });
  if (dns1123SubdomainErrors(daemonName).length > 0) {
    problems.push({
      field: 'name',
      message: `${JSON.stringify(daemonName)} is not a valid DaemonSet name (${DNS1123_SUBDOMAIN_IN_WORDS}): set name to a lowercase name such as "fluent-bit"`,
    });
  }
  const versionProblem = props.kubernetesVersion === undefined ? undefined : kubernetesVersionProblem(props.kubernetesVersion);
  if (versionProblem) problems.push({ field: 'kubernetesVersion', message: versionProblem });
  const rollout = props.rollout ?? DEFAULT_ROLLOUT;
  problems.push(...rollout._problems('rollout'));
  if (rollout._surges && usesHostPorts(props)) {
    problems.push({
      field: 'rollout.maxSurge',
      message:
        'cannot be used with host ports: the surge pod needs the port the old pod holds, stays Pending, and the rollout never ends (KEP-1591); use maxUnavailable instead',
    });
  }
  problems.push(...envProblems(props));
  const selectorLabels = props.selectorLabels ?? selectorLabelsFor(daemonName, props.instance);
  if (Object.keys(selectorLabels).length === 0) {
    problems.push({ field: 'selectorLabels', message: 'must hold at least one label: the API server rejects an empty selector' });
  }
  const { labels: podLabels, problems: labelProblems } = podLabelsFor(selectorLabels, props.podLabels);
  problems.push(...labelProblems);
  if (problems.length > 0) throw new DaemonPropsError(owner, problems);
  const version = props.kubernetesVersion === undefined ? undefined : parseKubernetesVersion(props.kubernetesVersion);

  const manifest: DaemonSetManifest = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: compact({
      name: daemonName,
      namespace: props.namespace,
      labels: { ...props.labels, ...selectorLabels },
      annotations: props.annotations,
    }),
    spec: {
      selector: { matchLabels: { ...selectorLabels } },
      template: {
        metadata: compact({ labels: podLabels, annotations: props.podAnnotations }),
        spec: podSpecFor(daemonName, props, placement, version),
      },
      updateStrategy: rollout.toJson(),
      minReadySeconds: props.minReadySeconds ?? 0,
      revisionHistoryLimit: props.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT,
    },
  };

  const { errors, warnings, plainData } = inspection.inspectDaemonSet(manifest, undefined, { kubernetesVersion: props.kubernetesVersion });
  if (errors.length > 0) {
    const nodes = placement.requiredNodes;
    throw new DaemonPropsError(
      owner,
      manifestProblems(errors, {
        props,
        manifest,
        requiredNodes: nodes && { filter: nodes, prop: nodes === (props as Partial<NodeFilteredDaemonProps>).nodes ? 'nodes' : undefined },
        tolerationOrigins: () => {
          const origins: TolerationOrigin[] = [];
          tolerationsFor(props, placement, version, origins);
          return origins;
        },
      }),
    );
  }
  recordModelFindings(manifest, { warnings, plainData });
  return manifest;
}

function podSpecFor(daemonName: string, props: DaemonProps, placement: DaemonPlacement, version: KubernetesMinorVersion | undefined): PodSpec {
  const hostPaths = hostPathVolumes(props.hostPaths ?? {});
  const harden = props.hardened ? hardenContainer : (c: Container) => c;
  const agent: Container = compact({
    name: props.containerName ?? containerNameFor(daemonName),
    image: props.image,
    command: props.command,
    args: props.args,
    env: nonEmpty([...Object.entries(props.env ?? {}).map(([name, value]) => ({ name, value })), ...(props.envVars ?? [])]),
    ports: nonEmpty([
      ...(props.ports ?? []),
      ...(props.hostPorts ?? []).map((port) => ({ containerPort: port, hostPort: port, protocol: 'TCP' as const })),
    ]),
    resources: props.resources,
    volumeMounts: nonEmpty([...hostPaths.volumeMounts, ...(props.volumeMounts ?? [])]),
    livenessProbe: props.livenessProbe,
    readinessProbe: props.readinessProbe,
    securityContext: props.securityContext,
  });

  const hostNetwork = props.hostNetwork ?? false;
  return compact({
    containers: [agent, ...(props.sidecars ?? [])].map(harden),
    initContainers: nonEmpty((props.initContainers ?? []).map(harden)),
    volumes: nonEmpty([...hostPaths.volumes, ...(props.volumes ?? [])]),
    imagePullSecrets: nonEmpty((props.imagePullSecrets ?? []).map((secret) => ({ name: secret }))),
    serviceAccountName: props.serviceAccountName,
    automountServiceAccountToken: props.automountServiceAccountToken,
    priorityClassName: props.priorityClass?.name,
    hostNetwork: props.hostNetwork,
    dnsPolicy: props.dnsPolicy ?? (hostNetwork ? DnsPolicy.CLUSTER_FIRST_WITH_HOST_NET : undefined),
    hostPID: props.hostPID,
    hostIPC: props.hostIPC,
    securityContext: props.hardened ? hardenPod(props.podSecurityContext) : props.podSecurityContext,
    terminationGracePeriodSeconds: props.terminationGracePeriodSeconds,
    runtimeClassName: props.runtimeClassName,
    nodeSelector: props.nodeSelector,
    affinity: affinityFor(props, placement),
    tolerations: nonEmpty(tolerationsFor(props, placement, version)),
  });
}

/** A DaemonSet name may hold dots and 253 characters; a container name is a DNS label. */
export function containerNameFor(daemonName: string): string {
  return daemonName.replace(/\./g, '-').slice(0, 63).replace(/-+$/, '');
}

/** With hostNetwork every container port is a port of the node. */
function usesHostPorts(props: DaemonProps): boolean {
  const ports = [...(props.ports ?? []), ...(props.sidecars ?? []).flatMap((c) => c.ports ?? [])];
  if ((props.hostPorts ?? []).length > 0) return true;
  return props.hostNetwork === true ? ports.length > 0 : ports.some((p) => (p.hostPort ?? 0) > 0);
}

function envProblems(props: DaemonProps): PropProblem[] {
  // A list in `env` (Kubernetes' own shape, which belongs in `envVars`) would otherwise become
  // variables named "0", "1", ...
  if (Array.isArray(props.env)) {
    return [{ field: 'env', message: 'must map names to values, e.g. { LOG_LEVEL: "info" }: give Kubernetes EnvVars in envVars' }];
  }
  const plain = props.env ?? {};
  return (props.envVars ?? []).flatMap((envVar, i) =>
    Object.prototype.hasOwnProperty.call(plain, envVar.name)
      ? [{ field: `envVars[${i}].name`, message: `${JSON.stringify(envVar.name)} is in env too: set each variable in one of them` }]
      : [],
  );
}

function affinityFor(props: DaemonProps, placement: DaemonPlacement): PodSpec['affinity'] {
  const required = placement.requiredNodes?.toNodeSelectorTerms();
  const preferred = (props.preferredNodes ?? []).flatMap(({ weight, nodes }) =>
    nodes.toNodeSelectorTerms().map((preference) => ({ weight, preference })),
  );
  if (!required && preferred.length === 0) return undefined;
  return {
    nodeAffinity: compact({
      requiredDuringSchedulingIgnoredDuringExecution: required ? { nodeSelectorTerms: required } : undefined,
      preferredDuringSchedulingIgnoredDuringExecution: nonEmpty(preferred),
    }),
  };
}

/**
 * The kind's tolerations, the node filter's, then the user's; each written once, and those of
 * control-plane taint names the version's nodes do not carry left out. `origins`, when given, is
 * told where each one written came from: an error message names the user's own index.
 */
function tolerationsFor(
  props: DaemonProps,
  placement: DaemonPlacement,
  version: KubernetesMinorVersion | undefined,
  origins?: TolerationOrigin[],
): TolerationSpec[] {
  const kind = placement.tolerations ?? [];
  const filter = placement.requiredNodes?.tolerations ?? [];
  const all = [...kind, ...filter, ...(props.tolerations ?? [])];
  const seen = new Set<string>();
  const written: TolerationSpec[] = [];
  all.forEach((toleration, i) => {
    if (!toleration._neededBy(version)) return;
    const t = toleration.toJson();
    const key = tolerationIdentity(t);
    if (seen.has(key)) return;
    seen.add(key);
    written.push(t);
    if (!origins) return;
    if (i < kind.length) origins.push({ from: 'kind' });
    else if (i < kind.length + filter.length) origins.push({ from: 'nodes', toleration });
    else origins.push({ from: 'tolerations', index: i - kind.length - filter.length });
  });
  return written;
}

/**
 * What tells two written tolerations apart. Their fields are label keys and values, effects,
 * operators and a number, none of which can hold a control character, so the fields are joined
 * with one and an absent field is another.
 */
function tolerationIdentity(t: TolerationSpec): string {
  const field = (value: string | number | undefined) => (value === undefined ? '\u0001' : String(value));
  return [field(t.key), field(t.operator), field(t.value), field(t.effect), field(t.tolerationSeconds)].join('\u0000');
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

/** Drops undefined fields so the manifest holds only what was set. */
function compact<T extends object>(object: T): T {
  // for...in rather than Object.entries: this runs a few times for every DaemonSet built, mostly
  // before the JIT has optimized it, and for...in allocates no entry arrays. The objects compacted
  // here are object literals, so there are no inherited keys to skip.
  const result: Record<string, unknown> = {};
  for (const key in object) {
    const value = object[key];
    if (value !== undefined) result[key] = value;
  }
  return result as T;
}
