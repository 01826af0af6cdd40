import * as fs from 'fs';
import { isKind, kubernetesObjects } from './kubernetes-objects';
import { parseDocuments } from '../input/documents';
import { InputError } from '../input/input-error';
import { utf8Text } from '../input/utf8-text';
import { JsonObject, objectAt, stringAt } from '../json/shape';

/**
 * The Nodes of an inventory in text: `kubectl get nodes -o yaml` or `-o json` output (a v1
 * `List` or `NodeList`), or YAML documents of Node objects.
 *
 * @param source the file name error messages name
 * @throws InputError when the text does not parse, holds no Node, or holds a Node without a name
 */
export function parseInventory(text: string, source: string): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const document of parseDocuments(text, source)) {
    for (const object of kubernetesObjects(document.value)) {
      if (!isKind(object, 'Node')) continue;
      if (!stringAt(objectAt(object.metadata)?.name)) {
        throw new InputError(
          `${source}: document ${document.document} (line ${document.line}): Node #${nodes.length + 1} has no metadata.name`,
        );
      }
      nodes.push(object);
    }
  }
  if (nodes.length === 0) {
    throw new InputError(`${source}: holds no Node (expected the output of \`kubectl get nodes -o yaml\`)`);
  }
  return nodes;
}

/**
 * Reads an inventory file; see `parseInventory`.
 * @throws InputError when the file cannot be read or parsed
 */
export function loadInventory(file: string): JsonObject[] {
  let text: string;
  try {
    text = utf8Text(fs.readFileSync(file));
  } catch (error) {
    throw new InputError(`${file}: cannot read the inventory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parseInventory(text, file);
}
