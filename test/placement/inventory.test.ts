import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { daemonSet, Manifest, only, withRequiredTerms } from './fixtures';
import { evaluatePlacement, InputError, loadInventory } from '../../src';
import { parseInventory } from '../../src/input';

const KUBECTL_LIST = `apiVersion: v1
kind: List
metadata:
  resourceVersion: ""
items:
- apiVersion: v1
  kind: Node
  metadata:
    name: cp-1
    labels:
      kubernetes.io/hostname: cp-1
      node-role.kubernetes.io/control-plane: ""
  spec:
    taints:
    - effect: NoSchedule
      key: node-role.kubernetes.io/control-plane
  status:
    allocatable:
      cpu: "2"
      memory: 3902960Ki
      pods: "110"
- apiVersion: v1
  kind: Node
  metadata:
    name: worker-1
    labels:
      kubernetes.io/hostname: worker-1
  spec: {}
`;

const NODE_LIST_JSON = JSON.stringify({
  apiVersion: 'v1',
  kind: 'NodeList',
  metadata: { resourceVersion: '123' },
  items: [
    { apiVersion: 'v1', kind: 'Node', metadata: { name: 'b', labels: { pool: 'x' } }, spec: {} },
    { apiVersion: 'v1', kind: 'Node', metadata: { name: 'a' }, spec: { taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }] } },
  ],
}, null, 2);

const MULTI_DOCUMENT = `# hand-written inventory
apiVersion: v1
kind: Node
metadata:
  name: n-1
---
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: not-a-node
---
apiVersion: v1
kind: Node
metadata:
  name: n-2
  labels: {gpu: "true"}
`;

function names(nodes: readonly Manifest[]): string[] {
  return nodes.map((n) => n.metadata.name);
}

/** The InputError `fn` throws. */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

function expectOneLine(error: Error): void {
  expect(error.message).not.toContain('\n');
  expect(error.name).toBe('InputError');
}

describe('parseInventory (kubectl get nodes -o yaml|json, or YAML documents of Nodes)', () => {
  it('a v1 List as kubectl get nodes -o yaml prints it', () => {
    const nodes = parseInventory(KUBECTL_LIST, 'inventory.yaml');
    expect(names(nodes)).toEqual(['cp-1', 'worker-1']);
    const report = evaluatePlacement([daemonSet('agent')], nodes);
    expect(only(report).placements.map((p) => p.shouldRun)).toEqual([false, true]);
  });

  it('a NodeList in JSON, as kubectl get nodes -o json prints it', () => {
    const nodes = parseInventory(NODE_LIST_JSON, 'inventory.json');
    expect(names(nodes)).toEqual(['b', 'a']);
    expect(nodes[1]).toEqual({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'a' }, spec: { taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }] } });
  });

  it('multi-document YAML of Nodes: other kinds and empty documents skipped, order kept', () => {
    expect(names(parseInventory(MULTI_DOCUMENT, 'nodes.yaml'))).toEqual(['n-1', 'n-2']);
  });

  it('a JSON array of Nodes', () => {
    const text = JSON.stringify([{ kind: 'Node', metadata: { name: 'x' } }, { kind: 'Node', metadata: { name: 'y' } }]);
    expect(names(parseInventory(text, 'nodes.json'))).toEqual(['x', 'y']);
  });

  it('YAML that merely starts like JSON is still read as YAML', () => {
    expect(names(parseInventory('{kind: Node, metadata: {name: flow}}\n', 'flow.yaml'))).toEqual(['flow']);
  });

  describe('errors: one-line InputError naming the file and the document / line', () => {
    it('YAML that does not parse names the document and the line', () => {
      const text = 'apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n---\nkind: Node\nmetadata:\n  name: [b\n  labels: {}\n';
      const error = inputError(() => parseInventory(text, 'broken.yaml'));
      expectOneLine(error);
      expect(error.message).toMatch(/^broken\.yaml: document 2, line \d+: /);
    });

    it('YAML with a bad indentation in the first document', () => {
      const error = inputError(() => parseInventory('kind: Node\nmetadata:\n  name: a\n labels: x\n', 'indent.yaml'));
      expectOneLine(error);
      expect(error.message).toMatch(/^indent\.yaml: document 1, line [34]: /);
    });

    it('JSON that does not parse names the line too', () => {
      const error = inputError(() => parseInventory('{\n  "kind": "NodeList",\n  "items": [\n', 'cut.json'));
      expectOneLine(error);
      expect(error.message).toMatch(/^cut\.json: document 1, line \d+: /);
    });

    it('a Node without a name names the document, its line and the Node', () => {
      const text = 'kind: Node\nmetadata:\n  name: a\n---\n# second\nkind: Node\nmetadata:\n  labels: {}\n';
      const error = inputError(() => parseInventory(text, 'nameless.yaml'));
      expectOneLine(error);
      // The document starts at its `---` marker (line 4); its content at line 6.
      expect(error.message).toMatch(/^nameless\.yaml: document 2 \(line [4-6]\): Node #2 has no metadata\.name$/);
    });

    it('a Node whose name is not a string names the Node by its position', () => {
      const error = inputError(() => parseInventory('kind: Node\nmetadata:\n  name: 42\n', 'number.yaml'));
      expect(error.message).toBe('number.yaml: document 1 (line 1): Node #1: metadata.name must be a non-empty string, not a number');
    });

    it.each<[string, string]>([
      ['no Node at all', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n'],
      ['an empty List', 'apiVersion: v1\nkind: List\nitems: []\n'],
      ['an empty file', ''],
      ['only comments', '# nothing here\n'],
    ])('an inventory without Nodes: %s', (_, text) => {
      const error = inputError(() => parseInventory(text, 'empty.yaml'));
      expectOneLine(error);
      expect(error.message).toMatch(/^empty\.yaml: holds no Node/);
    });
  });

  describe('keys named __proto__ or constructor change nothing outside their object', () => {
    afterEach(() => {
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    });

    const YAML_TEXT = `__proto__:
  polluted: yaml
constructor:
  prototype:
    polluted: yaml
kind: Node
metadata:
  name: n
  labels:
    __proto__: x
    constructor: y
    toString: z
`;
    const JSON_TEXT = '{"__proto__": {"polluted": "json"}, "constructor": {"prototype": {"polluted": "json"}}, "kind": "Node", '
      + '"metadata": {"name": "n", "labels": {"__proto__": "x", "constructor": "y", "toString": "z"}}}';

    it.each([['YAML', YAML_TEXT], ['JSON', JSON_TEXT]])('%s: the keys stay own properties, the prototypes stay as they were', (_, text) => {
      const [parsed] = parseInventory(text, 'evil');
      const object = parsed as Manifest;
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(object, '__proto__')).toBe(true);
      expect(object.polluted).toBeUndefined();
      const labels = object.metadata.labels;
      expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
      expect(Object.keys(labels)).toEqual(['__proto__', 'constructor', 'toString']);
    });

    it.each([['YAML', YAML_TEXT], ['JSON', JSON_TEXT]])('%s: such labels are just labels to the evaluator', (_, text) => {
      const nodes = parseInventory(text, 'evil');
      const report = evaluatePlacement([
        daemonSet('proto', { nodeSelector: Object.fromEntries([['__proto__', 'x']]) }),
        daemonSet('ctor', { nodeSelector: { constructor: 'y' } }),
        daemonSet('wrong', { nodeSelector: { toString: 'other' } }),
      ], nodes);
      expect(report.daemonSets.map((d) => d.placements[0].shouldRun)).toEqual([true, true, false]);
    });
  });

  describe('YAML aliases are bounded', () => {
    it('a "billion laughs" document is refused quickly with an InputError', () => {
      let text = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
      const levels = 'bcdefghijk';
      for (let i = 0; i < levels.length; i++) {
        const previous = i === 0 ? 'a' : levels[i - 1];
        text += `${levels[i]}: &${levels[i]} [${Array(10).fill(`*${previous}`).join(', ')}]\n`;
      }
      text += 'kind: Node\nmetadata: {name: n}\n';
      const started = Date.now();
      const error = inputError(() => parseInventory(text, 'laughs.yaml'));
      expect(Date.now() - started).toBeLessThan(2000);
      expectOneLine(error);
      expect(error.message).toMatch(/^laughs\.yaml: document 1: /);
    });

    it('ordinary anchors and aliases still work', () => {
      const text = `apiVersion: v1
kind: List
items:
- kind: Node
  metadata: {name: a, labels: &pool {pool: blue, zone: z1}}
- kind: Node
  metadata: {name: b, labels: *pool}
`;
      const nodes = parseInventory(text, 'anchors.yaml') as Manifest[];
      expect(nodes[1].metadata.labels).toEqual({ pool: 'blue', zone: 'z1' });
      const report = evaluatePlacement([daemonSet('agent', { nodeSelector: { pool: 'blue' } })], nodes);
      expect(only(report).desiredNumberScheduled).toBe(2);
    });
  });
});

describe('loadInventory (reads a file)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-inventory-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function write(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  }

  it.each<[string, string, string[]]>([
    ['kubectl get nodes -o yaml', KUBECTL_LIST, ['cp-1', 'worker-1']],
    ['kubectl get nodes -o json', NODE_LIST_JSON, ['b', 'a']],
    ['multi-document YAML', MULTI_DOCUMENT, ['n-1', 'n-2']],
  ])('%s', (_, text, expected) => {
    expect(names(loadInventory(write(`${expected[0]}.yaml`, text)))).toEqual(expected);
  });

  it('a missing file: one-line InputError naming it', () => {
    const file = path.join(dir, 'missing.yaml');
    const error = inputError(() => loadInventory(file));
    expectOneLine(error);
    expect(error.message).toBe(`${file}: cannot read the inventory (ENOENT)`);
  });

  it('a directory is not an inventory', () => {
    const error = inputError(() => loadInventory(dir));
    expectOneLine(error);
    expect(error.message.startsWith(`${dir}: cannot read the inventory`)).toBe(true);
  });

  it('parse errors name the file path', () => {
    const file = write('broken.yaml', 'kind: Node\nmetadata: {name: [\n');
    const error = inputError(() => loadInventory(file));
    expectOneLine(error);
    expect(error.message.startsWith(`${file}: document 1, line `)).toBe(true);
  });

  it('a file without Nodes names the file', () => {
    const file = write('configmap.yaml', 'kind: ConfigMap\nmetadata: {name: x}\n');
    expect(inputError(() => loadInventory(file)).message).toMatch(/configmap\.yaml: holds no Node/);
  });
});

/** A Node as `kubectl get node -o json` prints it, with every field the evaluator reads. */
function fullNode(name: string): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
    spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] },
    status: { allocatable: { 'cpu': '4', 'memory': '16Gi', 'pods': '110', 'ephemeral-storage': '95Gi' } },
  };
}

/** `fullNode('worker-2')` with `change` applied to it. */
function worker2(change: (node: Manifest) => void): Manifest {
  const node = fullNode('worker-2');
  change(node);
  return node;
}

const TAINT = { key: 'dedicated', effect: 'NoSchedule' };

/** [what is wrong, the node (second of the inventory), the one line that says so] */
const WRONGLY_TYPED: Array<[string, Manifest, string]> = [
  ['metadata.name a number', worker2((n) => { n.metadata.name = 42; }), 'Node #2: metadata.name must be a non-empty string, not a number'],
  ['metadata.name a list', worker2((n) => { n.metadata.name = ['worker-2']; }), 'Node #2: metadata.name must be a non-empty string, not a list'],
  ['metadata.name a map', worker2((n) => { n.metadata.name = { first: 'worker' }; }), 'Node #2: metadata.name must be a non-empty string, not a map'],
  ['metadata.name a boolean', worker2((n) => { n.metadata.name = true; }), 'Node #2: metadata.name must be a non-empty string, not a boolean'],
  ['metadata.name empty', worker2((n) => { n.metadata.name = ''; }), 'Node #2 has no metadata.name'],
  ['metadata.name null', worker2((n) => { n.metadata.name = null; }), 'Node #2 has no metadata.name'],
  ['metadata missing', worker2((n) => { delete n.metadata; }), 'Node #2 has no metadata.name'],
  ['metadata a list', worker2((n) => { n.metadata = [{ name: 'worker-2' }]; }), 'Node #2: metadata must be a map (ObjectMeta), not a list'],
  ['metadata a string', worker2((n) => { n.metadata = 'worker-2'; }), 'Node #2: metadata must be a map (ObjectMeta), not a string'],
  ['metadata.labels a list', worker2((n) => { n.metadata.labels = ['kubernetes.io/os=linux']; }),
    'Node "worker-2": metadata.labels must be a map of strings (map[string]string), not a list'],
  ['metadata.labels a string', worker2((n) => { n.metadata.labels = 'kubernetes.io/os=linux'; }),
    'Node "worker-2": metadata.labels must be a map of strings (map[string]string), not a string'],
  ['a label value a number', worker2((n) => { n.metadata.labels.rack = 12; }), 'Node "worker-2": metadata.labels[rack] must be a string, not a number'],
  ['a label value a boolean', worker2((n) => { n.metadata.labels['example.com/gpu'] = true; }),
    'Node "worker-2": metadata.labels[example.com/gpu] must be a string, not a boolean'],
  ['a label value a map', worker2((n) => { n.metadata.labels.pool = { name: 'blue' }; }), 'Node "worker-2": metadata.labels[pool] must be a string, not a map'],
  ['a label value a list', worker2((n) => { n.metadata.labels.zones = ['a', 'b']; }), 'Node "worker-2": metadata.labels[zones] must be a string, not a list'],
  ['spec a list', worker2((n) => { n.spec = [TAINT]; }), 'Node "worker-2": spec must be a map (NodeSpec), not a list'],
  ['spec.taints a map', worker2((n) => { n.spec.taints = TAINT; }), 'Node "worker-2": spec.taints must be a list of taints ([]Taint), not a map'],
  ['spec.taints a string', worker2((n) => { n.spec.taints = 'dedicated:NoSchedule'; }),
    'Node "worker-2": spec.taints must be a list of taints ([]Taint), not a string'],
  ['a taint a string', worker2((n) => { n.spec.taints = ['dedicated:NoSchedule']; }),
    'Node "worker-2": spec.taints[0] must be a taint (a map with key and effect), not a string'],
  ['a taint null', worker2((n) => { n.spec.taints.push(null); }), 'Node "worker-2": spec.taints[1] must be a taint (a map with key and effect), not null'],
  ['a taint key a number', worker2((n) => { n.spec.taints[0].key = 7; }), 'Node "worker-2": spec.taints[0].key must be a string, not a number'],
  ['a taint value a boolean', worker2((n) => { n.spec.taints[0].value = true; }), 'Node "worker-2": spec.taints[0].value must be a string, not a boolean'],
  ['a taint effect a list', worker2((n) => { n.spec.taints[0].effect = ['NoSchedule']; }),
    'Node "worker-2": spec.taints[0].effect must be a string, not a list'],
  ['a taint without key', worker2((n) => { n.spec.taints.push({ effect: 'NoExecute' }); }),
    'Node "worker-2": spec.taints[1] has no key (a taint needs key and effect)'],
  ['a taint with an empty key', worker2((n) => { n.spec.taints[0].key = ''; }), 'Node "worker-2": spec.taints[0] has no key (a taint needs key and effect)'],
  ['a taint with a null key', worker2((n) => { n.spec.taints[0].key = null; }), 'Node "worker-2": spec.taints[0] has no key (a taint needs key and effect)'],
  ['a taint without effect', worker2((n) => { delete n.spec.taints[0].effect; }),
    'Node "worker-2": spec.taints[0] has no effect (a taint needs key and effect)'],
  ['a taint with an empty effect', worker2((n) => { n.spec.taints[0].effect = ''; }),
    'Node "worker-2": spec.taints[0] has no effect (a taint needs key and effect)'],
  ['a taint with a null effect', worker2((n) => { n.spec.taints[0].effect = null; }),
    'Node "worker-2": spec.taints[0] has no effect (a taint needs key and effect)'],
  ['status a string', worker2((n) => { n.status = 'Ready'; }), 'Node "worker-2": status must be a map (NodeStatus), not a string'],
  ['status.allocatable a list', worker2((n) => { n.status.allocatable = [{ cpu: '4' }]; }),
    'Node "worker-2": status.allocatable must be a map of quantities (map[string]Quantity), not a list'],
  ['status.allocatable a string', worker2((n) => { n.status.allocatable = 'cpu=4'; }),
    'Node "worker-2": status.allocatable must be a map of quantities (map[string]Quantity), not a string'],
  ['an allocatable cpu a map', worker2((n) => { n.status.allocatable.cpu = { value: '4' }; }),
    'Node "worker-2": status.allocatable[cpu] must be a quantity (a string or a number), not a map'],
  ['an allocatable extended resource a boolean', worker2((n) => { n.status.allocatable['nvidia.com/gpu'] = true; }),
    'Node "worker-2": status.allocatable[nvidia.com/gpu] must be a quantity (a string or a number), not a boolean'],
  ['a name that would break the line', worker2((n) => { n.metadata.name = 'worker\n2 "b"'; n.metadata.labels = []; }),
    'Node "worker\\n2 \\"b\\"": metadata.labels must be a map of strings (map[string]string), not a list'],
];

describe('a Node whose name, labels, taints or allocatable have the wrong type is an input error', () => {
  it.each(WRONGLY_TYPED)('parseInventory: %s', (_, node, problem) => {
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [fullNode('worker-1'), node] }, null, 2);
    const error = inputError(() => parseInventory(text, 'nodes.json'));
    expectOneLine(error);
    expect(error.message).toBe(`nodes.json: document 1 (line 1): ${problem}`);
  });

  it.each(WRONGLY_TYPED)('evaluatePlacement, without a file to name: %s', (_, node, problem) => {
    const error = inputError(() => evaluatePlacement([daemonSet('agent')], [fullNode('worker-1'), node]));
    expectOneLine(error);
    expect(error.message).toBe(problem);
  });

  it('YAML names the document and its line', () => {
    const text = `apiVersion: v1
kind: Node
metadata:
  name: worker-1
  labels:
  - kubernetes.io/os=linux
`;
    expect(inputError(() => parseInventory(text, 'nodes.yaml')).message).toBe(
      'nodes.yaml: document 1 (line 1): Node "worker-1": metadata.labels must be a map of strings (map[string]string), not a list',
    );
    const second = `kind: Node
metadata: {name: cp-1}
---
kind: Node
metadata: {name: worker-1}
spec:
  taints: {node-role.kubernetes.io/control-plane: NoSchedule}
`;
    expect(inputError(() => parseInventory(second, 'nodes.yaml')).message).toBe(
      'nodes.yaml: document 2 (line 3): Node "worker-1": spec.taints must be a list of taints ([]Taint), not a map',
    );
  });

  it('Nodes in a List are counted across documents and Lists for Node #N', () => {
    const text = `kind: List
items:
- {kind: Node, metadata: {name: a}}
- {kind: ConfigMap, metadata: {name: skipped}}
- {kind: Node, metadata: {name: b}}
---
kind: Node
metadata: {name: [c]}
`;
    expect(inputError(() => parseInventory(text, 'nodes.yaml')).message).toBe(
      'nodes.yaml: document 2 (line 6): Node #3: metadata.name must be a non-empty string, not a list',
    );
  });

  it('the first wrong field of the first wrong Node is the one named', () => {
    const bad = worker2((n) => { n.metadata.labels = []; n.spec.taints = {}; });
    const worse = worker2((n) => { n.metadata.name = 1; });
    expect(inputError(() => evaluatePlacement([], [fullNode('worker-1'), bad, worse])).message).toBe(
      'Node "worker-2": metadata.labels must be a map of strings (map[string]string), not a list',
    );
  });
});

describe('what Go decodes is accepted: null is the zero value, quantities may be numbers', () => {
  const ACCEPTED: Array<[string, Manifest]> = [
    ['metadata.labels null', worker2((n) => { n.metadata.labels = null; })],
    ['spec null', worker2((n) => { n.spec = null; })],
    ['spec.taints null', worker2((n) => { n.spec.taints = null; })],
    ['a taint value null', worker2((n) => { n.spec.taints[0].value = null; })],
    ['status null', worker2((n) => { n.status = null; })],
    ['status.allocatable null', worker2((n) => { n.status.allocatable = null; })],
    ['allocatable quantities as numbers', worker2((n) => { n.status.allocatable = { cpu: 4, memory: 17179869184, pods: 110 }; })],
    ['an allocatable quantity null', worker2((n) => { n.status.allocatable.cpu = null; })],
    ['empty labels, no taints', worker2((n) => { n.metadata.labels = {}; n.spec.taints = []; })],
    ['a taint with timeAdded', worker2((n) => { n.spec.taints[0].timeAdded = '2025-01-01T00:00:00Z'; })],
  ];

  it.each(ACCEPTED)('%s', (_, node) => {
    const nodes = [fullNode('worker-1'), node];
    expect(names(parseInventory(JSON.stringify(nodes), 'nodes.json'))).toEqual(['worker-1', 'worker-2']);
    expect(evaluatePlacement([daemonSet('agent')], nodes).nodes).toEqual(['worker-1', 'worker-2']);
  });

  it('a label whose value is null is there, with the value ""', () => {
    const nodes = parseInventory('kind: Node\nmetadata:\n  name: n\n  labels:\n    example.com/edge:\n', 'nodes.yaml');
    const report = evaluatePlacement([
      daemonSet('edge', { nodeSelector: { 'example.com/edge': '' } }),
      withRequiredTerms('no-edge', [{ matchExpressions: [{ key: 'example.com/edge', operator: 'DoesNotExist' }] }]),
    ], nodes);
    expect(report.daemonSets.map((d) => d.placements[0].shouldRun)).toEqual([true, false]);
  });

  it('a taint whose value is null is the taint key:Effect', () => {
    const node = { kind: 'Node', metadata: { name: 'n' }, spec: { taints: [{ key: 'dedicated', value: null, effect: 'NoExecute' }] } };
    const report = evaluatePlacement([
      daemonSet('plain'),
      daemonSet('tolerant', { tolerations: [{ key: 'dedicated', operator: 'Equal', value: '', effect: 'NoExecute' }] }),
    ], [node]);
    expect(report.daemonSets.map((d) => d.placements[0].shouldRun)).toEqual([false, true]);
    expect(report.daemonSets[0].placements[0].reasons[0].message).toBe('taint dedicated:NoExecute is not tolerated');
  });
});

describe('loadInventory reads the encodings kubectl output is saved in', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-encodings-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function loadEncoded(text: string, encoding: 'utf8-bom' | 'utf16le' | 'utf16be'): Manifest[] {
    const withMark = `\ufeff${text}`;
    const bytes = encoding === 'utf8-bom' ? Buffer.from(withMark)
      : encoding === 'utf16le' ? Buffer.from(withMark, 'utf16le')
        : Buffer.from(withMark, 'utf16le').swap16();
    const file = path.join(dir, `nodes-${encoding}.yaml`);
    fs.writeFileSync(file, bytes);
    return loadInventory(file);
  }

  it.each(['utf8-bom', 'utf16le', 'utf16be'] as const)('%s: the same Nodes as UTF-8', (encoding) => {
    const yaml = loadEncoded(KUBECTL_LIST, encoding);
    expect(names(yaml)).toEqual(['cp-1', 'worker-1']);
    expect(yaml).toEqual(parseInventory(KUBECTL_LIST, 'nodes.yaml'));
    expect(loadEncoded(NODE_LIST_JSON, encoding)).toEqual(parseInventory(NODE_LIST_JSON, 'nodes.json'));
  });

  it('a file that is not text: one line naming it', () => {
    const file = path.join(dir, 'nodes.yaml');
    fs.writeFileSync(file, Buffer.from(KUBECTL_LIST, 'utf16le'));
    const error = inputError(() => loadInventory(file));
    expectOneLine(error);
    expect(error.message).toBe(`${file}: is not text (expected UTF-8 or UTF-16 with a byte-order mark)`);
  });
});
