import { CHECKED_RESOURCES } from './allocatable-table';
import { DaemonSetView } from './daemon-set-view';
import { describeHostPort, HostPort, hostPortsOf, portsConflict } from './host-ports';
import { InventoryRead } from './inventory-read';
import { mixedOperatingSystemFindings } from './operating-systems';
import { podRequests } from './pod-requests';
import { formatQuantity, parseQuantity } from './quantity';
import { Advisory } from './report';
import { verdictAt, VerdictTable } from './verdict-table';

const NAMES_SHOWN = 5;

/** What one DaemonSet's pod takes on a node: requests in CHECKED_RESOURCES order, host ports. */
interface PodFootprint {
  readonly id: string;
  readonly requests: readonly number[];
  readonly hostPorts: readonly HostPort[];
}

function podFootprint(view: DaemonSetView): PodFootprint {
  const requests = podRequests(view.podSpec);
  return {
    id: `${view.namespace}/${view.name}`,
    requests: CHECKED_RESOURCES.map((resource) => requests.get(resource) ?? 0),
    hostPorts: hostPortsOf(view.podSpec),
  };
}

/** A finding listed under the DaemonSet (by index) it concerns. */
interface Finding {
  readonly daemonSet: number;
  readonly code: Advisory['code'];
  readonly message: string;
}

function nameList(ids: readonly string[]): string {
  const shown = ids.slice(0, NAMES_SHOWN).join(', ');
  return ids.length > NAMES_SHOWN ? `${shown} and ${ids.length - NAMES_SHOWN} more` : shown;
}

function addRequests(total: number[], placed: readonly number[], footprints: readonly PodFootprint[]): number[] {
  for (const d of placed) footprints[d].requests.forEach((value, r) => (total[r] += value));
  return total;
}

/**
 * The scheduler's NodePorts check: two placed DaemonSets that want the same host port, protocol
 * and address. Depends only on which pods are placed, not on the node.
 */
function hostPortFindings(placed: readonly number[], footprints: readonly PodFootprint[]): Finding[] {
  const findings: Finding[] = [];
  const withPorts = placed.filter((d) => footprints[d].hostPorts.length > 0);
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

/**
 * Adds the requests of a DaemonSet evaluated node by node to `extra` (node i's resource r at
 * `i * CHECKED_RESOURCES.length + r`) on every node it runs on, and marks those nodes in `ports`
 * when it holds host ports. Whether it runs is read once per verdict, not once per node.
 */
function addNodeByNode(extra: Float64Array, ports: Uint8Array, table: VerdictTable, footprint: PodFootprint): void {
  const runs = new Uint8Array(table.verdicts.length);
  for (let v = 0; v < runs.length; v++) runs[v] = table.verdicts[v].shouldRun ? 1 : 0;
  const [cpu, memory, pods] = footprint.requests;
  const hasPorts = footprint.hostPorts.length > 0;
  const indexOf = table.indexOf;
  const count = ports.length;
  for (let i = 0; i < count; i++) {
    if (runs[indexOf ? indexOf[i] : i] === 0) continue;
    const at = i * CHECKED_RESOURCES.length;
    extra[at] += cpu;
    extra[at + 1] += memory;
    extra[at + 2] += pods;
    if (hasPorts) ports[i] = 1;
  }
}

/** What the pods placed on one class of nodes add up to. */
interface ClassLoad {
  readonly requests: readonly number[];
  readonly ports: readonly Finding[];
}

/**
 * The nodes that may get a resource or host-port advisory (1), found with typed arrays alone: the
 * requests of the node's class plus those added node by node above an allocatable figure, a
 * host port its class's pods want twice, or a DaemonSet evaluated node by node holding a host
 * port there. On most inventories no node is flagged, and the others are never looked at.
 */
function nodesWithAdvisories(
  classOf: Int32Array,
  loads: readonly ClassLoad[],
  extraRequests: Float64Array,
  extraPorts: Uint8Array,
  allocatableOf: Int32Array,
  allocatable: readonly Float64Array[],
): Uint8Array {
  const resources = CHECKED_RESOURCES.length;
  const classRequests = new Float64Array(loads.length * resources);
  const classPorts = new Uint8Array(loads.length);
  loads.forEach((load, c) => {
    for (let r = 0; r < resources; r++) classRequests[c * resources + r] = load.requests[r];
    classPorts[c] = load.ports.length > 0 ? 1 : 0;
  });
  const flagged = new Uint8Array(classOf.length);
  for (let i = 0; i < classOf.length; i++) {
    const c = classOf[i];
    let flag = classPorts[c] === 1 || extraPorts[i] === 1 ? 1 : 0;
    for (let r = 0; r < resources; r++) {
      if (classRequests[c * resources + r] + extraRequests[i * resources + r] > allocatable[r][allocatableOf[i]]) flag = 1;
    }
    flagged[i] = flag;
  }
  return flagged;
}

/**
 * Advisories per DaemonSet: on each node, the requests of every daemon pod placed there above the
 * node's allocatable cpu, memory or pods (the scheduler's NodeResourcesFit), host ports two
 * of them want (NodePorts), and a pod of a DaemonSet that selects no OS on a node whose OS is not
 * that of its other pods (the kubelet's side: see `mixedOperatingSystemFindings`). Nodes of one
 * class get the same class-evaluated DaemonSets, so their load is added up once per class;
 * DaemonSets evaluated per node are added node by node. A resource the node reports no
 * allocatable for is not checked. Each DaemonSet's advisories come in inventory order.
 */
export function nodeAdvisories(
  views: readonly DaemonSetView[],
  tables: readonly VerdictTable[],
  inventory: InventoryRead,
  classOf: Int32Array,
  classCount: number,
): Advisory[][] {
  const names = inventory.nodes.names;
  const nodeCount = names.length;
  const footprints = views.map(podFootprint);
  const byDaemonSet: Advisory[][] = views.map(() => []);
  const classBased = tables.map((_, d) => d).filter((d) => tables[d].indexOf === classOf);
  const perNode = tables.map((_, d) => d).filter((d) => tables[d].indexOf !== classOf);
  // Each distinct set of allocatable figures parsed once; a resource a node does not report is never exceeded.
  const allocatable = CHECKED_RESOURCES.map((resource) => Float64Array.from(inventory.allocatables, (figures) => {
    const text = figures[resource];
    return text === undefined ? Infinity : parseQuantity(text) ?? 0;
  }));

  // A class's load: its class-evaluated tables list a verdict per class.
  const runsInClass = (c: number) => (d: number) => tables[d].verdicts[c].shouldRun;
  const withRequests = classBased.filter((d) => footprints[d].requests.some((value) => value > 0));
  const holdingPorts = classBased.filter((d) => footprints[d].hostPorts.length > 0);
  const loads: ClassLoad[] = Array.from({ length: classCount }, (_, c) => ({
    requests: addRequests([0, 0, 0], withRequests.filter(runsInClass(c)), footprints),
    ports: hostPortFindings(holdingPorts.filter(runsInClass(c)), footprints),
  }));

  // What the DaemonSets evaluated node by node add to each node.
  const extraRequests = new Float64Array(nodeCount * CHECKED_RESOURCES.length);
  const extraPorts = new Uint8Array(nodeCount);
  for (const d of perNode) addNodeByNode(extraRequests, extraPorts, tables[d], footprints[d]);
  const mixedOs = mixedOperatingSystemFindings(views, tables, inventory.operatingSystems);
  const runsOn = (node: number) => (d: number) => verdictAt(tables[d], node).shouldRun;
  // Which DaemonSets a node runs is listed only where an advisory names them.
  const placedOn = (i: number) => [...classBased.filter(runsOn(i)), ...perNode.filter(runsOn(i))];
  // An OS advisory can concern any node; otherwise only the nodes flagged are read.
  const flagged = mixedOs.length > 0
    ? undefined
    : nodesWithAdvisories(classOf, loads, extraRequests, extraPorts, inventory.allocatableOf, allocatable);

  for (let i = 0; i < nodeCount; i++) {
    if (flagged && flagged[i] === 0) continue;
    const load = loads[classOf[i]];
    const figures = inventory.allocatableOf[i];
    // Port clashes change only when a DaemonSet evaluated per node holds host ports here.
    const ports = extraPorts[i] ? hostPortFindings(placedOn(i), footprints) : load.ports;
    for (let p = 0; p < ports.length; p++) byDaemonSet[ports[p].daemonSet].push({ code: ports[p].code, node: names[i], message: ports[p].message });
    for (let r = 0; r < CHECKED_RESOURCES.length; r++) {
      const requested = load.requests[r] + extraRequests[i * CHECKED_RESOURCES.length + r];
      if (requested <= allocatable[r][figures]) continue;
      const resource = CHECKED_RESOURCES[r];
      const requesting = placedOn(i).filter((d) => footprints[d].requests[r] > 0);
      const message =
        `daemon pods request ${formatQuantity(resource, requested)} ${resource}, ` +
        `allocatable is ${formatQuantity(resource, allocatable[r][figures])} (${nameList(requesting.map((d) => footprints[d].id))})`;
      for (const d of requesting) byDaemonSet[d].push({ code: 'InsufficientResource', node: names[i], message });
    }
    for (let f = 0; f < mixedOs.length; f++) {
      const message = mixedOs[f].messageOn(i);
      if (message !== undefined) byDaemonSet[mixedOs[f].daemonSet].push({ code: 'MixedOperatingSystems', node: names[i], message });
    }
  }
  return byDaemonSet;
}
