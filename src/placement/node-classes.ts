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

const SEPARATOR = '\u0000';
const ABSENT = '\u0001';
/** Valid labels and taints never hold these; a node whose do gets an exact, slower signature. */
const RESERVED = /[\u0000\u0001]/;

function signatureOf(node: NodeView, labelKeys: readonly string[], parts: string[]): string {
  let reserved = false;
  const taints = node.taints.map((t) => [t.key, t.value, t.effect]);
  for (const fields of taints) reserved ||= fields.some((f) => RESERVED.test(f));
  parts[0] = [taints.length, ...taints.map((fields) => fields.join(ABSENT))].join(SEPARATOR);
  for (let k = 0; k < labelKeys.length; k++) {
    const value = node.labels.get(labelKeys[k]);
    reserved ||= value !== undefined && RESERVED.test(value);
    parts[k + 1] = value ?? ABSENT;
  }
  if (reserved) return `J${JSON.stringify([node.taints, labelKeys.map((k) => node.labels.get(k) ?? null)])}`;
  return `S${parts.join(SEPARATOR)}`;
}

export function nodeClasses(nodes: readonly NodeView[], labelKeys: readonly string[]): NodeClasses {
  const classOf = new Int32Array(nodes.length);
  const representatives: NodeView[] = [];
  const ids = new Map<string, number>();
  const parts: string[] = new Array(labelKeys.length + 1);
  nodes.forEach((node, i) => {
    const signature = signatureOf(node, labelKeys, parts);
    let id = ids.get(signature);
    if (id === undefined) {
      id = representatives.length;
      ids.set(signature, id);
      representatives.push(node);
    }
    classOf[i] = id;
  });
  return { classOf, representatives };
}
