import { Allocatable, AllocatableTable } from './allocatable-table';
import { NodeView, nodeView, ownLabel, readsOwnStrings } from './node-view';
import { operatingSystemOf, OS_LABEL_KEYS } from './operating-systems';
import { TaintLists } from './taint-lists';
import { InputError, isKind, kubernetesObjects, nodeProblem } from '../input';
import { JsonObject, objectAt } from '../json/shape';

/**
 * The inventory's nodes, checked, with their views made when asked for. Verdicts are computed
 * per class of nodes and the rest is read into arrays, so only a few nodes (one per class, one
 * per pattern of failing checks, those whose reasons are written) are ever looked at as a view:
 * 15,000 views made up front would be objects the garbage collector copies for nothing.
 */
export class InventoryNodes {
  constructor(
    private readonly objects: readonly JsonObject[],
    /** Each node's name, by inventory index. */
    readonly names: readonly string[],
    private readonly taintLists: ReadonlyArray<NodeView['taints']>,
    private readonly taintListOf: Int32Array,
    /** Each node's value of the label keys read up front, by key. */
    private readonly valuesOf: ReadonlyMap<string, ReadonlyArray<string | undefined>> = new Map(),
  ) {}

  get length(): number {
    return this.objects.length;
  }

  /** Node i's view, made anew: the caller keeps it as long as it needs it. */
  view(i: number): NodeView {
    return nodeView(this.objects[i], this.taintsOf(i));
  }

  /** Node i's value of its own label `key`, read with no view made: from the values read up front, if `key` is one of theirs. */
  labelOf(i: number, key: string): string | undefined {
    const values = this.valuesOf.get(key);
    return values ? values[i] : labelOf(objectAt(objectAt(this.objects[i].metadata)?.labels), key);
  }

  /** Node i's taints, the same list object for nodes with the same taints. */
  taintsOf(i: number): NodeView['taints'] {
    return this.taintLists[this.taintListOf[i]];
  }
}

/** The nodes of an inventory, and their values of the label keys the DaemonSets select on. */
export interface InventoryRead {
  readonly nodes: InventoryNodes;
  /** `values[k][i]`: node i's value of the k-th key, undefined where it has no such label. */
  readonly values: ReadonlyArray<ReadonlyArray<string | undefined>>;
  /** Node i reports the allocatable figures `allocatables[allocatableOf[i]]`. */
  readonly allocatableOf: Int32Array;
  readonly allocatables: readonly Allocatable[];
  /** Node i's taints are list number `taintListOf[i]` (0: none); equal lists share a number. */
  readonly taintListOf: Int32Array;
  /** Each node's OS (`operatingSystemOf`), "" for none. */
  readonly operatingSystems: readonly string[];
}

function labelOf(labels: JsonObject | undefined, key: string, plain = labels !== undefined && readsOwnStrings(labels)): string | undefined {
  return labels === undefined ? undefined : ownLabel(labels, key, plain);
}

/**
 * Reads every Node of `nodes` once: checks its shape, and reads its name, taints, allocatable
 * figures and values of `keys` while the node is in cache. An inventory of 15,000 nodes is
 * hundreds of megabytes of parsed JSON; each further pass over it would cost a cache miss per
 * read, where reading these arrays costs next to nothing.
 * @throws InputError naming the node and the field when a Node has no name, or a name, labels,
 *   taints or allocatable of the wrong type
 */
export function readInventory(nodes: unknown, keys: readonly string[]): InventoryRead {
  const candidates = kubernetesObjects(nodes);
  // Sized for every object up front: arrays grown a node at a time are copied again and again.
  const objects: JsonObject[] = new Array(candidates.length);
  const names: string[] = new Array(candidates.length);
  const values = keys.map((): Array<string | undefined> => new Array(candidates.length));
  const operatingSystems: string[] = new Array(candidates.length);
  const taintListOf = new Int32Array(candidates.length);
  const allocatables = new AllocatableTable(candidates.length);
  const taintLists = new TaintLists();
  let count = 0;
  for (let c = 0; c < candidates.length; c++) {
    const object = candidates[c];
    if (!isKind(object, 'Node')) continue;
    const problem = nodeProblem(object, count + 1);
    if (problem !== undefined) throw new InputError(problem);
    const metadata = objectAt(object.metadata);
    // nodeProblem has made sure of a string name and of labels that are a map, if any.
    names[count] = metadata!.name as string;
    const labels = objectAt(metadata!.labels);
    const plain = labels !== undefined && readsOwnStrings(labels);
    for (let k = 0; k < keys.length; k++) values[k][count] = labelOf(labels, keys[k], plain);
    operatingSystems[count] = operatingSystemOf(labelOf(labels, OS_LABEL_KEYS[0], plain), labelOf(labels, OS_LABEL_KEYS[1], plain));
    taintListOf[count] = taintLists.add(objectAt(object.spec)?.taints);
    allocatables.add(objectAt(objectAt(object.status)?.allocatable));
    objects[count++] = object;
  }
  for (const list of [objects, names, operatingSystems, ...values]) list.length = count;
  const taintListNumbers = taintListOf.slice(0, count);
  return {
    nodes: new InventoryNodes(objects, names, taintLists.lists, taintListNumbers, new Map(keys.map((key, k) => [key, values[k]]))),
    values,
    allocatableOf: allocatables.numberOfNode(),
    allocatables: allocatables.records,
    taintListOf: taintListNumbers,
    operatingSystems,
  };
}
