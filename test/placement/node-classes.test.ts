import { readInventory } from '../../src/placement/inventory-read';
import { nodeClasses } from '../../src/placement/node-classes';

/*
 * Node classes: nodes share a class exactly when they have the same taints and the same values
 * of every key the classes are built on. Checked against the plainest grouping there is, a
 * signature string per node, on inventories with few keys and with so many keys of so many
 * values that the class keys must be renumbered to stay exact.
 */
function inventory(size: number, keys: number, valuesPerKey: number): object[] {
  return Array.from({ length: size }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: `node-${i}`,
      // Values repeat with different periods, so that most combinations occur a few times.
      labels: Object.fromEntries(
        Array.from({ length: keys }, (__, k) => [`key-${k}`, String((i * (k + 3)) % (valuesPerKey + k))]).filter((__, k) => (i + k) % 7 !== 0),
      ),
    },
    spec: i % 5 === 0 ? { taints: [{ key: 'dedicated', value: String(i % 3), effect: 'NoSchedule' }] } : {},
  }));
}

function classesBySignature(nodes: object[], keys: string[]): number[] {
  const ids = new Map<string, number>();
  return nodes.map((node) => {
    const { metadata, spec } = node as { metadata: { labels: Record<string, string> }; spec: object };
    const signature = JSON.stringify([spec, keys.map((key) => metadata.labels[key] ?? null)]);
    if (!ids.has(signature)) ids.set(signature, ids.size);
    return ids.get(signature)!;
  });
}

describe('nodeClasses', () => {
  test.each([
    ['a few keys of a few values', 400, 3, 4],
    ['so many keys of so many values that the keys are renumbered on the way', 3000, 16, 40],
  ])('%s: same taints and values, same class; otherwise not', (_, size, keyCount, valuesPerKey) => {
    const nodes = inventory(size, keyCount, valuesPerKey);
    const keys = Array.from({ length: keyCount }, (__, k) => `key-${k}`);
    const read = readInventory(nodes, keys);
    const classes = nodeClasses(read.nodes, read.taintListOf, read.values);
    expect(Array.from(classes.classOf)).toEqual(classesBySignature(nodes, keys));
    // One representative per class: the class's first node.
    expect(classes.representatives.map((view) => view.name)).toEqual(
      classes.representatives.map((__, c) => `node-${Array.from(classes.classOf).indexOf(c)}`),
    );
  });

  test('nodes that differ only in the last of many keys, each of many values, are told apart', () => {
    // Thirteen keys of twenty values make more combinations than a double counts exactly.
    const keys = Array.from({ length: 14 }, (_, k) => `key-${k}`);
    const nodes = Array.from({ length: 40 }, (_, i) => ({
      kind: 'Node',
      metadata: { name: `node-${i}`, labels: Object.fromEntries(keys.map((key, k) => [key, k < 13 ? `v${i % 20}` : i < 20 ? 'a' : 'b'])) },
    }));
    const read = readInventory(nodes, keys);
    const { classOf } = nodeClasses(read.nodes, read.taintListOf, read.values);
    expect(new Set(classOf).size).toBe(40);
  });
});
