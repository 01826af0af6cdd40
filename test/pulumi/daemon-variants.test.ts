import * as path from 'path';
import * as pulumi from '@pulumi/pulumi';
import { Chart, Testing } from 'cdk8s';
import { MockHarness, settle, valueOf } from './harness';
import { loadInventory } from '../../src';
import * as cdk8s from '../../src/cdk8s';
import { DaemonVariants, DaemonVariantsProps, evaluatePulumiProgram, NodeFilter, Toleration } from '../../src/pulumi';
import { validateDaemonSet } from '../../src/validation';
import { propsErrorMessage } from '../daemon/props-error-of';

const harness = new MockHarness();
beforeAll(() => harness.install());

const DAEMON_SET = 'kubernetes:apps/v1:DaemonSet';
const INVENTORY = path.join(__dirname, '../../examples/inventory.yaml');

const AGENT: DaemonVariantsProps = {
  namespace: 'observability',
  image: 'registry.example.com/node-agent:2.1.0',
  tolerations: [Toleration.everything()],
  variants: [
    { name: 'gpu', nodes: NodeFilter.gpu(), args: ['--collect-gpu-metrics'] },
    { name: 'windows', nodes: NodeFilter.windows(), image: 'registry.example.com/node-agent:2.1.0-windows' },
  ],
  defaultVariant: { resources: { requests: { memory: '64Mi' } } },
};

/** The DaemonSets the cdk8s DaemonVariants synthesizes for the same props. */
function cdk8sManifests(name: string, props: DaemonVariantsProps): any[] {
  const chart = new Chart(Testing.app(), 'test');
  new cdk8s.DaemonVariants(chart, name, props);
  return Testing.synth(chart);
}

test('registers an everynode:index:DaemonVariants with a DaemonSet child per variant, named <family>-<variant>', async () => {
  const family = new DaemonVariants('agent-children', AGENT);
  const urn = await valueOf(family.urn);
  expect(urn).toBe('urn:pulumi:stack::project::everynode:index:DaemonVariants::agent-children');
  await settle();
  const children = harness.registrations.filter((r) => r.parent === urn);
  expect(children.map(({ type, name }) => ({ type, name }))).toEqual(
    ['gpu', 'windows', 'default'].map((variant) => ({ type: DAEMON_SET, name: `agent-children-${variant}` })),
  );
  expect(family.variantNames).toEqual(['gpu', 'windows', 'default']);
  expect(family.familyLabels).toEqual({ 'everynode.io/family': 'agent-children' });
  expect(await valueOf(family.namespace)).toBe('observability');
});

test('its DaemonSets are the cdk8s construct\'s for the same props, and the API server accepts them', async () => {
  const family = new DaemonVariants('agent-same', AGENT);
  await Promise.all(family.daemonSets.map((daemonSet) => valueOf(daemonSet.urn)));
  const registered = harness.ofType(DAEMON_SET).filter((r) => r.name.startsWith('agent-same-'));
  const expected = cdk8sManifests('agent-same', AGENT);
  const written = registered.map((r) => ({ metadata: r.inputs.metadata, spec: r.inputs.spec }));
  expect(written).toStrictEqual(expected.map(({ metadata, spec }) => ({ metadata, spec })));
  for (const daemonSet of registered) expect(validateDaemonSet({ apiVersion: 'apps/v1', kind: 'DaemonSet', ...daemonSet.inputs })).toEqual([]);
});

test('an output image goes to the variants that do not set their own', async () => {
  const family = new DaemonVariants('agent-output', { ...AGENT, image: pulumi.output(AGENT.image) });
  await Promise.all(family.daemonSets.map((daemonSet) => valueOf(daemonSet.urn)));
  // Registered as the image resolves, so in any order.
  const registered = harness.ofType(DAEMON_SET).filter((r) => r.name.startsWith('agent-output-'));
  const images = Object.fromEntries(registered.map((r) => [r.name, r.inputs.spec.template.spec.containers[0].image]));
  expect(images).toEqual({
    'agent-output-gpu': AGENT.image,
    'agent-output-windows': 'registry.example.com/node-agent:2.1.0-windows',
    'agent-output-default': AGENT.image,
  });
});

test('evaluatePulumiProgram sees the whole family: one variant on every node of the example inventory', async () => {
  const report = await evaluatePulumiProgram(() => {
    new DaemonVariants('node-agent', AGENT);
  }, loadInventory(INVENTORY));
  expect(report.daemonSets.map((d) => d.name).sort()).toEqual(['node-agent-default', 'node-agent-gpu', 'node-agent-windows']);
  report.nodes.forEach((nodeName, i) => {
    expect({ node: nodeName, running: report.daemonSets.filter((d) => d.placements[i].shouldRun).length }).toEqual({ node: nodeName, running: 1 });
  });
});

test('bad props throw at construction, naming the component, the variant and the prop', () => {
  const windows = { name: 'windows', nodes: NodeFilter.windows(), image: ' padded ' };
  expect(propsErrorMessage(() => new DaemonVariants('agent-bad', { ...AGENT, variants: [AGENT.variants[0], windows] }))).toMatch(
    /^DaemonVariants 'agent-bad' variant 'windows': variants\[1\]\.image: must not have leading or trailing whitespace/,
  );
  expect(propsErrorMessage(() => new DaemonVariants('agent-gt', { ...AGENT, variants: [{ name: 'new', nodes: NodeFilter.labelGreaterThan('gen', 4) }] }))).toMatch(
    /^DaemonVariants 'agent-gt': variants\[0\]\.nodes: variant 'new' selects NodeFilter\.labelGreaterThan\('gen', 4\), which cannot be kept from later variants' nodes/,
  );
});
