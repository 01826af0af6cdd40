import { JsonObject, listAt, numberAt, objectAt, stringAt } from '../json/shape';

/** A host port a daemon pod holds on its node. */
export interface HostPort {
  readonly port: number;
  readonly protocol: string;
  readonly hostIP: string;
}

const ANY_ADDRESS = new Set(['', '0.0.0.0', '::']);

/**
 * The host ports of a daemon pod. A host-network pod holds every container port on the node
 * (pod defaulting sets hostPort to containerPort for it).
 */
export function hostPortsOf(podSpec: JsonObject): HostPort[] {
  const hostNetwork = podSpec.hostNetwork === true;
  const ports: HostPort[] = [];
  for (const container of [...listAt(podSpec.containers), ...listAt(podSpec.initContainers)]) {
    for (const raw of listAt(objectAt(container)?.ports)) {
      const port = objectAt(raw) ?? {};
      const hostPort = numberAt(port.hostPort) || (hostNetwork ? numberAt(port.containerPort) : undefined);
      if (!hostPort) continue;
      ports.push({ port: hostPort, protocol: stringAt(port.protocol) || 'TCP', hostIP: stringAt(port.hostIP) ?? '' });
    }
  }
  return ports;
}

/**
 * Whether two pods cannot share a node, as the scheduler's NodePorts filter decides: the same
 * port and protocol on the same address, where the any-address overlaps every address.
 */
export function portsConflict(a: HostPort, b: HostPort): boolean {
  if (a.port !== b.port || a.protocol !== b.protocol) return false;
  return a.hostIP === b.hostIP || ANY_ADDRESS.has(a.hostIP) || ANY_ADDRESS.has(b.hostIP);
}

export function describeHostPort(port: HostPort): string {
  return `${ANY_ADDRESS.has(port.hostIP) ? '' : `${port.hostIP}:`}${port.port}/${port.protocol}`;
}
