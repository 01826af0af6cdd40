import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import fc from 'fast-check';
import { evaluatePlacement, loadInventory, node, PlacementReport } from '../../src';
import { DaemonVariants, DaemonVariantsProps, NodeFilter, Toleration } from '../../src/cdk8s';
import { DEFAULT_VARIANT, FAMILY_LABEL, VARIANT_LABEL } from '../../src/variants';
import { propsErrorMessage } from '../daemon/props-error-of';
import { REALWORLD_FIXTURES } from '../fixtures/realworld';

/*
 * Variant families are everynode's own idea: Kubernetes has no such object. What is checked here
 * is that their DaemonSets, evaluated as the DaemonSet controller decides (`NodeShouldRunDaemonPod`),
 * run exactly once per node: node affinity terms are ORed and a term's requirements ANDed
 * (component-helpers nodeaffinity), and `NotIn` / `DoesNotExist` match a node without the label
 * (apimachinery labels `Requirement.Matches`), which is what makes the negations exact.
 */

const AGENT: DaemonVariantsProps = {
  image: 'registry.example.com/node-agent:2.1.0',
  tolerations: [Toleration.everything()],
  variants: [
    { name: 'gpu', nodes: NodeFilter.gpu(), args: ['--collect-gpu-metrics'], resources: { requests: { memory: '256Mi' } } },
    { name: 'windows', nodes: NodeFilter.windows(), image: 'registry.example.com/node-agent:2.1.0-windows' },
  ],
  defaultVariant: { resources: { requests: { memory: '64Mi' } } },
};

function synth(props: DaemonVariantsProps, id = 'node-agent'): Array<Record<string, any>> {
  const chart = new Chart(new App(), 'agents', { namespace: 'observability' });
  new DaemonVariants(chart, id, props);
  return Testing.synth(chart);
}

/** The variants that run on each node, by node name. */
function variantsPerNode(report: PlacementReport): Map<string, string[]> {
  return new Map(report.nodes.map((name, i) => [name, report.daemonSets.filter((d) => d.placements[i].shouldRun).map((d) => d.name)]));
}

describe('a family with a GPU variant, a Windows variant and a default', () => {
  const manifests = synth(AGENT);

  test('is one DaemonSet per variant, named after the family, the default last', () => {
    expect(manifests.map((m) => m.metadata.name)).toEqual(['node-agent-gpu', 'node-agent-windows', 'node-agent-default']);
    expect(manifests.map((m) => m.metadata.labels[VARIANT_LABEL])).toEqual(['gpu', 'windows', DEFAULT_VARIANT]);
    for (const manifest of manifests) {
      expect(manifest.metadata.labels[FAMILY_LABEL]).toBe('node-agent');
      expect(manifest.spec.template.metadata.labels[FAMILY_LABEL]).toBe('node-agent');
      expect(manifest.spec.template.spec.containers[0].name).toBe('node-agent');
    }
  });

  test('gives each variant its overrides and the rest of the family\'s props', () => {
    const [gpu, windows, fallback] = manifests.map((m) => m.spec.template.spec.containers[0]);
    expect(gpu).toMatchObject({ image: AGENT.image, args: ['--collect-gpu-metrics'], resources: { requests: { memory: '256Mi' } } });
    expect(windows).toMatchObject({ image: 'registry.example.com/node-agent:2.1.0-windows' });
    expect(windows.args).toBeUndefined();
    expect(fallback).toMatchObject({ image: AGENT.image, resources: { requests: { memory: '64Mi' } } });
  });

  test('selectors are disjoint: each is the family\'s selector labels plus the variant', () => {
    const selectors = manifests.map((m) => m.spec.selector.matchLabels);
    expect(selectors[0]).toEqual({ 'app.kubernetes.io/name': 'node-agent', 'app.kubernetes.io/instance': 'node-agent', [VARIANT_LABEL]: 'gpu' });
    expect(new Set(selectors.map((s) => s[VARIANT_LABEL])).size).toBe(3);
  });

  test.each([
    ['examples/inventory.yaml', path.join(__dirname, '../../examples/inventory.yaml')],
    ...fs.readdirSync(path.join(REALWORLD_FIXTURES, 'inventories')).map((file) => [`realworld ${file}`, path.join(REALWORLD_FIXTURES, 'inventories', file)]),
  ])('runs exactly once on every node of %s', (_name, file) => {
    const perNode = variantsPerNode(evaluatePlacement(manifests, loadInventory(file)));
    expect(perNode.size).toBeGreaterThan(0);
    for (const [nodeName, variants] of perNode) expect({ node: nodeName, variants: variants.length }).toEqual({ node: nodeName, variants: 1 });
  });

  test('on the example inventory, the GPU node runs the gpu variant and the Windows node the windows one', () => {
    const perNode = variantsPerNode(evaluatePlacement(manifests, loadInventory(path.join(__dirname, '../../examples/inventory.yaml'))));
    expect(perNode.get('gpu-1')).toEqual(['node-agent-gpu']);
    expect(perNode.get('win-1')).toEqual(['node-agent-windows']);
    expect(perNode.get('worker-1')).toEqual(['node-agent-default']);
  });
});

test('a node that two variants select runs the one declared first', () => {
  const props: DaemonVariantsProps = {
    image: 'agent:1',
    variants: [
      { name: 'gpu', nodes: NodeFilter.gpu() },
      { name: 'big', nodes: NodeFilter.instanceTypes('p4d.24xlarge', 'r7i.16xlarge') },
    ],
  };
  const nodes = [
    node('gpu-big').labels({ 'nvidia.com/gpu.present': 'true', 'node.kubernetes.io/instance-type': 'p4d.24xlarge' }),
    node('big').labels({ 'node.kubernetes.io/instance-type': 'r7i.16xlarge' }),
    node('small'),
  ];
  const perNode = variantsPerNode(evaluatePlacement(synth(props, 'agent'), nodes));
  expect(Object.fromEntries(perNode)).toEqual({ 'gpu-big': ['agent-gpu'], 'big': ['agent-big'], 'small': [] });
});

test('adding or removing a variant leaves the other variants\' selectors unchanged', () => {
  const selectors = (props: DaemonVariantsProps) => Object.fromEntries(synth(props).map((m) => [m.metadata.name, m.spec.selector]));
  const before = selectors(AGENT);
  const withArm = selectors({ ...AGENT, variants: [{ name: 'arm', nodes: NodeFilter.architecture('arm64') }, ...AGENT.variants] });
  const withoutWindows = selectors({ ...AGENT, variants: [AGENT.variants[0]] });
  for (const [name, selector] of Object.entries(before)) {
    if (withArm[name]) expect(withArm[name]).toEqual(selector);
    if (withoutWindows[name]) expect(withoutWindows[name]).toEqual(selector);
  }
  expect(Object.keys(withArm)).toHaveLength(4);
  expect(Object.keys(withoutWindows)).toEqual(['node-agent-gpu', 'node-agent-default']);
});

describe('exact by construction', () => {
  const keys = ['a', 'b', 'c'] as const;
  const values = ['x', 'y'];
  const keyAndValues = fc.record({ key: fc.constantFrom(...keys), values: fc.subarray(values, { minLength: 1 }) });
  const leaf: fc.Arbitrary<NodeFilter> = fc.oneof(
    keyAndValues.map(({ key, values: v }) => NodeFilter.labelIn(key, ...v)),
    keyAndValues.map(({ key, values: v }) => NodeFilter.labelNotIn(key, ...v)),
    fc.constantFrom(...keys).map((key) => NodeFilter.labelExists(key)),
    fc.constantFrom(...keys).map((key) => NodeFilter.labelDoesNotExist(key)),
  );
  const filter = fc.oneof(leaf, fc.tuple(leaf, leaf).map(([l, r]) => l.and(r)), fc.tuple(leaf, leaf).map(([l, r]) => l.or(r)));
  const nodeLabels = fc.record({ a: fc.constantFrom(...values), b: fc.constantFrom(...values), c: fc.constantFrom(...values) }, { requiredKeys: [] });

  test('property: with a default, every node runs exactly one variant; without, at most one', () => {
    const filters = fc.array(filter, { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(filters, fc.boolean(), fc.array(nodeLabels, { minLength: 1, maxLength: 12 }), (variantFilters, withDefault, labelSets) => {
        const props: DaemonVariantsProps = {
          image: 'agent:1',
          variants: variantFilters.map((nodes, i) => ({ name: `v${i}`, nodes })),
          ...(withDefault ? { defaultVariant: {} } : {}),
        };
        const report = evaluatePlacement(synth(props, 'agent'), labelSets.map((labels, i) => node(`n-${i}`).labels(labels as Record<string, string>)));
        for (const [nodeName, variants] of variantsPerNode(report)) {
          if (withDefault) expect({ node: nodeName, variants }).toEqual({ node: nodeName, variants: [expect.any(String)] });
          else expect(variants.length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('bad props name the construct, the variant and the prop', () => {
  const family = (props: Partial<DaemonVariantsProps>) => () => synth({ ...AGENT, ...props } as DaemonVariantsProps);

  test('a filter that node affinity cannot negate, where later variants must exclude it', () => {
    const message = propsErrorMessage(family({ variants: [{ name: 'new-hardware', nodes: NodeFilter.labelGreaterThan('hardware.example.com/generation', 4) }] }));
    expect(message).toMatch(
      /^DaemonVariants 'agents\/node-agent': variants\[0\]\.nodes: variant 'new-hardware' selects NodeFilter\.labelGreaterThan\('hardware\.example\.com\/generation', 4\), which cannot be kept from later variants' nodes: .*Gt/,
    );
  });

  test('the same filter is fine where nothing has to exclude it: the last variant of a family without a default', () => {
    const manifests = synth({ ...AGENT, defaultVariant: undefined, variants: [...AGENT.variants, { name: 'new', nodes: NodeFilter.labelGreaterThan('gen', 4) }] });
    expect(manifests.map((m) => m.metadata.name)).toEqual(['node-agent-gpu', 'node-agent-windows', 'node-agent-new']);
  });

  test('node names, which node affinity cannot negate exactly', () => {
    expect(propsErrorMessage(family({ variants: [{ name: 'canary', nodes: NodeFilter.named('worker-1') }] }))).toMatch(
      /variants\[0\]\.nodes: variant 'canary' selects NodeFilter\.named\('worker-1'\), which cannot be kept from later variants' nodes: it selects nodes by name/,
    );
  });

  test('two variants with the same name, and the name reserved for the default', () => {
    const message = propsErrorMessage(family({ variants: [{ name: 'gpu', nodes: NodeFilter.gpu() }, { name: 'gpu', nodes: NodeFilter.windows() }, { name: 'default', nodes: NodeFilter.linux() }] }));
    expect(message).toContain('variants[1].name: "gpu" is the name of variants[0] too');
    expect(message).toContain('variants[2].name: "default" names the family\'s default variant');
  });

  test('a variant that sets the selector, or anything a variant does not change', () => {
    const variant = { name: 'gpu', nodes: NodeFilter.gpu(), selectorLabels: { app: 'gpu-agent' }, hostNetwork: true } as never;
    const message = propsErrorMessage(family({ variants: [variant] }));
    expect(message).toContain('variants[0].selectorLabels: variant \'gpu\' cannot set selectorLabels: a variant keeps the family\'s selector labels and adds everynode.io/variant');
    expect(message).toContain(
      'variants[0].hostNetwork: variant \'gpu\' cannot change hostNetwork (a variant changes image, args, env, resources, tolerations, hostPaths): set hostNetwork on the family',
    );
  });

  test('family labels in the family\'s own selector or pod labels', () => {
    expect(propsErrorMessage(family({ podLabels: { [FAMILY_LABEL]: 'other' } }))).toContain('podLabels["everynode.io/family"]: everynode.io/family is set by the family');
  });

  test('a variant\'s own prop that the API server would reject, under the variant\'s name', () => {
    expect(propsErrorMessage(family({ variants: [{ name: 'windows', nodes: NodeFilter.windows(), image: ' padded ' }] }))).toMatch(
      /^DaemonVariants 'agents\/node-agent' variant 'windows': variants\[0\]\.image: must not have leading or trailing whitespace/,
    );
  });

  test('no variants at all', () => {
    expect(propsErrorMessage(family({ variants: [] }))).toContain('variants: needs at least one variant');
  });
});
