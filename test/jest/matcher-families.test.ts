/*
 * toRunExactlyOncePerNode: a variant family (DaemonSets of one namespace labelled with the same
 * everynode.io/family) runs at most one variant per node, and one on every node with a default.
 *
 * Upstream Kubernetes has no such concept: the DaemonSet controller places each DaemonSet on its
 * own (NodeShouldRunDaemonPod, pkg/controller/daemon/daemon_controller.go). This is everynode's
 * own check on top of those verdicts.
 */
import { EXAMPLE_INVENTORY, failureOf } from './fixtures';
import { evaluatePlacement, loadInventory, node, PlacementReport } from '../../src';
import { placementMatchers } from '../../src/jest';
import { exclusiveFamily, GPU, NO_GPU, NOT_WINDOWS, variant } from '../placement/family-fixtures';

expect.extend(placementMatchers);

const onExample = (manifests: object[]): PlacementReport => evaluatePlacement(manifests, loadInventory(EXAMPLE_INVENTORY));
const [GPU_VARIANT, WINDOWS_VARIANT] = exclusiveFamily();
const VARIANTS_LINE =
  'Variants: gpu: observability/node-agent-gpu, windows: observability/node-agent-windows, default: observability/node-agent-default';

describe('toRunExactlyOncePerNode', () => {
  test('passes for gpu, windows and default variants with exclusive affinities, by name or namespace/name', () => {
    const report = onExample(exclusiveFamily());

    expect(report).toRunExactlyOncePerNode('node-agent');
    expect(report).toRunExactlyOncePerNode('observability/node-agent');
  });

  test('fails on an overlap, naming each node and the variants that run there', () => {
    const report = onExample([GPU_VARIANT, WINDOWS_VARIANT, variant('node-agent', 'default', [NOT_WINDOWS])]);

    const message = failureOf(() => expect(report).toRunExactlyOncePerNode('node-agent'));
    expect(message).toContain('expect(report).toRunExactlyOncePerNode(family)');
    expect(message).toContain([
      'Variant family observability/node-agent does not run exactly once per node.',
      VARIANTS_LINE,
      '',
      'More than one variant runs on 1 of 7 nodes:',
      '  gpu-1: gpu and default',
    ].join('\n'));
    expect(message).not.toContain('No variant runs');
  });

  test('fails on a gap, naming each node where no variant runs', () => {
    const amd64Only = { key: 'kubernetes.io/arch', operator: 'NotIn', values: ['amd64'] };
    const report = onExample([GPU_VARIANT, WINDOWS_VARIANT, variant('node-agent', 'default', [NO_GPU, NOT_WINDOWS, amd64Only])]);

    const message = failureOf(() => expect(report).toRunExactlyOncePerNode('node-agent'));
    expect(message).toContain([
      VARIANTS_LINE,
      '',
      'No variant runs on 4 of 7 nodes, though the family has a default:',
      '  cp-1',
      '  worker-1',
      '  worker-cordoned',
      '  worker-notready',
    ].join('\n'));
    expect(message).not.toContain('More than one variant');
  });

  test('lists at most 10 nodes of each kind', () => {
    const nodes = Array.from({ length: 12 }, (_, i) => node(`gpu-${String(i + 1).padStart(2, '0')}`).labels({ 'nvidia.com/gpu.present': 'true' }));
    const report = evaluatePlacement([variant('node-agent', 'gpu', [GPU]), variant('node-agent', 'default', [])], nodes);

    const message = failureOf(() => expect(report).toRunExactlyOncePerNode('node-agent'));
    expect(message).toContain('More than one variant runs on 12 of 12 nodes:\n  gpu-01: gpu and default\n');
    expect(message).toContain('  gpu-10: gpu and default\n  ... and 2 more');
    expect(message).not.toContain('gpu-11');
  });

  test('a family without a default passes where no variant runs, and fails on an overlap', () => {
    const gpuOnly = onExample([variant('device-plugin', 'gpu', [GPU])]);
    expect(gpuOnly).toRunExactlyOncePerNode('device-plugin');
    expect(failureOf(() => expect(gpuOnly).not.toRunExactlyOncePerNode('device-plugin'))).toContain(
      'Variant family observability/device-plugin runs at most one variant on every node (it has no default variant, so it may leave nodes out).',
    );

    const twice = onExample([variant('device-plugin', 'gpu', [GPU]), variant('device-plugin', 'a10', [GPU])]);
    expect(twice).not.toRunExactlyOncePerNode('device-plugin');
  });

  test('.not fails when the family runs exactly once, and says so', () => {
    const message = failureOf(() => expect(onExample(exclusiveFamily())).not.toRunExactlyOncePerNode('node-agent'));
    expect(message).toContain('expect(report).not.toRunExactlyOncePerNode(family)');
    expect(message).toContain(`Variant family observability/node-agent runs exactly one variant on every node (7 of 7 nodes).\n${VARIANTS_LINE}`);
  });

  test('families in different namespaces are separate; a bare name of two is ambiguous', () => {
    const report = onExample([...exclusiveFamily('node-agent', 'team-a'), variant('node-agent', 'default', [], { namespace: 'team-b' }), variant('node-agent', 'gpu', [GPU], { namespace: 'team-b' })]);

    expect(report).toRunExactlyOncePerNode('team-a/node-agent');
    expect(report).not.toRunExactlyOncePerNode('team-b/node-agent');
    expect(() => expect(report).toRunExactlyOncePerNode('node-agent')).toThrow(
      /the family "node-agent" is ambiguous[\s\S]*Name one of them as namespace\/name: team-a\/node-agent, team-b\/node-agent\./,
    );
  });

  test('an unknown family is a matcher error that says so and lists the families, also under .not', () => {
    const report = onExample(exclusiveFamily());
    for (const assertion of [() => expect(report).toRunExactlyOncePerNode('log-shipper'), () => expect(report).not.toRunExactlyOncePerNode('log-shipper')]) {
      const message = failureOf(assertion);
      expect(message).toContain('no variant family "log-shipper" in the report: no DaemonSet is labelled everynode.io/family=log-shipper');
      expect(message).toContain('Variant families in the report: observability/node-agent (gpu, windows, default)');
    }
    expect(failureOf(() => expect(report).toRunExactlyOncePerNode('kube-system/node-agent'))).toContain(
      'no DaemonSet in namespace kube-system is labelled everynode.io/family=node-agent',
    );
    expect(failureOf(() => expect(onExample([])).toRunExactlyOncePerNode('x'))).toContain('No DaemonSet of the report has the everynode.io/family label.');
    expect(() => expect(report).toRunExactlyOncePerNode(undefined as any)).toThrow(/the family must be given as `name` or `namespace\/name`/);
  });

  test('a report read back from JSON does not carry its families: a matcher error says so', () => {
    const report = JSON.parse(JSON.stringify(onExample(exclusiveFamily())));

    expect(() => expect(report).toRunExactlyOncePerNode('node-agent')).toThrow(/the report does not say which DaemonSets form variant families/);
    expect(() => expect({ answer: 42 }).toRunExactlyOncePerNode('node-agent')).toThrow(/received value must be a PlacementReport/);
  });
});
