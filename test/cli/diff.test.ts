/*
 * `everynode diff` on the example's before/after pair (examples/diff): a new image, a changed node
 * filter, a changed selector, a DaemonSet removed and one added, and a node that joined.
 */
import { CLUSTER, daemonSet, everynode, toYaml, workspace } from './cli-harness';

const EXAMPLE = [
  'diff',
  '--before', 'examples/diff/before.yaml',
  '--after', 'examples/diff/after.yaml',
  '--inventory', 'examples/inventory.yaml',
  '--inventory-after', 'examples/diff/inventory-after.yaml',
];

describe('everynode diff on the example', () => {
  test('prints the gained and lost nodes, the rollout\'s pods and waves, and the orphan-and-recreate recipe (exit 0)', async () => {
    const run = await everynode(EXAMPLE);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      'logging/fluent-bit: +1 node, 5 pods restart in 5 waves',
      '  gains a pod on 1 node: worker-3',
      '  The pod template changed: RollingUpdate replaces 5 pods in 5 waves (maxUnavailable 1).',
      'monitoring/node-exporter: +1 node, -1 node, 5 pods restart in 5 waves',
      "    required node affinity: node-role.kubernetes.io/control-plane DoesNotExist fails (node: ''): cp-1",
      '    1. kubectl delete daemonset nvidia-device-plugin --namespace kube-system --cascade=orphan',
      'monitoring/windows-exporter: removed, -1 node',
      'monitoring/dcgm-exporter: added, +1 node',
    ]));
    expect(run.stdout).toContain('it adopts the old pods on 1 node, as their labels match its new selector; its RollingUpdate then replaces them in 1 wave');
  });

  test('--output markdown is a pull-request comment: the summary lines first, then a section per DaemonSet', async () => {
    const run = await everynode([...EXAMPLE, '--output', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatchSnapshot();
  });

  test('--output json has the shape DESIGN.md 3.4 fixes', async () => {
    const run = await everynode([...EXAMPLE, '-o', 'json']);
    const diff = JSON.parse(run.stdout);
    expect(diff.daemonSets.map((d: any) => `${d.namespace}/${d.name} ${d.change}`)).toEqual([
      'logging/fluent-bit changed',
      'monitoring/node-exporter changed',
      'kube-system/nvidia-device-plugin changed',
      'monitoring/dcgm-exporter added',
      'monitoring/windows-exporter removed',
    ]);
    const exporter = diff.daemonSets[1];
    expect(exporter).toEqual({
      namespace: 'monitoring',
      name: 'node-exporter',
      change: 'changed',
      gained: ['worker-3'],
      lost: [{ node: 'cp-1', reasons: [{ code: 'NodeAffinityMismatch', message: expect.any(String) }] }],
      templateChanged: true,
      rollout: { strategy: 'RollingUpdate', podsReplaced: 5, waves: 5, podsOutdated: 0, maxUnavailable: 1, maxSurge: 0 },
      selectorChanged: false,
    });
    expect(diff.daemonSets[2]).toMatchObject({ selectorChanged: true, adoptedPods: [{ node: 'gpu-1', fate: 'replaced' }] });
  });

  test('without --inventory-after, the nodes are the same on both sides', async () => {
    const run = await everynode([...EXAMPLE.slice(0, 7), '-o', 'json']);
    const diff = JSON.parse(run.stdout);
    expect(diff.daemonSets[0]).toMatchObject({ name: 'fluent-bit', gained: [], rollout: { podsReplaced: 5 } });
  });

  test('help', async () => {
    const run = await everynode(['diff', '--help']);
    expect(run.stdout).toMatch(/^Usage: everynode diff --before FILE\.\.\. --after FILE\.\.\. --inventory FILE/);
    expect((await everynode(['--help'])).stdout).toContain('  diff       Show what a change of DaemonSets (and nodes) does to their pods');
  });
});

describe('bad input to diff: exit 2, one line on stderr, nothing on stdout', () => {
  const agent = daemonSet('node-agent');
  const files = { 'nodes.yaml': CLUSTER, 'before.yaml': agent, 'after.yaml': agent };

  async function rejects(argv: string[], message: string, extraFiles: Record<string, string | object> = {}): Promise<void> {
    const run = await everynode(argv, { cwd: workspace({ ...files, ...extraFiles }) });
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 2, stdout: '', stderr: `everynode: ${message}\n` });
  }

  test('missing --before', () => rejects(['diff', '--after', 'after.yaml', '-i', 'nodes.yaml'],
    'diff needs --before FILE... (the manifests as released: files, directories or -) (see everynode diff --help)'));
  test('missing --after', () => rejects(['diff', '--before', 'before.yaml', '-i', 'nodes.yaml'],
    'diff needs --after FILE... (the manifests with the change: files, directories or -) (see everynode diff --help)'));
  test('missing --inventory', () => rejects(['diff', '--before', 'before.yaml', '--after', 'after.yaml'],
    'diff needs --inventory FILE (the output of `kubectl get nodes -o yaml`) (see everynode diff --help)'));
  test('a manifest given without --before or --after', () => rejects(['diff', '--before', 'before.yaml', '--after', 'after.yaml', '-i', 'nodes.yaml', 'more.yaml'],
    "unexpected argument 'more.yaml': name manifests with --before and --after (see everynode diff --help)"));
  test('an unreadable --before file', () => rejects(['diff', '--before', 'v1.yaml', '--after', 'after.yaml', '-i', 'nodes.yaml'],
    'v1.yaml: cannot read the --before manifest (no such file or directory)'));
  test('an unreadable --inventory-after file', () => rejects(['diff', '--before', 'before.yaml', '--after', 'after.yaml', '-i', 'nodes.yaml', '--inventory-after', 'new.yaml'],
    'new.yaml: cannot read the inventory (no such file or directory)'));
  test('a bad --output', () => rejects(['diff', '--before', 'before.yaml', '--after', 'after.yaml', '-i', 'nodes.yaml', '-o', 'html'],
    "--output must be one of table, markdown, json (got 'html') (see everynode diff --help)"));
  test('a DaemonSet present twice on one side, named with both places', () => rejects(
    ['diff', '--before', 'before.yaml', '--after', 'after.yaml', '--after', 'again.yaml', '-i', 'nodes.yaml'],
    'DaemonSet default/node-agent is defined twice in the --after manifests, in after.yaml (document 1, line 1) and in again.yaml (document 2, line 16)',
    { 'again.yaml': `${toYaml(daemonSet('other'))}---\n${toYaml(agent)}` },
  ));
  test('no DaemonSet on either side', () => rejects(['diff', '--before', 'nodes.yaml', '--after', 'nodes.yaml', '-i', 'nodes.yaml'],
    'nodes.yaml, nodes.yaml: no DaemonSet found (expected apps/v1 DaemonSet objects)'));
});
