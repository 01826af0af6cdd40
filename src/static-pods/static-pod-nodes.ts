import type { StaticPodProps } from './static-pod-props';
import type { PropProblem } from '../daemon/props-error';
import { InputError, inventoryNodes } from '../input';
import { readInventory } from '../placement/inventory-read';
import { NodeView } from '../placement/node-view';
import { parseNodeSelectorTerms, requiredNodeAffinityMismatch } from '../placement/predicates/required-node-affinity';

/** The nodes a static pod's files are for, and the prop they come from. */
export interface StaticPodNodes {
  /** Node names: `nodes` as given, or the inventory's nodes the filter selects, in inventory order. */
  readonly names: readonly unknown[];
  /** The prop that names them, for error messages. */
  readonly prop: 'nodes' | 'nodeFilter';
  /** What is wrong with `nodes`, `nodeFilter` and `inventory` together. */
  readonly problems: readonly PropProblem[];
}

/** The inventory's nodes, or why they cannot be read, as a problem of the `inventory` prop. */
function inventoryViews(inventory: NonNullable<StaticPodProps['inventory']>): NodeView[] | PropProblem {
  try {
    // Read as the evaluator reads an inventory: a Node of the wrong shape is named, not guessed at.
    const { nodes } = readInventory(inventoryNodes(inventory, 'StaticPod'), []);
    return Array.from({ length: nodes.length }, (_, i) => nodes.view(i));
  } catch (error) {
    if (error instanceof InputError) return { field: 'inventory', message: error.message };
    throw error;
  }
}

/**
 * Which nodes get a file: `nodes` by name, or the nodes of `inventory` that `nodeFilter` selects,
 * matched as the evaluator matches a DaemonSet's required node affinity (component-helpers
 * `nodeaffinity`: terms ORed, requirements ANDed; `parseNodeSelectorTerms`,
 * `requiredNodeAffinityMismatch`). With `nodes` and an inventory, each node must be one of it.
 */
export function staticPodNodes(props: StaticPodProps): StaticPodNodes {
  const { nodes, nodeFilter, inventory } = props;
  if (nodeFilter !== undefined) {
    if (nodes !== undefined) {
      return { names: [], prop: 'nodeFilter', problems: [{ field: 'nodeFilter', message: 'give nodes or nodeFilter, not both' }] };
    }
    if (inventory === undefined) {
      const message = `${nodeFilter} needs an inventory to choose nodes from: give inventory (a file of \`kubectl get nodes -o yaml\`, or Node objects), or name the nodes in nodes`;
      return { names: [], prop: 'nodeFilter', problems: [{ field: 'nodeFilter', message }] };
    }
    const views = inventoryViews(inventory);
    if (!Array.isArray(views)) return { names: [], prop: 'nodeFilter', problems: [views] };
    const terms = parseNodeSelectorTerms(nodeFilter.toNodeSelectorTerms());
    const names = views.filter((view) => requiredNodeAffinityMismatch(terms, view) === undefined).map((view) => view.name);
    if (names.length === 0) {
      const message = `${nodeFilter} selects none of the inventory's ${views.length} node${views.length === 1 ? '' : 's'}: a static pod runs only where its file is put`;
      return { names, prop: 'nodeFilter', problems: [{ field: 'nodeFilter', message }] };
    }
    return { names, prop: 'nodeFilter', problems: [] };
  }
  if (inventory === undefined || !Array.isArray(nodes)) return { names: nodes ?? [], prop: 'nodes', problems: [] };
  const views = inventoryViews(inventory);
  if (!Array.isArray(views)) return { names: nodes, prop: 'nodes', problems: [views] };
  const known = new Set(views.map((view) => view.name));
  const problems: PropProblem[] = [];
  nodes.forEach((node: unknown, i) => {
    if (typeof node === 'string' && !known.has(node)) {
      problems.push({ field: `nodes[${i}]`, message: `${JSON.stringify(node)} is not a node of the inventory` });
    }
  });
  return { names: nodes, prop: 'nodes', problems };
}
