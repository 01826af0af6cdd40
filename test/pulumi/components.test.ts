import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { Testing } from 'cdk8s';
import { MockHarness, settle, valueOf } from './harness';
import * as cdk8s from '../../src/cdk8s';
import { DaemonArgs, DaemonProps, MasterTolerant, MasterTolerantArgs, NodeDaemon, NodeFilter, NodeDaemonArgs, NodeFilteredDaemon, NodeFilteredDaemonArgs, NodeFilteredDaemonProps, PodCount, PriorityClass, Rollout, TaintEffect, Toleration } from '../../src/pulumi';
import { validateDaemonSet } from '../../src/validation';

const harness = new MockHarness();
beforeAll(() => harness.install());

const IMAGE = 'cr.fluentbit.io/fluent/fluent-bit:3.2.0';
const DAEMON_SET = 'kubernetes:apps/v1:DaemonSet';

/** Each kind: its Pulumi component, its cdk8s construct, and what it adds to the common props. */
const KINDS = [
  {
    kind: 'NodeDaemon',
    pulumi: (name: string, args: DaemonArgs) => new NodeDaemon(name, args),
    cdk8s: (name: string, props: DaemonProps) => new cdk8s.NodeDaemon(Testing.chart(), name, props),
    props: {},
  },
  {
    kind: 'MasterTolerant',
    pulumi: (name: string, args: DaemonArgs) => new MasterTolerant(name, args),
    cdk8s: (name: string, props: DaemonProps) => new cdk8s.MasterTolerant(Testing.chart(), name, props),
    props: {},
  },
  {
    kind: 'NodeFilteredDaemon',
    pulumi: (name: string, args: DaemonArgs) => new NodeFilteredDaemon(name, args as NodeFilteredDaemonArgs),
    cdk8s: (name: string, props: DaemonProps) => new cdk8s.NodeFilteredDaemon(Testing.chart(), name, props as NodeFilteredDaemonProps),
    props: { nodes: NodeFilter.gpu() },
  },
];

/** The DaemonSet the cdk8s construct of `kind` synthesizes for the same props. */
function cdk8sManifest(kind: (typeof KINDS)[number], name: string, props: DaemonProps): any {
  const construct = kind.cdk8s(name, props);
  return Testing.synth(construct.node.scope as ReturnType<typeof Testing.chart>)[0];
}

/** The props of a real agent, touching every part of the model the kinds share. */
const FULL_PROPS: DaemonProps = {
  image: IMAGE,
  namespace: 'logging',
  labels: { team: 'platform' },
  podAnnotations: { 'fluentbit.io/exclude': 'false' },
  rollout: Rollout.rollingUpdate({ maxSurge: PodCount.percent(10) }),
  hostPaths: {
    '/var/log': { mountPath: '/var/log', readOnly: true },
    '/var/lib/fluent-bit': { mountPath: '/var/lib/fluent-bit' },
  },
  tolerations: [Toleration.exists('nvidia.com/gpu'), Toleration.equal('os', 'windows', { effect: TaintEffect.NO_SCHEDULE })],
  priorityClass: PriorityClass.SYSTEM_NODE_CRITICAL,
  hostNetwork: true,
  envVars: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
  resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } },
  kubernetesVersion: '1.29',
};

describe.each(KINDS)('$kind', (kind) => {
  test(`registers an everynode:index:${kind.kind} with one DaemonSet child, named like it`, async () => {
    const name = `${kind.kind.toLowerCase()}-child`;
    const component = kind.pulumi(name, { image: IMAGE, ...kind.props });
    const urn = await valueOf(component.urn);
    expect(urn).toBe(`urn:pulumi:stack::project::everynode:index:${kind.kind}::${name}`);
    // A child's URN carries its parent's type.
    expect(await valueOf(component.daemonSet.urn)).toBe(`urn:pulumi:stack::project::everynode:index:${kind.kind}$${DAEMON_SET}::${name}`);
    await settle();
    expect(harness.registrations.filter((r) => r.name === name).map(({ type, parent }) => ({ type, parent }))).toEqual([
      { type: `everynode:index:${kind.kind}`, parent: '' },
      { type: DAEMON_SET, parent: urn },
    ]);
    expect(component).toBeInstanceOf(pulumi.ComponentResource);
    expect(component.daemonSet).toBeInstanceOf(k8s.apps.v1.DaemonSet);
  });

  test.each([
    ['the image only', {}],
    ['rollout, hostPaths, tolerations, priorityClass, hostNetwork and more', FULL_PROPS],
  ])('its DaemonSet is the cdk8s construct\'s, with %s', async (_, extra) => {
    const name = `${kind.kind.toLowerCase()}-same`;
    const props = { image: IMAGE, ...extra, ...kind.props } as DaemonProps;
    const component = kind.pulumi(name, props);
    await valueOf(component.daemonSet.urn);
    const [registered] = harness.ofType(DAEMON_SET).filter((r) => r.name === name).slice(-1);

    const expected = cdk8sManifest(kind, name, props);
    expect(registered.inputs.apiVersion).toBe('apps/v1');
    expect(registered.inputs.kind).toBe('DaemonSet');
    expect(registered.inputs.metadata).toStrictEqual(expected.metadata);
    expect(registered.inputs.spec).toStrictEqual(expected.spec);
    expect(validateDaemonSet(registered.inputs)).toEqual([]);
  });

  test.each([
    ['an output', (value: string) => pulumi.output(value)],
    ['a promise', (value: string) => Promise.resolve(value)],
  ])('takes the image and the namespace as %s, and puts their values in the DaemonSet', async (label, input) => {
    const name = `${kind.kind.toLowerCase()}-${label.replace(/^an? /, '')}`;
    const component = kind.pulumi(name, { ...kind.props, image: input(IMAGE), namespace: input('logging') });
    await valueOf(component.daemonSet.urn);
    const [registered] = harness.ofType(DAEMON_SET).filter((r) => r.name === name);

    const expected = cdk8sManifest(kind, name, { image: IMAGE, namespace: 'logging', ...kind.props } as DaemonProps);
    expect(registered.inputs.metadata).toStrictEqual(expected.metadata);
    expect(registered.inputs.spec).toStrictEqual(expected.spec);
    expect(await valueOf(component.namespace)).toBe('logging');
  });

  test('registers its name, namespace and selector labels as outputs', async () => {
    const name = `${kind.kind.toLowerCase()}-outputs`;
    const component = kind.pulumi(name, { image: IMAGE, ...kind.props });
    const expectedLabels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': name };
    // Plain: a Service or NetworkPolicy can select the pods without an apply.
    expect(component.selectorLabels).toEqual(expectedLabels);
    expect(await valueOf(component.name)).toBe(name);
    expect(await valueOf(component.namespace)).toBe('default');
    await settle();
    expect(harness.registeredOutputs(await valueOf(component.urn))).toEqual({ name, namespace: 'default', selectorLabels: expectedLabels });
  });
});

describe('a component', () => {
  test('names its DaemonSet args.name when given, and keeps its own name for the resource', async () => {
    const component = new NodeDaemon('log-agent', { image: IMAGE, name: 'fluent-bit', namespace: 'logging', instance: 'eu' });
    expect(await valueOf(component.name)).toBe('fluent-bit');
    expect(await valueOf(component.namespace)).toBe('logging');
    expect(component.selectorLabels).toEqual({ 'app.kubernetes.io/name': 'fluent-bit', 'app.kubernetes.io/instance': 'eu' });
    await valueOf(component.daemonSet.urn);
    const [registered] = harness.ofType(DAEMON_SET).filter((r) => r.name === 'log-agent');
    expect(registered.inputs.metadata.name).toBe('fluent-bit');
    expect(registered.inputs.spec.selector.matchLabels).toEqual(component.selectorLabels);
  });

  test('adopts the selector labels of an existing DaemonSet', () => {
    const component = new MasterTolerant('fluent-bit', { image: IMAGE, selectorLabels: { 'k8s-app': 'fluent-bit' } });
    expect(component.selectorLabels).toEqual({ 'k8s-app': 'fluent-bit' });
  });

  test('selectorLabels is a copy: changing it changes no DaemonSet', async () => {
    const component = new NodeDaemon('copied', { image: IMAGE });
    component.selectorLabels.extra = 'x';
    await valueOf(component.daemonSet.urn);
    const [registered] = harness.ofType(DAEMON_SET).filter((r) => r.name === 'copied');
    expect(registered.inputs.spec.selector.matchLabels).not.toHaveProperty('extra');
  });

  test('takes the cdk8s props object as it is, and outputs where a Pulumi user has them', () => {
    const props: DaemonProps = { image: IMAGE, namespace: 'logging' };
    const fromProps: NodeDaemonArgs = props;
    const withOutputs: MasterTolerantArgs = { image: pulumi.output(IMAGE), namespace: Promise.resolve('logging') };
    const filtered: NodeFilteredDaemonArgs = { ...withOutputs, nodes: NodeFilter.windows() };
    expect([fromProps, withOutputs, filtered].every((args) => args.image !== undefined)).toBe(true);
  });
});
