/*
 * `everynode place` on variant families: DaemonSets of one namespace labelled with the same
 * everynode.io/family, one per hardware variant, written as plain YAML.
 *
 * Upstream Kubernetes has no such concept: the DaemonSet controller places each DaemonSet on its
 * own (NodeShouldRunDaemonPod, pkg/controller/daemon/daemon_controller.go). Overlaps and gaps are
 * everynode's own check on top of those verdicts.
 */
import { daemonSet, everynode, EXAMPLE_INVENTORY, workspace } from './cli-harness';
import { evaluatePlacement, loadInventory } from '../../src';
import { exclusiveFamily, NOT_WINDOWS, variant } from '../placement/family-fixtures';

const [GPU_VARIANT, WINDOWS_VARIANT] = exclusiveFamily();
/** A default that does not keep off GPU nodes: it runs beside the gpu variant on gpu-1. */
const OVERLAPPING_DEFAULT = variant('node-agent', 'default', [NOT_WINDOWS]);
/** A default that keeps off amd64 as well: four Linux nodes run no variant. */
const SHORT_DEFAULT = variant('node-agent', 'default', [
  { key: 'nvidia.com/gpu.present', operator: 'DoesNotExist' },
  NOT_WINDOWS,
  { key: 'kubernetes.io/arch', operator: 'NotIn', values: ['amd64'] },
]);

const OVERLAP_MESSAGE = 'family node-agent (observability): 1 node runs more than one variant: gpu-1 runs gpu and default';
const GAP_MESSAGE = 'family node-agent (observability): 4 nodes run none of its variants gpu, windows and default, though it has a default: ' +
  'cp-1, worker-1, worker-cordoned, and 1 more';

function place(manifests: object[], ...options: string[]) {
  return everynode(['place', '-i', EXAMPLE_INVENTORY, ...options, 'agents.yaml'], { cwd: workspace({ 'agents.yaml': manifests }) });
}

describe('everynode place --expect-exactly-once FAMILY', () => {
  test('exits 0 when the family runs exactly once on every node, named by NAME or NAMESPACE/NAME', async () => {
    const run = await place(exclusiveFamily(), '--expect-exactly-once', 'node-agent', '--expect-exactly-once', 'observability/node-agent');

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).not.toContain('error:');
  });

  test('exits 1 on an overlap, naming the nodes and the variants, and still prints the report', async () => {
    const run = await place([GPU_VARIANT, WINDOWS_VARIANT, OVERLAPPING_DEFAULT], '--expect-exactly-once', 'node-agent');

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('DaemonSets (3) on 7 nodes:');
    expect(run.stderr).toBe(
      'everynode: expected family observability/node-agent to run exactly once on every node, but 1 node runs more than one variant: ' +
      'gpu-1 runs gpu and default\n',
    );
  });

  test('exits 1 on a gap, naming the nodes (at most 5) and the variants', async () => {
    const run = await place([GPU_VARIANT, WINDOWS_VARIANT, SHORT_DEFAULT], '--expect-exactly-once', 'observability/node-agent');

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'everynode: expected family observability/node-agent to run exactly once on every node, but 4 nodes run none of its variants ' +
      'gpu, windows and default, though it has a default: cp-1, worker-1, worker-cordoned, worker-notready\n',
    );
  });

  test('exits 1 when the manifests hold no such family, and says so', async () => {
    const run = await place(exclusiveFamily(), '--expect-exactly-once', 'log-shipper', '--expect-exactly-once', 'kube-system/node-agent');

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'everynode: expected family log-shipper to run exactly once on every node, but the manifests hold no DaemonSet labelled everynode.io/family=log-shipper\n' +
      'everynode: expected family kube-system/node-agent to run exactly once on every node, but the manifests hold no DaemonSet labelled ' +
      'everynode.io/family=node-agent in namespace kube-system\n',
    );
  });

  test('a bare NAME checks that family in every namespace', async () => {
    const run = await place([
      ...exclusiveFamily('node-agent', 'team-a'),
      variant('node-agent', 'gpu', [{ key: 'nvidia.com/gpu.present', operator: 'Exists' }], { namespace: 'team-b' }),
      variant('node-agent', 'default', [], { namespace: 'team-b' }),
    ], '--expect-exactly-once', 'node-agent');

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'everynode: expected family team-b/node-agent to run exactly once on every node, but 1 node runs more than one variant: gpu-1 runs gpu and default\n',
    );
  });

  test('without the flag, a broken family is reported but the exit status stays 0', async () => {
    const run = await place([GPU_VARIANT, WINDOWS_VARIANT, OVERLAPPING_DEFAULT]);

    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  test.each(['', 'observability/', '/node-agent', 'a/b/c'])('a malformed FAMILY %j is a usage error (exit 2)', async (family) => {
    const run = await place(exclusiveFamily(), '--expect-exactly-once', family);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`everynode: --expect-exactly-once needs NAME or NAMESPACE/NAME (got '${family}') (see everynode place --help)\n`);
  });
});

describe('everynode place: family findings in every output', () => {
  test('the table lists overlaps and gaps as errors across DaemonSets', async () => {
    const overlap = await place([GPU_VARIANT, WINDOWS_VARIANT, OVERLAPPING_DEFAULT]);
    const gap = await place([GPU_VARIANT, WINDOWS_VARIANT, SHORT_DEFAULT]);

    expect(overlap.stdout).toContain(`\nErrors across DaemonSets (each is fine alone, not together):\n  error: ${OVERLAP_MESSAGE}\n`);
    expect(gap.stdout).toContain(`\nErrors across DaemonSets (each is fine alone, not together):\n  error: ${GAP_MESSAGE}\n`);
  });

  test('markdown lists them under Errors across DaemonSets', async () => {
    const run = await place([GPU_VARIANT, WINDOWS_VARIANT, OVERLAPPING_DEFAULT], '-o', 'markdown');

    expect(run.stdout).toContain(`**Errors across DaemonSets**\n\n- error: ${OVERLAP_MESSAGE}\n`);
  });

  test('json: the findings are evaluatePlacement\'s, byte for byte', async () => {
    const manifests = [GPU_VARIANT, WINDOWS_VARIANT, SHORT_DEFAULT];
    const run = await place(manifests, '-o', 'json');

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify(evaluatePlacement(manifests, loadInventory(EXAMPLE_INVENTORY)))}\n`);
    expect(JSON.parse(run.stdout).findings).toEqual([{
      code: 'VariantGap',
      severity: 'error',
      objects: ['DaemonSet observability/node-agent-gpu', 'DaemonSet observability/node-agent-windows', 'DaemonSet observability/node-agent-default'],
      nodes: ['cp-1', 'worker-1', 'worker-cordoned', 'worker-notready'],
      message: GAP_MESSAGE,
    }]);
  });

  test('json: duplicates keep the files they were read from, and the family findings stay beside them', async () => {
    const dir = workspace({ 'agents.yaml': [GPU_VARIANT, WINDOWS_VARIANT, OVERLAPPING_DEFAULT], 'more.yaml': [daemonSet('extra'), daemonSet('extra')] });
    const run = await everynode(['place', '-i', EXAMPLE_INVENTORY, '-o', 'json', 'agents.yaml', 'more.yaml'], { cwd: dir });

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).findings.map((f: { code: string; message: string }) => [f.code, f.message])).toEqual([
      ['DuplicateObject', expect.stringContaining('in more.yaml (document 1, line 1) and in more.yaml (document 2, line')],
      ['VariantOverlap', OVERLAP_MESSAGE],
    ]);
  });

  test('--strict fails on family findings as on every app-wide finding', async () => {
    const run = await place([GPU_VARIANT, WINDOWS_VARIANT, OVERLAPPING_DEFAULT], '--strict');

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`everynode: ${OVERLAP_MESSAGE} (--strict)\n`);
  });
});
