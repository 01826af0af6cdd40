import { InventoryNodes } from './inventory-read';
import { NodeView } from './node-view';

/**
 * Nodes that no DaemonSet can tell apart: the same taints and the same values for every label
 * some DaemonSet selects on. A verdict computed for one node of a class holds for all of them,
 * which is what makes 15,000 nodes x 100 DaemonSets cheap: real clusters have a few dozen
 * classes, not thousands.
 */
export interface NodeClasses {
  /** The class of each node, by inventory index. */
  readonly classOf: Int32Array;
  /** One node of each class, by class id. */
  readonly representatives: readonly NodeView[];
  /** The taints of each class, by class id, as an id that equal taint lists share. */
  readonly taintIdOf: Int32Array;
  /**
   * The value of each label key (in the order of `nodeClasses`' `nodeValues`) for each class, as an id
   * that equal values share (0: absent): `valueIdOf[k][c]`.
   */
  readonly valueIdOf: readonly Int32Array[];
}

/** Interns values as small integers: 0 stands for "absent". */
function interner<T>(): (value: T | undefined) => number {
  const ids = new Map<T, number>();
  return (value) => {
    if (value === undefined) return 0;
    let id = ids.get(value);
    if (id === undefined) ids.set(value, (id = ids.size + 1));
    return id;
  };
}

/**
 * A node's class is its taints refined by each label key in turn: the pair (class so far, value
 * of the key), numbered as first seen. Integer pairs in a Map cost less than a string signature
 * per node, and no label value can collide with a separator.
 * @param taintListOf every node's taint list number (`readInventory`)
 * @param nodeValues every node's values of the label keys to class by: `nodeValues[k][i]`
 */
export function nodeClasses(
  nodes: InventoryNodes,
  taintListOf: Int32Array,
  nodeValues: ReadonlyArray<ReadonlyArray<string | undefined>>,
): NodeClasses {
  const valueIds = nodeValues.map(() => interner<string>());
  const pairIds = nodeValues.map(() => interner<number>());
  // Pair keys stay exact doubles: class ids and value ids are at most the number of nodes.
  const base = nodes.length + 1;
  const finalId = new Map<number, number>();
  const representatives: NodeView[] = [];
  const classOf = new Int32Array(nodes.length);
  const taintIds: number[] = [];
  const nodeValueIds = new Int32Array(nodeValues.length);
  const classValueIds: number[][] = nodeValues.map(() => []);
  for (let i = 0; i < nodes.length; i++) {
    const taints = taintListOf[i];
    let id = taints;
    for (let k = 0; k < nodeValues.length; k++) {
      nodeValueIds[k] = valueIds[k](nodeValues[k][i]);
      id = pairIds[k](id * base + nodeValueIds[k]);
    }
    let classId = finalId.get(id);
    if (classId === undefined) {
      finalId.set(id, (classId = representatives.length));
      representatives.push(nodes.view(i));
      taintIds.push(taints);
      for (let k = 0; k < nodeValues.length; k++) classValueIds[k].push(nodeValueIds[k]);
    }
    classOf[i] = classId;
  }
  return { classOf, representatives, taintIdOf: Int32Array.from(taintIds), valueIdOf: classValueIds.map((ids) => Int32Array.from(ids)) };
}

/** Classes grouped by what one DaemonSet reads of them: the group of each class, and one class of each group. */
export interface ClassGroups {
  readonly groupOf: Int32Array;
  readonly firstClass: readonly number[];
}

/**
 * Groups classes that one DaemonSet cannot tell apart: the same values of the label keys it reads
 * (`keys`, indices into the keys the classes were built on) and, unless `byTaints` is false, the
 * same taints. Classes differ by keys some DaemonSet reads; most DaemonSets read one or two of
 * them, and evaluating each class again for every one of them is most of the work on an
 * inventory of many classes.
 */
export function classGroups(classes: NodeClasses, keys: readonly number[], byTaints = true): ClassGroups {
  const count = classes.representatives.length;
  const base = count + 1;
  const pairIds = keys.map(() => interner<number>());
  const groupIds = new Map<number, number>();
  const groupOf = new Int32Array(count);
  const firstClass: number[] = [];
  for (let c = 0; c < count; c++) {
    // Taint and value ids are at most the number of classes: pair keys stay exact doubles.
    let id = byTaints ? classes.taintIdOf[c] : 0;
    for (let k = 0; k < keys.length; k++) id = pairIds[k](id * base + classes.valueIdOf[keys[k]][c]);
    let group = groupIds.get(id);
    if (group === undefined) {
      groupIds.set(id, (group = firstClass.length));
      firstClass.push(c);
    }
    groupOf[c] = group;
  }
  return { groupOf, firstClass };
}
