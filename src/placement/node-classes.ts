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
 * Classes are refined one label key at a time: a node's class after a key is the pair (its class
 * so far, its value of that key), numbered as it is first seen. Integer pairs in a Map cost less
 * than a string signature per node, and no label value can collide with a separator.
 */
export function nodeClasses(nodes: readonly NodeView[], labelKeys: readonly string[]): NodeClasses {
  const taintId = interner<string>();
  let classOf = Int32Array.from(nodes, (node) =>
    node.taints.length === 0 ? 0 : taintId(JSON.stringify(node.taints.map((t) => [t.key, t.value, t.effect]))),
  );
  // Pair keys stay exact doubles: class ids and value ids are at most the number of nodes.
  const base = nodes.length + 1;
  for (const key of labelKeys) {
    const valueId = interner<string>();
    const pairId = interner<number>();
    const next = new Int32Array(nodes.length);
    for (let i = 0; i < nodes.length; i++) next[i] = pairId(classOf[i] * base + valueId(nodes[i].labels.get(key)));
    classOf = next;
  }
  // Number the final classes from 0 in inventory order, keeping one node of each.
  const finalId = new Map<number, number>();
  const representatives: NodeView[] = [];
  for (let i = 0; i < nodes.length; i++) {
    let id = finalId.get(classOf[i]);
    if (id === undefined) {
      finalId.set(classOf[i], (id = representatives.length));
      representatives.push(nodes[i]);
    }
    classOf[i] = id;
  }
  return { classOf, representatives };
}
