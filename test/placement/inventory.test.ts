import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { daemonSet, Manifest, only } from './fixtures';
import { evaluatePlacement, InputError, loadInventory, parseInventory } from '../../src';

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

    it('a Node whose name is not a string has no name', () => {
      const error = inputError(() => parseInventory('kind: Node\nmetadata:\n  name: 42\n', 'number.yaml'));
      expect(error.message).toContain('number.yaml: document 1');
      expect(error.message).toContain('has no metadata.name');
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
