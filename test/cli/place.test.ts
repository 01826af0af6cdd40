import * as fs from 'fs';
import * as path from 'path';
import {
  CLUSTER, CONTROL_PLANE_TOLERATION, daemonSet, everynode, EXAMPLE_INVENTORY, node, nodeList, workspace,
} from './cli-harness';
import { evaluatePlacement, loadInventory } from '../../src';
import { parseDocuments } from '../../src/input';

const EVERYWHERE = daemonSet('node-agent', { namespace: 'kube-system', tolerations: [CONTROL_PLANE_TOLERATION] });
const WORKERS_ONLY = daemonSet('log-shipper', { namespace: 'logging' });

function cluster(...manifests: object[]): string {
  return workspace({ 'nodes.yaml': CLUSTER, 'agents.yaml': manifests });
}

describe('everynode place', () => {
  test('prints the table by default and exits 0', async () => {
    const dir = cluster(EVERYWHERE, WORKERS_ONLY);
    const run = await everynode(['place', '--inventory', 'nodes.yaml', 'agents.yaml'], { cwd: dir });

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('DaemonSets (2) on 3 nodes:');
    expect(run.stdout).toMatch(/^NODE\s+A\s+B$/m);
    expect(run.stdout).toMatch(/^cp-1\s+✔\s+◐1$/m);
    expect(run.stdout).toMatch(/^worker-1\s+✔\s+✔$/m);
    expect(run.stdout).toContain('1  taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated');
  });

  test('--output markdown prints the matrix as a Markdown table', async () => {
    const dir = cluster(EVERYWHERE, WORKERS_ONLY);
    const run = await everynode(['place', '-i', 'nodes.yaml', '--output', 'markdown', 'agents.yaml'], { cwd: dir });

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| A | `kube-system/node-agent` | 3/3 |');
    expect(run.stdout).toContain('| Node | A | B |');
    expect(run.stdout).toContain('| cp-1 | ✔ | ◐1 |');
    expect(run.stdout).toContain('1. taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated');
  });

  test('--output json prints exactly what evaluatePlacement returns', async () => {
    const dir = cluster(EVERYWHERE, WORKERS_ONLY);
    const run = await everynode(['place', '--inventory', 'nodes.yaml', '--output', 'json', 'agents.yaml'], { cwd: dir });

    const manifests = parseDocuments(fs.readFileSync(path.join(dir, 'agents.yaml'), 'utf8'), 'agents.yaml').map((d) => d.value);
    const expected = evaluatePlacement(manifests, loadInventory(path.join(dir, 'nodes.yaml')));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify(expected)}\n`);
    expect(JSON.parse(run.stdout)).toMatchObject({
      nodes: ['cp-1', 'worker-1', 'worker-2'],
      daemonSets: [
        { namespace: 'kube-system', name: 'node-agent', desiredNumberScheduled: 3, errors: [], advisories: [] },
        {
          namespace: 'logging',
          name: 'log-shipper',
          desiredNumberScheduled: 2,
          rollout: { strategy: 'RollingUpdate', maxUnavailable: 1, maxSurge: 0, waves: 2 },
          placements: [
            {
              node: 'cp-1',
              shouldRun: false,
              shouldContinueRunning: true,
              reasons: [{ code: 'UntoleratedTaint', message: 'taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated' }],
            },
            { node: 'worker-1', shouldRun: true, shouldContinueRunning: true, reasons: [] },
            { node: 'worker-2', shouldRun: true, shouldContinueRunning: true, reasons: [] },
          ],
        },
      ],
    });
  });

  test('--output json matches evaluatePlacement on the example inventory', async () => {
    const dir = workspace({ 'agents.yaml': [EVERYWHERE, WORKERS_ONLY] });
    const run = await everynode(['place', '--inventory', EXAMPLE_INVENTORY, '-o', 'json', path.join(dir, 'agents.yaml')]);

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(evaluatePlacement([EVERYWHERE, WORKERS_ONLY], loadInventory(EXAMPLE_INVENTORY)));
  });

  test.each(['always', 'never', 'auto'])('--group-nodes %s reaches the renderer', async (grouping) => {
    const dir = cluster(EVERYWHERE, WORKERS_ONLY);
    const run = await everynode(['place', '-i', 'nodes.yaml', '--group-nodes', grouping, 'agents.yaml'], { cwd: dir });

    expect(run.code).toBe(0);
    if (grouping === 'always') {
      expect(run.stdout).toMatch(/^NODES\s+A\s+B$/m);
      expect(run.stdout).toMatch(/^worker-1 and 1 more \(2 nodes\)\s+✔\s+✔$/m);
    } else {
      expect(run.stdout).toMatch(/^worker-2\s+✔\s+✔$/m);
    }
  });

  describe('expectations', () => {
    test('--expect-every-node passes (exit 0) when the DaemonSet runs on every node', async () => {
      const dir = cluster(EVERYWHERE, WORKERS_ONLY);
      const run = await everynode(
        ['place', '-i', 'nodes.yaml', '--expect-every-node', 'node-agent', '--expect-every-node', 'kube-system/node-agent', 'agents.yaml'],
        { cwd: dir },
      );

      expect(run).toMatchObject({ code: 0, stderr: '' });
    });

    test('--expect-every-node fails (exit 1) naming the skipped nodes and why, and still prints the report', async () => {
      const dir = cluster(EVERYWHERE, WORKERS_ONLY);
      const run = await everynode(['place', '-i', 'nodes.yaml', '--expect-every-node', 'logging/log-shipper', 'agents.yaml'], { cwd: dir });

      expect(run.code).toBe(1);
      expect(run.stdout).toContain('DaemonSets (2) on 3 nodes:');
      expect(run.stderr).toBe(
        'everynode: expected logging/log-shipper on every node, but it runs on 2 of 3: ' +
        'no new pod on cp-1 (taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated)\n',
      );
    });

    test('--expect-every-node lists at most 5 skipped nodes', async () => {
      const workers = Array.from({ length: 8 }, (_, i) => node(`gpu-${i + 1}`, { labels: { gpu: 'false' } }));
      const dir = workspace({
        'nodes.yaml': nodeList(...workers),
        'agents.yaml': daemonSet('gpu-plugin', { nodeSelector: { gpu: 'true' } }),
      });
      const run = await everynode(['place', '-i', 'nodes.yaml', '--expect-every-node', 'gpu-plugin', 'agents.yaml'], { cwd: dir });

      expect(run.code).toBe(1);
      const reason = "nodeSelector gpu=true not matched (node: 'false')";
      expect(run.stderr).toBe(
        'everynode: expected default/gpu-plugin on every node, but it runs on 0 of 8: no new pod on ' +
        [1, 2, 3, 4, 5].map((i) => `gpu-${i} (${reason})`).join('; ') + '; and 3 more\n',
      );
    });

    test('--expect-every-node fails (exit 1) for a DaemonSet the manifests do not hold', async () => {
      const dir = cluster(EVERYWHERE);
      const run = await everynode(['place', '-i', 'nodes.yaml', '--expect-every-node', 'logging/log-shipper', 'agents.yaml'], { cwd: dir });

      expect(run.code).toBe(1);
      expect(run.stderr).toBe('everynode: expected DaemonSet logging/log-shipper on every node, but the manifests hold no DaemonSet logging/log-shipper\n');
    });

    test('--expect-every-node with a bare name checks that name in every namespace', async () => {
      const dir = cluster(
        daemonSet('agent', { namespace: 'a', tolerations: [CONTROL_PLANE_TOLERATION] }),
        daemonSet('agent', { namespace: 'b' }),
      );
      const run = await everynode(['place', '-i', 'nodes.yaml', '--expect-every-node', 'agent', 'agents.yaml'], { cwd: dir });

      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^everynode: expected b\/agent on every node, but it runs on 2 of 3: no new pod on cp-1 \(.*\)\n$/);
    });

    test('--fail-on-errors fails (exit 1) for a DaemonSet the API server would reject', async () => {
      const broken = daemonSet('broken', { selector: { app: 'other' } });
      const dir = cluster(EVERYWHERE, broken);
      const ok = await everynode(['place', '-i', 'nodes.yaml', 'agents.yaml'], { cwd: dir });
      const run = await everynode(['place', '-i', 'nodes.yaml', '--fail-on-errors', 'agents.yaml'], { cwd: dir });

      expect(ok.code).toBe(0);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        'everynode: default/broken has 1 validation error: spec.template.metadata.labels: Invalid value: {"app":"broken"}: `selector` does not match template `labels`\n',
      );
    });

    test('--fail-on-errors passes (exit 0) when every DaemonSet is valid', async () => {
      const dir = cluster(EVERYWHERE, WORKERS_ONLY);
      const run = await everynode(['place', '-i', 'nodes.yaml', '--fail-on-errors', '--fail-on-advisories', 'agents.yaml'], { cwd: dir });

      expect(run).toMatchObject({ code: 0, stderr: '' });
    });

    test('--fail-on-advisories fails (exit 1) when pods would stay Pending', async () => {
      const dir = workspace({
        'nodes.yaml': nodeList(node('small-1', { cpu: '1' })),
        'agents.yaml': [daemonSet('hungry', { cpu: '3' })],
      });
      const ok = await everynode(['place', '-i', 'nodes.yaml', 'agents.yaml'], { cwd: dir });
      const run = await everynode(['place', '-i', 'nodes.yaml', '--fail-on-advisories', 'agents.yaml'], { cwd: dir });

      expect(ok.code).toBe(0);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^everynode: default\/hungry has 1 advisory: small-1: InsufficientResource: .*cpu.*\n$/);
    });
  });
});
