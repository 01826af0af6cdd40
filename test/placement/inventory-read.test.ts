import { readInventory } from '../../src/placement/inventory-read';
import { nodeView } from '../../src/placement/node-view';

/*
 * The evaluator reads each Node once into arrays (names, label values, taint lists, allocatable
 * figures, OS) and numbers what nodes share. These tests pin what the numbering promises: equal
 * inputs share a number, different ones never do, and what is read is what the Node says.
 */
const node = (name: string, extra: { labels?: object; taints?: object[]; allocatable?: object } = {}) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, ...(extra.labels ? { labels: extra.labels } : {}) },
  spec: extra.taints ? { taints: extra.taints } : {},
  status: extra.allocatable ? { allocatable: extra.allocatable } : {},
});

const gpu = { key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' };
const dedicated = { key: 'dedicated', value: 'infra', effect: 'NoExecute' };

describe('readInventory', () => {
  test('numbers taint lists: the same taints in the same order share a number, an empty list is 0', () => {
    const read = readInventory([
      node('a'),
      node('b', { taints: [gpu] }),
      node('c', { taints: [{ ...gpu }] }),
      node('d', { taints: [gpu, dedicated] }),
      node('e', { taints: [dedicated, gpu] }),
      node('f', { taints: [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }] }),
      node('g', { taints: [{ key: 'nvidia.com/gpu', value: '', effect: 'NoSchedule' }] }),
    ], []);
    const [a, b, c, d, e, f, g] = read.taintListOf;
    expect(a).toBe(0);
    expect(b).toBe(c);
    expect(new Set([b, d, e, f]).size).toBe(4);
    // A taint without a value is read as the controller reads it: value "".
    expect(f).toBe(g);
    expect(read.nodes.view(3).taints).toEqual([gpu, dedicated]);
    expect(read.nodes.view(4).taints).toEqual([dedicated, gpu]);
  });

  test('numbers allocatable figures: nodes reporting the same cpu, memory and pods share a number', () => {
    const read = readInventory([
      node('a', { allocatable: { cpu: '4', memory: '16Gi', pods: '110' } }),
      node('b', { allocatable: { 'cpu': '4', 'memory': '16Gi', 'pods': '110', 'nvidia.com/gpu': '1' } }),
      node('c', { allocatable: { cpu: '4', memory: '16Gi' } }),
      node('d', { allocatable: { cpu: 4, memory: '16Gi', pods: 110 } }),
      node('e'),
    ], []);
    const [a, b, c, d, e] = read.allocatableOf;
    expect(a).toBe(b);
    expect(a).toBe(d);
    expect(new Set([a, c, e]).size).toBe(3);
    expect(read.allocatables[c]).toEqual({ cpu: '4', memory: '16Gi', pods: undefined });
    expect(read.allocatables[e]).toEqual({ cpu: undefined, memory: undefined, pods: undefined });
  });

  test('reads the values of the keys asked for, own labels only, and the OS from either OS label', () => {
    const labels = JSON.parse('{"rack":"r1","__proto__":"x","empty":null,"beta.kubernetes.io/os":"windows"}');
    const read = readInventory([node('a', { labels }), node('b', { labels: { 'kubernetes.io/os': 'linux', 'rack': 'r2' } }), node('c')], [
      'rack',
      '__proto__',
      'constructor',
      'empty',
    ]);
    expect(read.values).toEqual([
      ['r1', 'r2', undefined],
      ['x', undefined, undefined],
      [undefined, undefined, undefined],
      // Go decodes `empty: null` into a map[string]string as the key with "".
      ['', undefined, undefined],
    ]);
    expect(read.operatingSystems).toEqual(['windows', 'linux', '']);
    expect(read.nodes.names).toEqual(['a', 'b', 'c']);
  });

  test('skips objects that are not Nodes, and makes each view as nodeView would', () => {
    const nodes = [node('a', { labels: { rack: 'r1' }, taints: [gpu] }), node('b')];
    const read = readInventory({ apiVersion: 'v1', kind: 'List', items: [nodes[0], { kind: 'Pod', metadata: { name: 'p' } }, nodes[1]] }, ['rack']);
    expect(read.nodes.length).toBe(2);
    expect(read.values).toEqual([['r1', undefined]]);
    for (const i of [0, 1]) {
      const view = read.nodes.view(i);
      const expected = nodeView(nodes[i] as never);
      expect(view.name).toBe(expected.name);
      expect(view.taints).toEqual(expected.taints);
      expect(view.labels.get('rack')).toBe(expected.labels.get('rack'));
    }
  });

  test('reads a node\'s label and taints without a view, as its view reads them, whether or not the key was read up front', () => {
    const labels = JSON.parse('{"rack":"r1","zone":"z1","__proto__":"x","empty":null}');
    const nodes = [node('a', { labels, taints: [gpu, dedicated] }), node('b', { labels: { zone: 'z2' } }), node('c', { taints: [gpu, dedicated] })];
    const read = readInventory(nodes, ['rack', '__proto__']);
    for (const i of [0, 1, 2]) {
      const view = nodeView(nodes[i] as never);
      for (const key of ['rack', 'zone', '__proto__', 'constructor', 'empty', 'absent']) {
        expect({ i, key, value: read.nodes.labelOf(i, key) }).toEqual({ i, key, value: view.labels.get(key) });
      }
      expect(read.nodes.taintsOf(i)).toEqual(view.taints);
    }
    // Nodes with the same taints share the list object.
    expect(read.nodes.taintsOf(2)).toBe(read.nodes.taintsOf(0));
  });
});
