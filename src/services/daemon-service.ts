import type { IService as ServiceManifest } from 'kubernetes-models/v1/Service';
import { ContainerPort, DaemonSetManifest } from '../daemon/kubernetes-types';
import { KubernetesMinorVersion } from '../daemon/kubernetes-version';
import { DaemonPropsError, PropProblem } from '../daemon/props-error';
import { JsonObject } from '../json/shape';
import { serviceVersionErrors } from '../validation/kubernetes-version-rules';
import { dns1035LabelErrors, messageInWords } from '../validation/names';

export type { ServiceManifest };

/** A port of a Service in front of daemon pods. */
export interface DaemonServicePort {
  /** The port clients connect to on the Service. */
  readonly port: number;
  /**
   * The container port it forwards to: a declared port's name (`metrics`) or number.
   * @default - `port`
   */
  readonly targetPort?: number | string;
  /**
   * The port's name, required by Kubernetes when a Service has several.
   * @default - the name of the container port it forwards to, if it has one
   */
  readonly name?: string;
  /**
   * @default 'TCP'
   */
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
}

/** Options of a Service that selects a daemon's pods. */
export interface DaemonServiceOptions {
  /**
   * The Service's name, a DNS label that starts with a letter.
   * @default - the daemon's name, with `-headless` for a headless Service, `-local` for a node-local one
   */
  readonly name?: string;
  /**
   * Its ports; each must forward to a port a container of the daemon declares.
   * @default - one port per declared container port, named and numbered like it
   */
  readonly ports?: DaemonServicePort[];
}

/** How clients reach the daemon pods through a Service. */
export enum DaemonServiceKind {
  /** Headless (`clusterIP: None`): DNS gives one A record per daemon pod ("DNS" in the DaemonSet docs). */
  HEADLESS = 'headless',
  /** A virtual IP that reaches a daemon pod on any node ("Service"). */
  CLUSTER = 'cluster',
  /**
   * A virtual IP with `internalTrafficPolicy: Local`: a client reaches the daemon pod of its own
   * node, and none if its node has none (Kubernetes 1.26 and later; beta and on by default since
   * 1.22). Refused for a daemon whose Kubernetes version is older: its API server drops the field.
   */
  NODE_LOCAL = 'node-local',
}

const NAME_SUFFIX: Record<DaemonServiceKind, string> = {
  [DaemonServiceKind.HEADLESS]: '-headless',
  [DaemonServiceKind.CLUSTER]: '',
  [DaemonServiceKind.NODE_LOCAL]: '-local',
};

/** What a Service needs to know of the daemon pods it selects. */
export interface ServiceTarget {
  /** The daemon's name, which the Service's name derives from. */
  readonly name: string;
  readonly namespace?: string;
  /** The daemon's pod selector: the Service selects exactly these labels. */
  readonly selector: Readonly<Record<string, string>>;
  /** The ports the daemon's containers declare. */
  readonly containerPorts: readonly ContainerPort[];
}

/** A DaemonSet as a Service's target: its name, namespace, selector and declared container ports. */
export function serviceTargetOf(daemonSet: DaemonSetManifest): ServiceTarget {
  const podSpec = daemonSet.spec?.template.spec;
  // Sidecars (init containers that keep running) serve ports too.
  const containers = [...(podSpec?.containers ?? []), ...(podSpec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
  // With the host's network, every container port is a port of the node (the API server sets hostPort).
  const hostNetwork = podSpec?.hostNetwork === true;
  return {
    name: daemonSet.metadata?.name ?? '',
    namespace: daemonSet.metadata?.namespace,
    selector: { ...daemonSet.spec?.selector.matchLabels },
    containerPorts: containers
      .flatMap((c) => c.ports ?? [])
      .map((port) => (hostNetwork && !port.hostPort ? { ...port, hostPort: port.containerPort } : port)),
  };
}

function describePort(port: ContainerPort): string {
  return `${port.name ? `${port.name} ` : ''}${port.containerPort}/${port.protocol ?? 'TCP'}`;
}

/**
 * A Service whose selector is exactly the daemon's pod selector, in the daemon's namespace, and
 * whose ports each forward to a port the daemon's containers declare.
 *
 * @param owner who asks for it, for error messages (`NodeDaemon 'agents/node-exporter'`)
 * @param target the daemon (a DaemonSet, or a family of them) whose pods the Service selects
 * @param version the daemon's Kubernetes version, when it has one
 * @throws DaemonPropsError naming the owner and the Service option that is wrong
 */
export function daemonServiceManifest(
  owner: string,
  target: ServiceTarget,
  kind: DaemonServiceKind,
  options: DaemonServiceOptions = {},
  version?: KubernetesMinorVersion,
): ServiceManifest {
  const declared = target.containerPorts;
  const problems: PropProblem[] = [];
  const name = options.name ?? `${target.name}${NAME_SUFFIX[kind]}`;
  for (const message of dns1035LabelErrors(name)) problems.push({ field: 'name', message: `${JSON.stringify(name)} ${messageInWords(message)}` });

  const everyDeclared = declared.map((port) => ({ port: port.containerPort, targetPort: port.name ?? port.containerPort, protocol: port.protocol }));
  const wanted: readonly DaemonServicePort[] = options.ports ?? everyDeclared;
  if (wanted.length === 0 && kind !== DaemonServiceKind.HEADLESS) {
    problems.push({ field: 'ports', message: 'the daemon declares no container port: declare one (ports or hostPorts), or give ports here' });
  }
  const ports = wanted.map((port, i) => {
    const targetPort = port.targetPort ?? port.port;
    const protocol = port.protocol ?? 'TCP';
    const named = (d: ContainerPort) => (typeof targetPort === 'string' ? d.name === targetPort : d.containerPort === targetPort);
    const match = declared.find((d) => named(d) && (d.protocol ?? 'TCP') === protocol);
    if (!match) {
      const field = port.targetPort === undefined ? `ports[${i}].port` : `ports[${i}].targetPort`;
      const known = declared.length > 0 ? declared.map(describePort).join(', ') : 'none';
      problems.push({ field, message: `${JSON.stringify(targetPort)}/${protocol} matches no container port of the daemon (it declares: ${known})` });
    }
    const portName = port.name ?? match?.name;
    return { ...(portName ? { name: portName } : {}), port: port.port, targetPort, protocol };
  });
  if (ports.length > 1 && ports.some((port) => !port.name)) {
    problems.push({ field: 'ports', message: 'a Service with several ports needs a name for each: name the container ports, or give each port a name' });
  }
  const service: ServiceManifest = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(target.namespace ? { namespace: target.namespace } : {}) },
    spec: {
      selector: { ...target.selector },
      ...(kind === DaemonServiceKind.HEADLESS ? { clusterIP: 'None' } : {}),
      ...(kind === DaemonServiceKind.NODE_LOCAL ? { internalTrafficPolicy: 'Local' } : {}),
      ...(ports.length > 0 ? { ports } : {}),
    },
  };
  // The only version-dependent field a Service here gets is the node-local kind's.
  for (const error of serviceVersionErrors(service as unknown as JsonObject, version)) {
    problems.push({
      field: 'kind',
      message: `DaemonServiceKind.NODE_LOCAL sets ${error.field}, which ${error.message}; a client reaches the daemon on its own node through a host port instead (nodeIpEndpoint)`,
    });
  }
  if (problems.length > 0) throw new DaemonPropsError(`${owner} ${kind} Service`, problems);
  return service;
}
