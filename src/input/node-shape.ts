import { JsonObject } from '../json/shape';

/*
 * The shape a Node must have for its placement to mean anything: a name, labels that are a map of
 * strings, taints that are a list of keyed taints, allocatable that is a map of quantities.
 */

/** How a value of the wrong type is named in messages. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  const type = typeof value;
  return type === 'object' ? 'a map' : type === 'undefined' ? 'nothing' : `a ${type}`;
}

// Absent fields and JSON null are Go's zero values: an empty map, an empty list, "".
function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

function isMap(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notString(value: unknown): boolean {
  return typeof value !== 'string' && !isAbsent(value);
}

function labelsProblem(labels: unknown): string | undefined {
  if (isAbsent(labels)) return undefined;
  if (!isMap(labels)) return `metadata.labels must be a map of strings (map[string]string), not ${typeName(labels)}`;
  // for-in rather than Object.keys: nothing is allocated for the 15,000 nodes that are fine, and
  // parsed JSON inherits no enumerable property.
  for (const key in labels) {
    const value = labels[key];
    if (notString(value)) return `metadata.labels[${key}] must be a string, not ${typeName(value)}`;
  }
  return undefined;
}

function taintsProblem(taints: unknown): string | undefined {
  if (isAbsent(taints)) return undefined;
  if (!Array.isArray(taints)) return `spec.taints must be a list of taints ([]Taint), not ${typeName(taints)}`;
  for (let i = 0; i < taints.length; i++) {
    const taint: unknown = taints[i];
    if (!isMap(taint)) return `spec.taints[${i}] must be a taint (a map with key and effect), not ${typeName(taint)}`;
    const { key, value, effect } = taint;
    if (notString(key)) return `spec.taints[${i}].key must be a string, not ${typeName(key)}`;
    if (notString(value)) return `spec.taints[${i}].value must be a string, not ${typeName(value)}`;
    if (notString(effect)) return `spec.taints[${i}].effect must be a string, not ${typeName(effect)}`;
    // The API server stores no taint without a key or an effect (validateNodeTaints); the
    // controller would read one as a taint that blocks nothing.
    if (!key) return `spec.taints[${i}] has no key (a taint needs key and effect)`;
    if (!effect) return `spec.taints[${i}] has no effect (a taint needs key and effect)`;
  }
  return undefined;
}

function allocatableProblem(allocatable: unknown): string | undefined {
  if (isAbsent(allocatable)) return undefined;
  if (!isMap(allocatable)) return `status.allocatable must be a map of quantities (map[string]Quantity), not ${typeName(allocatable)}`;
  for (const resource in allocatable) {
    const value = allocatable[resource];
    if (typeof value !== 'string' && typeof value !== 'number' && !isAbsent(value)) {
      return `status.allocatable[${resource}] must be a quantity (a string or a number), not ${typeName(value)}`;
    }
  }
  return undefined;
}

/**
 * What makes a parsed v1 Node unreadable, as one line that names the node and the field, or
 * `undefined` when it can be read. The API server would refuse such a node, and reading it as
 * a node without labels or taints would give verdicts for a node that cannot exist. Checked
 * once per node, as cheaply as it can be: nothing is allocated unless something is wrong.
 *
 * @param ordinal the node's 1-based position among the inventory's Nodes, which names it when
 *   its own name is missing or not a string
 */
export function nodeProblem(node: JsonObject, ordinal: number): string | undefined {
  const metadata = node.metadata;
  if (!isAbsent(metadata) && !isMap(metadata)) return `Node #${ordinal}: metadata must be a map (ObjectMeta), not ${typeName(metadata)}`;
  const name = metadata?.name;
  if (isAbsent(name) || name === '') return `Node #${ordinal} has no metadata.name`;
  if (typeof name !== 'string') return `Node #${ordinal}: metadata.name must be a non-empty string, not ${typeName(name)}`;
  const { spec, status } = node;
  const problem = labelsProblem(metadata!.labels)
    ?? (isAbsent(spec) || isMap(spec) ? taintsProblem(spec?.taints) : `spec must be a map (NodeSpec), not ${typeName(spec)}`)
    ?? (isAbsent(status) || isMap(status) ? allocatableProblem(status?.allocatable) : `status must be a map (NodeStatus), not ${typeName(status)}`);
  return problem === undefined ? undefined : `Node ${JSON.stringify(name)}: ${problem}`;
}
