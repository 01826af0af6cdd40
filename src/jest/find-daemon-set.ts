import { DaemonSetPlacement, NodePlacement, PlacementReport } from '../placement';

/** `namespace/name`, as the report's table names a DaemonSet. */
export function daemonSetId(daemonSet: DaemonSetPlacement): string {
  return `${daemonSet.namespace}/${daemonSet.name}`;
}

function inventoryOf(report: PlacementReport): string {
  if (report.daemonSets.length === 0) return 'The report holds no DaemonSet.';
  return `DaemonSets in the report: ${report.daemonSets.map(daemonSetId).join(', ')}`;
}

/** The lookup failed; `detail` is the message a matcher shows under its hint. */
export class LookupError extends Error {
  constructor(readonly generic: string, readonly detail: string) {
    super(`${generic}\n${detail}`);
    this.name = 'LookupError';
  }
}

/**
 * The DaemonSet that `reference` names: `namespace/name`, or a bare `name` when only one
 * namespace has a DaemonSet of that name.
 *
 * @throws LookupError when no DaemonSet, or more than one, answers to `reference`
 */
export function findDaemonSet(report: PlacementReport, reference: unknown): DaemonSetPlacement {
  if (typeof reference !== 'string' || reference === '') {
    throw new LookupError('the DaemonSet must be given as `name` or `namespace/name`', inventoryOf(report));
  }
  const slash = reference.indexOf('/');
  const matches = slash < 0
    ? report.daemonSets.filter((ds) => ds.name === reference)
    : report.daemonSets.filter((ds) => ds.namespace === reference.slice(0, slash) && ds.name === reference.slice(slash + 1));
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) {
    throw new LookupError(`no DaemonSet ${JSON.stringify(reference)} in the report`, inventoryOf(report));
  }
  const ids = [...new Set(matches.map(daemonSetId))];
  // Two objects with one namespace/name: the manifests hold a duplicate, no reference can tell them apart.
  const advice = ids.length === 1
    ? `The manifests hold ${matches.length} DaemonSets named ${ids[0]}.`
    : `Name one of them as namespace/name: ${ids.join(', ')}.`;
  throw new LookupError(`the DaemonSet ${JSON.stringify(reference)} is ambiguous`, `${advice}\n${inventoryOf(report)}`);
}

/**
 * The placement on `node`.
 *
 * @throws LookupError when the inventory has no such node
 */
export function findPlacement(report: PlacementReport, daemonSet: DaemonSetPlacement, node: unknown): NodePlacement {
  const placement = typeof node === 'string' && report.nodes.includes(node)
    ? daemonSet.placements.find((p) => p.node === node)
    : undefined;
  if (!placement) {
    throw new LookupError(`no node ${JSON.stringify(node)} in the inventory`, `Nodes in the inventory: ${listNodes(report.nodes)}`);
  }
  return placement;
}

const LISTED_NODES = 30;

function listNodes(nodes: readonly string[]): string {
  if (nodes.length === 0) return '(none)';
  const shown = nodes.slice(0, LISTED_NODES).join(', ');
  return nodes.length > LISTED_NODES ? `${shown} and ${nodes.length - LISTED_NODES} more` : shown;
}
