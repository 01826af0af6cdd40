/*
 * `everynode place` on the files `StaticPod.writeAll` writes (`static-pods/<node>/<name>.yaml`):
 * each static pod appears on its nodes only, marked static. The kubelet runs a static pod on its own
 * node whatever the node's taints (`generalFilter` in pkg/kubelet/lifecycle/predicate.go skips the
 * taint check for static pods), and names its mirror pod `<name>-<node>` (`generatePodName` in
 * pkg/kubelet/config/common.go).
 */
import { CLUSTER, daemonSet, everynode, workspace } from './cli-harness';
import { staticPodFiles } from '../../src/static-pods';

const WORKERS_ONLY = daemonSet('log-shipper', { namespace: 'logging' });

/** The directory StaticPod.writeAll writes: a folder per node. */
function staticPodTree(name: string, nodes: string[], props: Record<string, unknown> = {}): Record<string, object> {
  const files = staticPodFiles(`StaticPod '${name}'`, name, { nodes, image: 'registry.example.com/boot-agent:1.0', ...props });
  return Object.fromEntries(files.map((file) => [`static-pods/${file.path}`, file.manifest]));
}

describe('everynode place with static pods', () => {
  test('GIVEN a static pod file for the control-plane node THEN the table shows it there only, marked static, and exits 0', async () => {
    const cwd = workspace({ 'nodes.yaml': CLUSTER, 'agents.yaml': [WORKERS_ONLY], ...staticPodTree('boot-agent', ['cp-1']) });
    const run = await everynode(['place', '-i', 'nodes.yaml', 'agents.yaml', 'static-pods'], { cwd });

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('DaemonSets (1) and static pods (1) on 3 nodes:');
    expect(run.stdout).toMatch(
      /^ {2}B {2}kube-system\/boot-agent {2}static pod, runs on 1\/3 \(mirror pod boot-agent-cp-1\); ManifestFile: the kubelet replaces the pod when its file changes$/m,
    );
    expect(run.stdout).toMatch(/^cp-1\s+◐1\s+◆$/m);
    expect(run.stdout).toMatch(/^worker-1\s+✔\s+·$/m);
    expect(run.stdout).toMatch(/^worker-2\s+✔\s+·$/m);
    expect(run.stdout).toContain('◆ static pod: the node\'s kubelet runs it from its file, whatever its taints   · no file for this node');
  });

  test('static pod files alone are enough to place (no DaemonSet needed)', async () => {
    const cwd = workspace({ 'nodes.yaml': CLUSTER, ...staticPodTree('etcd', ['cp-1', 'worker-2']) });
    const run = await everynode(['place', '-i', 'nodes.yaml', '-o', 'json', 'static-pods'], { cwd });

    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.daemonSets).toHaveLength(1);
    expect(report.daemonSets[0]).toMatchObject({
      kind: 'StaticPod',
      namespace: 'kube-system',
      name: 'etcd',
      desiredNumberScheduled: 2,
      rollout: { strategy: 'ManifestFile' },
      mirrorPods: [{ node: 'cp-1', name: 'etcd-cp-1' }, { node: 'worker-2', name: 'etcd-worker-2' }],
    });
    expect(report.daemonSets[0].placements.map((p: { node: string; shouldRun: boolean }) => `${p.node}:${p.shouldRun}`))
      .toEqual(['cp-1:true', 'worker-1:false', 'worker-2:true']);
    // One file per node of the same Pod is no DuplicateObject.
    expect(report.findings).toEqual([]);
  });

  test('--output markdown marks the static pod in the legend and its cells', async () => {
    const cwd = workspace({ 'nodes.yaml': CLUSTER, 'agents.yaml': [WORKERS_ONLY], ...staticPodTree('boot-agent', ['cp-1']) });
    const run = await everynode(['place', '-i', 'nodes.yaml', '-o', 'markdown', 'agents.yaml', 'static-pods'], { cwd });

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| B | `kube-system/boot-agent` (static pod; mirror pod boot-agent-cp-1) | 1/3 |');
    expect(run.stdout).toContain('| cp-1 | ◐1 | ◆ |');
    expect(run.stdout).toContain('| worker-1 | ✔ | · |');
  });

  test('a file for a node the inventory lacks: a warning names it; with --strict it fails (exit 1)', async () => {
    const cwd = workspace({ 'nodes.yaml': CLUSTER, ...staticPodTree('etcd', ['cp-1', 'cp-9']) });
    const run = await everynode(['place', '-i', 'nodes.yaml', 'static-pods'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'warning: static pod kube-system/etcd has files for node cp-9, not in the inventory: their kubelets run it, and no placement shows it there',
    );

    const strict = await everynode(['place', '-i', 'nodes.yaml', '--strict', 'static-pods'], { cwd });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('static pod kube-system/etcd has files for node cp-9, not in the inventory');
  });

  test('a hand-written file that references a Secret: the mirror pod\'s error under the static pod; --fail-on-errors exits 1', async () => {
    const file = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'agent', namespace: 'kube-system', annotations: { 'everynode.io/static-pod': 'true' } },
      spec: {
        nodeName: 'worker-1',
        containers: [{ name: 'agent', image: 'registry.example.com/agent:1.0', env: [{ name: 'T', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] }],
      },
    };
    const cwd = workspace({ 'nodes.yaml': CLUSTER, 'agent.yaml': file });
    const run = await everynode(['place', '-i', 'nodes.yaml', 'agent.yaml'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Validation errors (the API server would reject these DaemonSets or mirror pods):');
    expect(run.stdout).toContain('kube-system/agent (static pod): spec.containers[0].env[0].valueFrom.secretKeyRef: Forbidden: a mirror pod may not reference secrets');

    const failing = await everynode(['place', '-i', 'nodes.yaml', '--fail-on-errors', 'agent.yaml'], { cwd });
    expect(failing.code).toBe(1);
  });

  test('--expect-every-node names DaemonSets only: a static pod of that name does not answer it', async () => {
    const cwd = workspace({ 'nodes.yaml': CLUSTER, ...staticPodTree('etcd', ['cp-1']) });
    const run = await everynode(['place', '-i', 'nodes.yaml', '--expect-every-node', 'etcd', 'static-pods'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('expected DaemonSet etcd on every node, but the manifests hold no DaemonSet etcd');
  });

  test('a bare Pod (no static-pod annotation) is not placed: no DaemonSet or static pod found, exit 2', async () => {
    const bare = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { nodeName: 'cp-1', containers: [{ name: 'web', image: 'nginx' }] } };
    const cwd = workspace({ 'nodes.yaml': CLUSTER, 'web.yaml': bare });
    const run = await everynode(['place', '-i', 'nodes.yaml', 'web.yaml'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('web.yaml: no DaemonSet or static pod found');
  });
});
