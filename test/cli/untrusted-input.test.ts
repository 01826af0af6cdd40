/*
 * Manifests and inventories are untrusted: keys such as `__proto__` and `constructor` must stay
 * plain data of the object that holds them, and must not match labels a node does not have.
 */
import { everynode, node, nodeList, workspace } from './cli-harness';

/** A YAML DaemonSet whose every map carries hostile keys, selecting nodes by them. */
const HOSTILE_DAEMON_SET = `
apiVersion: apps/v1
kind: DaemonSet
__proto__: {polluted: manifest-root}
metadata:
  name: agent
  __proto__: {polluted: metadata}
  constructor: {prototype: {polluted: constructor}}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata:
      labels: {app: agent}
    spec:
      __proto__: {nodeName: nowhere}
      containers: [{name: agent, image: registry.example/agent:1.0}]
      nodeSelector:
        __proto__: "yes"
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - {key: constructor, operator: Exists}
`;

function hostileInventory(): string {
  const withBoth = node('with-both', { labels: { ['__proto__']: 'yes', constructor: '' } });
  const protoOnly = node('proto-only', { labels: { ['__proto__']: 'yes' } });
  const constructorOnly = node('constructor-only', { labels: { constructor: '' } });
  const plain = node('plain');
  return JSON.stringify({ ...nodeList(withBoth, protoOnly, constructorOnly, plain), ['__proto__']: { polluted: 'inventory' } });
}

function expectUnpolluted(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'nodeName')).toBe(false);
}

describe('untrusted input', () => {
  test('hostile keys in a YAML manifest and a JSON inventory pollute nothing, and place is still right', async () => {
    const cwd = workspace({ 'nodes.json': hostileInventory(), 'agents.yaml': HOSTILE_DAEMON_SET });
    const run = await everynode(['place', '-i', 'nodes.json', '-o', 'json', 'agents.yaml'], { cwd });

    expectUnpolluted();
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [daemonSet] = JSON.parse(run.stdout).daemonSets;
    expect(daemonSet).toMatchObject({ namespace: 'default', name: 'agent', desiredNumberScheduled: 1 });
    expect(daemonSet.placements.map((p: { node: string; shouldRun: boolean }) => [p.node, p.shouldRun])).toEqual([
      ['with-both', true],
      ['proto-only', false],
      ['constructor-only', false],
      ['plain', false],
    ]);
  });

  test('hostile keys in a JSON manifest pollute nothing, and validate is still right', async () => {
    const manifest = `{
      "apiVersion": "apps/v1", "kind": "DaemonSet",
      "__proto__": {"polluted": "json-root"},
      "metadata": {"name": "agent", "namespace": "ns", "__proto__": {"polluted": "metadata"}, "labels": {"__proto__": "x"}},
      "spec": {
        "selector": {"matchLabels": {"app": "agent"}},
        "template": {"metadata": {"labels": {"app": "agent"}},
                     "spec": {"containers": [{"name": "agent", "image": "registry.example/agent:1.0"}]}}
      }
    }`;
    const cwd = workspace({ 'agents.json': manifest });
    const run = await everynode(['validate', '-o', 'json', 'agents.json'], { cwd });

    expectUnpolluted();
    expect(run.stderr).toBe('');
    const [object] = JSON.parse(run.stdout).objects;
    expect(object).toMatchObject({ kind: 'DaemonSet', namespace: 'ns', name: 'agent' });
    // `__proto__` is not a valid label key: the API server would say so, and so does validate.
    expect(object.errors.map((e: { field: string }) => e.field)).toEqual(['metadata.labels']);
    expect(run.code).toBe(1);
  });

  test('--previous is matched by namespace/name even when they read __proto__ or constructor', async () => {
    const daemonSet = (selector: string) => `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: constructor, namespace: __proto__}
spec:
  selector: {matchLabels: {app: ${selector}}}
  template:
    metadata: {labels: {app: ${selector}}}
    spec: {containers: [{name: agent, image: registry.example/agent:1.0}]}
`;
    const cwd = workspace({ 'v1.yaml': daemonSet('old'), 'v2.yaml': daemonSet('new') });
    const run = await everynode(['validate', '--previous', 'v1.yaml', '-o', 'json', 'v2.yaml'], { cwd });

    expectUnpolluted();
    const [object] = JSON.parse(run.stdout).objects;
    expect(object).toMatchObject({ namespace: '__proto__', name: 'constructor', valid: false });
    expect(object.errors).toContainEqual({ field: 'spec.selector', type: 'Invalid', message: 'field is immutable' });
  });
});
