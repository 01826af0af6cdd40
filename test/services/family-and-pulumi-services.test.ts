import * as pulumi from '@pulumi/pulumi';
import { Testing } from 'cdk8s';
import * as cdk8s from '../../src/cdk8s';
import { DaemonServiceKind, DaemonVariants, MasterTolerant, NodeFilter } from '../../src/pulumi';
import { propsErrorMessage } from '../daemon/props-error-of';
import { MockHarness, valueOf } from '../pulumi/harness';

const harness = new MockHarness();
beforeAll(() => harness.install());

const FLUENT_BIT = {
  namespace: 'logging',
  image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.0',
  ports: [{ name: 'http', containerPort: 2020 }],
};

const AGENT = {
  namespace: 'security',
  image: 'registry.example.com/node-agent:2.1.0',
  ports: [{ name: 'grpc', containerPort: 7000 }],
  variants: [
    { name: 'gpu', nodes: NodeFilter.gpu() },
    { name: 'windows', nodes: NodeFilter.windows(), image: 'registry.example.com/node-agent:2.1.0-windows' },
  ],
  defaultVariant: {},
};

describe('a Service over a variant family', () => {
  test('selects the pods of every variant: the family\'s selector labels and everynode.io/family, without the variant', () => {
    const chart = Testing.chart();
    const family = new cdk8s.DaemonVariants(chart, 'node-agent', AGENT);
    const service = family.addService(DaemonServiceKind.NODE_LOCAL).toJson();
    expect(service.spec.selector).toEqual({ 'app.kubernetes.io/name': 'node-agent', 'app.kubernetes.io/instance': 'node-agent', 'everynode.io/family': 'node-agent' });
    for (const variant of family.variants) {
      const podLabels = variant.apiObject.toJson().spec.template.metadata.labels;
      expect(podLabels).toMatchObject(service.spec.selector);
    }
    expect(service.spec).toMatchObject({ internalTrafficPolicy: 'Local', ports: [{ name: 'grpc', port: 7000, targetPort: 'grpc', protocol: 'TCP' }] });
  });

  test('forwards only to ports every variant declares', () => {
    const family = new cdk8s.DaemonVariants(Testing.chart(), 'node-agent', { ...AGENT, ports: undefined });
    expect(propsErrorMessage(() => family.addService(DaemonServiceKind.CLUSTER, { ports: [{ port: 7000 }] }))).toBe(
      "DaemonVariants 'test/node-agent' cluster Service: ports[0].port: 7000/TCP matches no container port of the daemon (it declares: none)",
    );
  });
});

describe('Pulumi', () => {
  test('a component\'s Service is the cdk8s construct\'s, a child of the component, in the namespace of its args', async () => {
    const component = new MasterTolerant('fluent-bit-svc', FLUENT_BIT);
    const service = component.addService(DaemonServiceKind.HEADLESS);
    await valueOf(service.urn);
    const [registered] = harness.ofType('kubernetes:core/v1:Service').filter((r) => r.name === 'fluent-bit-svc-headless');
    const construct = new cdk8s.MasterTolerant(Testing.chart(), 'fluent-bit-svc', FLUENT_BIT).addService(DaemonServiceKind.HEADLESS).toJson();
    expect(registered.inputs.metadata).toEqual(construct.metadata);
    expect(registered.inputs.spec).toEqual(construct.spec);
    expect(registered.parent).toBe(await valueOf(component.urn));
  });

  test('an output namespace goes to the Service', async () => {
    const component = new MasterTolerant('fluent-bit-out', { ...FLUENT_BIT, namespace: pulumi.output('logging') });
    await valueOf(component.addService(DaemonServiceKind.CLUSTER).urn);
    const [registered] = harness.ofType('kubernetes:core/v1:Service').filter((r) => r.name === 'fluent-bit-out');
    expect(registered.inputs.metadata).toEqual({ name: 'fluent-bit-out', namespace: 'logging' });
  });

  test('a family\'s Service, and the node-IP endpoint of a component', async () => {
    const family = new DaemonVariants('agent-svc', AGENT);
    await valueOf(family.addService(DaemonServiceKind.NODE_LOCAL).urn);
    const [registered] = harness.ofType('kubernetes:core/v1:Service').filter((r) => r.name === 'agent-svc-local');
    expect(registered.inputs.spec.selector).toEqual({ 'app.kubernetes.io/name': 'agent-svc', 'app.kubernetes.io/instance': 'agent-svc', 'everynode.io/family': 'agent-svc' });
    const exporter = new MasterTolerant('exporter-ip', { image: 'exporter:1', hostPorts: [9100] });
    expect(exporter.nodeIpEndpoint()).toEqual({ hostPort: 9100, env: { name: 'NODE_IP', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } } });
  });
});
