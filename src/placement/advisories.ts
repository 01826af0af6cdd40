import { DaemonSetView } from './daemon-set-view';
import { describeHostPort, HostPort, hostPortsOf, portsConflict } from './host-ports';
import { NodeView } from './node-view';
import { podRequests } from './pod-requests';
import { formatQuantity, parseQuantity } from './quantity';
import { Advisory } from './report';

/** The resources the scheduler's NodeResourcesFit filter checks that advisories look at. */
const CHECKED_RESOURCES = ['cpu', 'memory', 'pods'];
const NAMES_SHOWN = 5;

/** What one DaemonSet's pod takes on a node. */
export interface PodFootprint {
  readonly id: string;
  readonly requests: ReadonlyMap<string, number>;
  readonly hostPorts: readonly HostPort[];
}

export function podFootprint(view: DaemonSetView): PodFootprint {
  return { id: `${view.namespace}/${view.name}`, requests: podRequests(view.podSpec), hostPorts: hostPortsOf(view.podSpec) };
}

function nameList(ids: readonly string[]): string {
  const shown = ids.slice(0, NAMES_SHOWN).join(', ');
  return ids.length > NAMES_SHOWN ? `${shown} and ${ids.length - NAMES_SHOWN} more` : shown;
}

/** Requests of the placed pods added up, per checked resource. */
export function summedRequests(placed: readonly number[], footprints: readonly PodFootprint[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const resource of CHECKED_RESOURCES) {
    let total = 0;
    for (const i of placed) total += footprints[i].requests.get(resource) ?? 0;
    sums.set(resource, total);
  }
  return sums;
}

/** A finding for one node, listed under the DaemonSet (by index) it concerns. */
export interface NodeFinding {
  readonly daemonSet: number;
  readonly code: Advisory['code'];
  readonly message: string;
}

/**
 * The scheduler's NodeResourcesFit check, for advisories: requests of the placed pods above the
 * node's allocatable cpu, memory or pods. A node that reports no allocatable is not checked.
 */
export function resourceFindings(
  node: NodeView,
  placed: readonly number[],
  sums: ReadonlyMap<string, number>,
  footprints: readonly PodFootprint[],
): NodeFinding[] {
  if (node.allocatable.size === 0) return [];
  const findings: NodeFinding[] = [];
  for (const resource of CHECKED_RESOURCES) {
    const requested = sums.get(resource) ?? 0;
    const allocatable = parseQuantity(node.allocatable.get(resource) ?? '0') ?? 0;
    if (requested <= allocatable) continue;
    const message =
      `daemon pods request ${formatQuantity(resource, requested)} ${resource}, ` +
      `allocatable is ${formatQuantity(resource, allocatable)} (${nameList(placed.map((i) => footprints[i].id))})`;
    for (const i of placed) {
      if ((footprints[i].requests.get(resource) ?? 0) > 0) findings.push({ daemonSet: i, code: 'InsufficientResource', message });
    }
  }
  return findings;
}

/**
 * The scheduler's NodePorts check, for advisories: two placed DaemonSets that want the same host
 * port, protocol and address. Depends only on which pods are placed, not on the node.
 */
export function hostPortFindings(placed: readonly number[], footprints: readonly PodFootprint[]): NodeFinding[] {
  const findings: NodeFinding[] = [];
  const withPorts = placed.filter((i) => footprints[i].hostPorts.length > 0);
  for (let a = 0; a < withPorts.length; a++) {
    for (let b = a + 1; b < withPorts.length; b++) {
      const [first, second] = [footprints[withPorts[a]], footprints[withPorts[b]]];
      for (const portA of first.hostPorts) {
        if (!second.hostPorts.some((portB) => portsConflict(portA, portB))) continue;
        const port = describeHostPort(portA);
        findings.push({ daemonSet: withPorts[a], code: 'HostPortConflict', message: `host port ${port} is also wanted by ${second.id}` });
        findings.push({ daemonSet: withPorts[b], code: 'HostPortConflict', message: `host port ${port} is also wanted by ${first.id}` });
      }
    }
  }
  return findings;
}
