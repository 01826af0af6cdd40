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
 * per node, and no label value can collide with a separator. Each node is read once, all its
 * keys together, while its labels are in cache.
 */
export function nodeClasses(nodes: readonly NodeView[], labelKeys: readonly string[]): NodeClasses {
  const taintId = interner<string>();
  const valueIds = labelKeys.map(() => interner<string>());
  const pairIds = labelKeys.map(() => interner<number>());
  // Pair keys stay exact doubles: class ids and value ids are at most the number of nodes.
  const base = nodes.length + 1;
  const finalId = new Map<number, number>();
  const representatives: NodeView[] = [];
  const classOf = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    let id = node.taints.length === 0 ? 0 : taintId(JSON.stringify(node.taints.map((t) => [t.key, t.value, t.effect])));
    for (let k = 0; k < labelKeys.length; k++) id = pairIds[k](id * base + valueIds[k](node.labels.get(labelKeys[k])));
    let classId = finalId.get(id);
    if (classId === undefined) {
      finalId.set(id, (classId = representatives.length));
      representatives.push(node);
    }
    classOf[i] = classId;
  }
  return { classOf, representatives };
}
