import { JsonObject, listAt, numberAt, objectAt, stringAt } from '../json/shape';

/** A host port a daemon pod holds on its node. */
export interface HostPort {
  readonly port: number;
  readonly protocol: string;
  readonly hostIP: string;
}

/** The address an empty hostIP means (the scheduler's `HostPortInfo` sanitizes "" to it). */
const ANY_ADDRESS = '0.0.0.0';

/**
 * The host ports of a daemon pod, as the scheduler's `GetHostPorts` collects them: the
 * containers' and the restartable (sidecar) init containers', since plain init containers have
 * exited before the pod runs. A host-network pod holds every container port on the node (pod
 * defaulting sets hostPort to containerPort for it).
 */
export function hostPortsOf(podSpec: JsonObject): HostPort[] {
  const hostNetwork = podSpec.hostNetwork === true;
  const ports: HostPort[] = [];
  const sidecars = listAt(podSpec.initContainers).filter((c) => objectAt(c)?.restartPolicy === 'Always');
  for (const container of [...listAt(podSpec.containers), ...sidecars]) {
    for (const raw of listAt(objectAt(container)?.ports)) {
      const port = objectAt(raw) ?? {};
      const hostPort = numberAt(port.hostPort) || (hostNetwork ? numberAt(port.containerPort) : undefined);
      if (!hostPort) continue;
      ports.push({ port: hostPort, protocol: stringAt(port.protocol) || 'TCP', hostIP: stringAt(port.hostIP) || ANY_ADDRESS });
    }
  }
  return ports;
}

/**
 * Whether two pods cannot share a node, as the scheduler's `HostPortInfo.CheckConflict` decides:
 * the same port and protocol on the same address, where 0.0.0.0 overlaps every address.
 */
export function portsConflict(a: HostPort, b: HostPort): boolean {
  if (a.port !== b.port || a.protocol !== b.protocol) return false;
  return a.hostIP === b.hostIP || a.hostIP === ANY_ADDRESS || b.hostIP === ANY_ADDRESS;
}

export function describeHostPort(port: HostPort): string {
  return `${port.hostIP === ANY_ADDRESS ? '' : `${port.hostIP}:`}${port.port}/${port.protocol}`;
}
