import * as fs from 'fs';
import { decodeText } from './decode-text';
import { parseDocuments } from './documents';
import { InputError } from './input-error';
import { isKind, kubernetesObjects } from './kubernetes-objects';
import { nodeProblem } from './node-shape';
import { JsonObject } from '../json/shape';

/**
 * The nodes to evaluate against: the path of an inventory file (`kubectl get nodes -o yaml` or
 * `-o json` output), or Node objects and `NodeBuilder`s, or a parsed `List` / `NodeList`.
 */
export type Inventory = string | ReadonlyArray<object> | object;

/**
 * The Nodes of an inventory in text: `kubectl get nodes -o yaml` or `-o json` output (a v1
 * `List` or `NodeList`), or YAML documents of Node objects.
 *
 * @param source the file name error messages name
 * @throws InputError when the text does not parse, holds no Node, or holds a Node without a name or
 *   with a name, labels, taints or allocatable of the wrong type
 */
export function parseInventory(text: string, source: string): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const document of parseDocuments(text, source)) {
    for (const object of kubernetesObjects(document.value)) {
      if (!isKind(object, 'Node')) continue;
      const problem = nodeProblem(object, nodes.length + 1);
      if (problem !== undefined) throw new InputError(`${source}: document ${document.document} (line ${document.line}): ${problem}`);
      nodes.push(object);
    }
  }
  if (nodes.length === 0) {
    throw new InputError(`${source}: holds no Node (expected the output of \`kubectl get nodes -o yaml\`)`);
  }
  return nodes;
}

/**
 * Reads an inventory file (UTF-8, or UTF-16 with a byte-order mark); see `parseInventory`.
 * @throws InputError when the file cannot be read, is not text, or does not parse
 */
export function loadInventory(file: string): Array<{ readonly [key: string]: unknown }> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new InputError(`${file}: cannot read the inventory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parseInventory(decodeText(bytes, file), file);
}

/**
 * The Nodes of an inventory given either way: a path is read with `loadInventory`; Node objects,
 * `NodeBuilder`s and `List`s are unwrapped. Every "runs on every node" assertion passes on no
 * nodes, so an inventory without a Node is an error, not an empty report.
 *
 * @param caller the function the user called, which the error names
 * @throws InputError when the file cannot be read, or the inventory holds no Node
 */
export function inventoryNodes(inventory: Inventory, caller: string): JsonObject[] {
  const nodes = typeof inventory === 'string'
    ? loadInventory(inventory)
    : kubernetesObjects(inventory).filter((object) => isKind(object, 'Node'));
  if (nodes.length === 0) throw new InputError(`${caller}: the inventory holds no Node`);
  return nodes;
}
