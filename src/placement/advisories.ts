import { DaemonSetView } from './daemon-set-view';
import { describeHostPort, HostPort, hostPortsOf, portsConflict } from './host-ports';
import { CHECKED_RESOURCES, NodeView } from './node-view';
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

/** Whether the DaemonSet runs a pod on each node, read once per verdict rather than once per node. */
function runsByNode(table: VerdictTable, nodeCount: number): Uint8Array {
  const runs = new Uint8Array(nodeCount);
  if (!table.indexOf) {
    table.verdicts.forEach((verdict, i) => (runs[i] = verdict.shouldRun ? 1 : 0));
    return runs;
  }
  const perVerdict = new Uint8Array(table.verdicts.length);
  for (let v = 0; v < perVerdict.length; v++) perVerdict[v] = table.verdicts[v].shouldRun ? 1 : 0;
  for (let i = 0; i < nodeCount; i++) runs[i] = perVerdict[table.indexOf[i]];
  return runs;
}

/** What the pods placed on one class of nodes add up to. */
interface ClassLoad {
  readonly placed: readonly number[];
  readonly requests: readonly number[];
  readonly ports: readonly Finding[];
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
  inventory: readonly NodeView[],
  classOf: Int32Array,
  classCount: number,
): Advisory[][] {
  const footprints = views.map(podFootprint);
  const byDaemonSet: Advisory[][] = views.map(() => []);
  const classBased = tables.map((_, d) => d).filter((d) => tables[d].indexOf === classOf);
  const perNode = tables.map((_, d) => d).filter((d) => tables[d].indexOf !== classOf);
  const quantities = new Map<string, number>();
  // Allocatable figures repeat across the nodes of a pool: parse each text once.
  const quantity = (text: string) => {
    let value = quantities.get(text);
    if (value === undefined) quantities.set(text, (value = parseQuantity(text) ?? 0));
    return value;
  };

  const loads: Array<ClassLoad | undefined> = new Array(classCount);
  const classLoad = (c: number, node: number): ClassLoad => {
    let load = loads[c];
    if (!load) {
      const placed = classBased.filter((d) => verdictAt(tables[d], node).shouldRun);
      load = { placed, requests: addRequests([0, 0, 0], placed, footprints), ports: hostPortFindings(placed, footprints) };
      loads[c] = load;
    }
    return load;
  };

  // What the per-node DaemonSets add, column by column: one typed array per resource.
  const extraRequests = CHECKED_RESOURCES.map(() => new Float64Array(inventory.length));
  const extraPorts = new Uint8Array(inventory.length);
  for (const d of perNode) {
    const { requests, hostPorts } = footprints[d];
    const runs = runsByNode(tables[d], inventory.length);
    for (let i = 0; i < inventory.length; i++) {
      if (!runs[i]) continue;
      for (let r = 0; r < requests.length; r++) extraRequests[r][i] += requests[r];
      if (hostPorts.length > 0) extraPorts[i] = 1;
    }
  }
  const mixedOs = mixedOperatingSystemFindings(views, tables, inventory);
  const placedOn = (i: number, load: ClassLoad) => [...load.placed, ...perNode.filter((d) => verdictAt(tables[d], i).shouldRun)];

  for (let i = 0; i < inventory.length; i++) {
    const node = inventory[i];
    const load = classLoad(classOf[i], i);
    // Port clashes change only when a DaemonSet evaluated per node holds host ports here.
    const ports = extraPorts[i] ? hostPortFindings(placedOn(i, load), footprints) : load.ports;
    for (const finding of ports) byDaemonSet[finding.daemonSet].push({ code: finding.code, node: node.name, message: finding.message });
    for (let r = 0; r < CHECKED_RESOURCES.length; r++) {
      const text = node.allocatable[CHECKED_RESOURCES[r]];
      if (text === undefined) continue;
      const allocatable = quantity(text);
      const requested = load.requests[r] + extraRequests[r][i];
      if (requested <= allocatable) continue;
      const resource = CHECKED_RESOURCES[r];
      const requesting = placedOn(i, load).filter((d) => footprints[d].requests[r] > 0);
      const message =
        `daemon pods request ${formatQuantity(resource, requested)} ${resource}, ` +
        `allocatable is ${formatQuantity(resource, allocatable)} (${nameList(requesting.map((d) => footprints[d].id))})`;
      for (const d of requesting) byDaemonSet[d].push({ code: 'InsufficientResource', node: node.name, message });
    }
    for (const finding of mixedOs) {
      const message = finding.messageOn(i);
      if (message !== undefined) byDaemonSet[finding.daemonSet].push({ code: 'MixedOperatingSystems', node: node.name, message });
    }
  }
  return byDaemonSet;
}
