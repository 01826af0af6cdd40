/*
 * Variant families: DaemonSets of one namespace with the same everynode.io/family label, one per
 * hardware variant, that must run a node daemon exactly once per node.
 *
 * Upstream Kubernetes has no such concept: the DaemonSet controller places each DaemonSet on its
 * own (NodeShouldRunDaemonPod, pkg/controller/daemon/daemon_controller.go), so two DaemonSets
 * whose affinities both match a node both run there. This is everynode's own check, built on
 * those verdicts (src/placement/family-coverage.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { daemonSets, inventory } from './arbitraries';
import { exclusiveFamily, GPU, NO_GPU, NOT_WINDOWS, variant, WINDOWS } from './family-fixtures';
import { daemonSet, Manifest, rawNode } from './fixtures';
import { evaluatePlacement, Finding, loadInventory, node, PlacementReport } from '../../src';
import { FAMILY_LABEL, VARIANT_LABEL } from '../../src/variants/family-labels';
import { REALWORLD_FIXTURES } from '../fixtures/realworld';

const EXAMPLE_INVENTORY = path.resolve(__dirname, '../../examples/inventory.yaml');
const REALWORLD_INVENTORIES = path.join(REALWORLD_FIXTURES, 'inventories');
const NOT_AMD64 = { key: 'kubernetes.io/arch', operator: 'NotIn', values: ['amd64'] };

const familyFindings = (report: PlacementReport) => report.findings.filter((f) => f.code === 'VariantOverlap' || f.code === 'VariantGap');

/** The nodes a DaemonSet runs on, by name. */
function runsOn(report: PlacementReport, name: string): string[] {
  const found = report.daemonSets.find((d) => d.name === name);
  if (!found) throw new Error(`no DaemonSet ${name}`);
  return found.placements.filter((p) => p.shouldRun).map((p) => p.node);
}

describe('variant families: gpu, windows and default with mutually exclusive affinities', () => {
  test('run exactly once on every node of examples/inventory.yaml: each variant on its own nodes, no finding', () => {
    const report = evaluatePlacement(exclusiveFamily(), loadInventory(EXAMPLE_INVENTORY));

    expect(runsOn(report, 'node-agent-gpu')).toEqual(['gpu-1']);
    expect(runsOn(report, 'node-agent-windows')).toEqual(['win-1']);
    expect(runsOn(report, 'node-agent-default')).toEqual(['cp-1', 'worker-1', 'worker-2', 'worker-cordoned', 'worker-notready']);
    expect(report.findings).toEqual([]);
  });

  const inventories = fs.readdirSync(REALWORLD_INVENTORIES).filter((file) => file.endsWith('.yaml'));

  test('the real-world inventories are there to check', () => {
    expect(inventories.length).toBeGreaterThanOrEqual(7);
  });

  test.each(inventories)('run exactly once on every node of test/fixtures/realworld/inventories/%s', (file) => {
    const report = evaluatePlacement(exclusiveFamily(), loadInventory(path.join(REALWORLD_INVENTORIES, file)));

    const pods = ['node-agent-gpu', 'node-agent-windows', 'node-agent-default'].map((name) => runsOn(report, name));
    expect(pods.flat().sort()).toEqual([...report.nodes].sort());
    expect(report.findings).toEqual([]);
  });
});

describe('VariantOverlap: a node where more than one variant runs', () => {
  test('a default that does not keep off GPU nodes overlaps the gpu variant there; the finding names the nodes and the variants', () => {
    const [gpu, windows] = exclusiveFamily();
    const report = evaluatePlacement([gpu, windows, variant('node-agent', 'default', [NOT_WINDOWS])], loadInventory(EXAMPLE_INVENTORY));

    expect(report.findings).toEqual<Finding[]>([{
      code: 'VariantOverlap',
      severity: 'error',
      objects: ['DaemonSet observability/node-agent-gpu', 'DaemonSet observability/node-agent-default'],
      nodes: ['gpu-1'],
      message: 'family node-agent (observability): 1 node runs more than one variant: gpu-1 runs gpu and default',
    }]);
  });

  test('names the first three nodes with their variants, and lists every node in `nodes`', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e'].map((name) => node(name).labels({ 'nvidia.com/gpu.present': 'true' }));
    const report = evaluatePlacement([
      variant('node-agent', 'gpu', [GPU]),
      variant('node-agent', 'default', []),
      variant('node-agent', 'windows', [WINDOWS]),
    ], [...nodes, node('win-1').os('windows')]);

    expect(familyFindings(report)).toEqual([expect.objectContaining({
      code: 'VariantOverlap',
      nodes: ['a', 'b', 'c', 'd', 'e', 'win-1'],
      message: 'family node-agent (observability): 6 nodes run more than one variant: ' +
        'a runs gpu and default, b runs gpu and default, c runs gpu and default, and 3 more',
      objects: [
        'DaemonSet observability/node-agent-gpu',
        'DaemonSet observability/node-agent-default',
        'DaemonSet observability/node-agent-windows',
      ],
    })]);
  });

  test('a family without a default reports overlaps, and no gap on nodes that run none of its variants', () => {
    const report = evaluatePlacement([
      variant('device-plugin', 'gpu', [GPU]),
      variant('device-plugin', 'linux', [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }]),
    ], loadInventory(EXAMPLE_INVENTORY));

    expect(runsOn(report, 'device-plugin-gpu')).toEqual(['gpu-1']);
    expect(report.findings.map((f) => [f.code, f.nodes])).toEqual([['VariantOverlap', ['gpu-1']]]);
    expect(report.findings[0].message).toBe('family device-plugin (observability): 1 node runs more than one variant: gpu-1 runs gpu and linux');
  });

  test('variants that share a name, or have none, are told apart by their DaemonSets', () => {
    const report = evaluatePlacement([
      variant('agent', 'linux', [], { name: 'agent-a' }),
      variant('agent', 'linux', [], { name: 'agent-b' }),
      { ...variant('agent', 'x', [], { name: 'agent-c' }), metadata: { name: 'agent-c', namespace: 'observability', labels: { [FAMILY_LABEL]: 'agent' } } },
    ], [node('n-1')]);

    expect(report.findings[0].message).toBe(
      'family agent (observability): 1 node runs more than one variant: ' +
      `n-1 runs linux (DaemonSet agent-a), linux (DaemonSet agent-b) and DaemonSet agent-c (no ${VARIANT_LABEL} label)`,
    );
  });
});

describe('VariantGap: a family with a default, on a node where no variant runs', () => {
  test('a default that also keeps off amd64 leaves the amd64 Linux nodes without the daemon', () => {
    const [gpu, windows] = exclusiveFamily();
    const report = evaluatePlacement([gpu, windows, variant('node-agent', 'default', [NO_GPU, NOT_WINDOWS, NOT_AMD64])], loadInventory(EXAMPLE_INVENTORY));

    expect(report.findings).toEqual<Finding[]>([{
      code: 'VariantGap',
      severity: 'error',
      objects: ['DaemonSet observability/node-agent-gpu', 'DaemonSet observability/node-agent-windows', 'DaemonSet observability/node-agent-default'],
      nodes: ['cp-1', 'worker-1', 'worker-cordoned', 'worker-notready'],
      message: 'family node-agent (observability): 4 nodes run none of its variants gpu, windows and default, though it has a default: ' +
        'cp-1, worker-1, worker-cordoned, and 1 more',
    }]);
  });

  test('taints count too: a default that tolerates nothing misses the tainted nodes', () => {
    const [gpu, windows, fallback] = exclusiveFamily();
    delete fallback.spec.template.spec.tolerations;
    const report = evaluatePlacement([gpu, windows, fallback], loadInventory(EXAMPLE_INVENTORY));

    expect(familyFindings(report).map((f) => [f.code, f.nodes])).toEqual([['VariantGap', ['cp-1', 'worker-notready']]]);
  });

  test('one family can have both an overlap and a gap: two findings', () => {
    const [gpu, windows] = exclusiveFamily();
    const notArm64 = { key: 'kubernetes.io/arch', operator: 'NotIn', values: ['arm64'] };
    const report = evaluatePlacement([gpu, windows, variant('node-agent', 'default', [NOT_WINDOWS, notArm64])], loadInventory(EXAMPLE_INVENTORY));

    expect(report.findings.map((f) => [f.code, f.nodes])).toEqual([['VariantOverlap', ['gpu-1']], ['VariantGap', ['worker-2']]]);
  });
});

describe('what makes a family', () => {
  test('families are told apart by namespace: the same family name in two namespaces is two families', () => {
    const report = evaluatePlacement([
      variant('node-agent', 'gpu', [GPU], { namespace: 'team-a' }),
      variant('node-agent', 'default', [], { namespace: 'team-b' }),
    ], loadInventory(EXAMPLE_INVENTORY));

    expect(runsOn(report, 'node-agent-default')).toContain('gpu-1');
    expect(runsOn(report, 'node-agent-gpu')).toEqual(['gpu-1']);
    expect(report.findings).toEqual([]);
  });

  test('the same family in two namespaces is checked in each: only the broken one is reported', () => {
    const [gpu, windows] = exclusiveFamily('node-agent', 'team-b');
    const report = evaluatePlacement([
      ...exclusiveFamily('node-agent', 'team-a'),
      gpu, windows, variant('node-agent', 'default', [], { namespace: 'team-b' }),
    ], loadInventory(EXAMPLE_INVENTORY));

    expect(familyFindings(report).map((f) => f.message.split(':')[0])).toEqual(['family node-agent (team-b)']);
  });

  test('a manifest without a namespace is in `default`', () => {
    const unnamespaced = exclusiveFamily().map((manifest: Manifest) => {
      delete manifest.metadata.namespace;
      return manifest;
    });
    const report = evaluatePlacement([...unnamespaced, variant('node-agent', 'extra', [], { namespace: 'default' })], [node('n-1')]);

    expect(familyFindings(report).map((f) => f.message.split(':')[0])).toEqual(['family node-agent (default)']);
  });

  test('DaemonSets without the family label are not a family, whatever their variant label', () => {
    const unlabelled = [daemonSet('a'), daemonSet('b')];
    unlabelled.forEach((manifest) => (manifest.metadata.labels = { [VARIANT_LABEL]: 'default' }));
    expect(evaluatePlacement(unlabelled, [node('n-1')]).findings).toEqual([]);
  });

  test('a DaemonSet defined twice counts once, as its later definition; the duplicate is still reported', () => {
    const family = exclusiveFamily();
    const report = evaluatePlacement([...family, family[2]], loadInventory(EXAMPLE_INVENTORY));

    expect(report.findings.map((f) => f.code)).toEqual(['DuplicateObject']);
  });

  test('the later definition of a DaemonSet defined twice is the one checked', () => {
    const [gpu, windows, fallback] = exclusiveFamily();
    const overlapping = variant('node-agent', 'default', [NOT_WINDOWS]);
    const report = evaluatePlacement([gpu, windows, overlapping, fallback], loadInventory(EXAMPLE_INVENTORY));

    expect(report.findings.map((f) => f.code)).toEqual(['DuplicateObject']);
    const reversed = evaluatePlacement([gpu, windows, fallback, overlapping], loadInventory(EXAMPLE_INVENTORY));
    expect(reversed.findings.map((f) => f.code)).toEqual(['DuplicateObject', 'VariantOverlap']);
  });
});

describe('DaemonSets evaluated node by node (template nodeName, matchFields on metadata.name)', () => {
  // A field requirement takes exactly one value: one NotIn per node, ANDed in one term.
  const notNamed = (...names: string[]) => [{ matchFields: names.map((name) => ({ key: 'metadata.name', operator: 'NotIn', values: [name] })) }];

  test('a default that keeps off the GPU and Windows nodes by name: exactly once', () => {
    const [gpu, windows] = exclusiveFamily();
    const report = evaluatePlacement([gpu, windows, variant('node-agent', 'default', [], { terms: notNamed('gpu-1', 'win-1') })], loadInventory(EXAMPLE_INVENTORY));
    expect(report.findings).toEqual([]);
  });

  test('a default that forgets the GPU node overlaps there, and one that names a Linux node too leaves a gap', () => {
    const [gpu, windows] = exclusiveFamily();
    const example = loadInventory(EXAMPLE_INVENTORY);
    const overlap = evaluatePlacement([gpu, windows, variant('node-agent', 'default', [], { terms: notNamed('win-1') })], example);
    expect(familyFindings(overlap).map((f) => [f.code, f.nodes, f.message.split(': ')[2]])).toEqual([['VariantOverlap', ['gpu-1'], 'gpu-1 runs gpu and default']]);

    const gap = evaluatePlacement([gpu, windows, variant('node-agent', 'default', [], { terms: notNamed('gpu-1', 'win-1', 'worker-2') })], example);
    expect(familyFindings(gap).map((f) => [f.code, f.nodes])).toEqual([['VariantGap', ['worker-2']]]);
  });

  test('every variant node by node', () => {
    const pinned = (name: string, nodeName: string) => {
      const manifest = variant('pinned', name, []);
      manifest.spec.template.spec.nodeName = nodeName;
      return manifest;
    };
    const report = evaluatePlacement([pinned('default', 'n-1'), pinned('a', 'n-1'), pinned('b', 'n-2')], [rawNode('n-1'), rawNode('n-2'), rawNode('n-3')]);
    expect(familyFindings(report).map((f) => [f.code, f.nodes])).toEqual([['VariantOverlap', ['n-1']], ['VariantGap', ['n-3']]]);
  });
});

describe('the findings agree with the placements (random DaemonSets and inventories)', () => {
  const FAMILIES = ['f', 'g'];
  const NAMESPACES = ['default', 'other'];
  const VARIANTS = ['default', 'gpu', 'x'];

  /** What the findings must say, counted from the report's placements one node at a time. */
  function expectedFindings(manifests: Manifest[], report: PlacementReport): Array<[string, string, string[]]> {
    const expected: Array<[string, string, string[]]> = [];
    const keys = [...new Set(manifests.map((m) => `${m.metadata.namespace ?? 'default'}/${m.metadata.labels[FAMILY_LABEL]}`))];
    for (const key of keys) {
      const members = manifests.flatMap((m, d) => (`${m.metadata.namespace ?? 'default'}/${m.metadata.labels[FAMILY_LABEL]}` === key ? [d] : []));
      const hasDefault = members.some((d) => manifests[d].metadata.labels[VARIANT_LABEL] === 'default');
      const runs = report.nodes.map((_, i) => members.filter((d) => report.daemonSets[d].placements[i].shouldRun).length);
      const overlaps = report.nodes.filter((_, i) => runs[i] > 1);
      const gaps = report.nodes.filter((_, i) => hasDefault && runs[i] === 0);
      if (overlaps.length > 0) expected.push([key, 'VariantOverlap', overlaps]);
      if (gaps.length > 0) expected.push([key, 'VariantGap', gaps]);
    }
    return expected;
  }

  test('overlaps and gaps are exactly the nodes where more than one, or no, variant runs', () => {
    const label = fc.tuple(fc.constantFrom(...FAMILIES), fc.constantFrom(...NAMESPACES), fc.constantFrom(...VARIANTS));
    const labelled = fc.tuple(daemonSets, fc.array(label, { minLength: 4, maxLength: 4 }))
      .map(([manifests, labels]) => manifests.map((manifest: Manifest, d) => {
        const [family, namespace, name] = labels[d];
        manifest.metadata.namespace = namespace;
        manifest.metadata.labels = { [FAMILY_LABEL]: family, [VARIANT_LABEL]: name };
        return manifest;
      }));
    fc.assert(fc.property(labelled, inventory, (manifests, nodes) => {
      const report = evaluatePlacement(manifests, nodes);
      const found = familyFindings(report).map((f) => {
        const [, family, namespace] = /^family (\S+) \((\S+)\)/.exec(f.message)!;
        return [`${namespace}/${family}`, f.code, f.nodes];
      });
      expect(found).toEqual(expectedFindings(manifests, report));
    }), { numRuns: 300 });
  });
});
