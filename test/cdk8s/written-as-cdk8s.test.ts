import { ApiObject, App, Chart, IResolver, JsonPatch, Lazy, ResolutionContext, Testing } from 'cdk8s';
import fc from 'fast-check';
import { DaemonProps, HostPathMount, MasterTolerant, NodeDaemon, PodCount, Rollout, TaintEffect, Toleration } from '../../src/cdk8s';

/*
 * An everynode DaemonSet that nothing changed after construction is written without resolving its
 * body (plain data resolves to itself). What it writes must be what cdk8s's own ApiObject.toJson
 * writes for it, key order included, since that order is the YAML users diff.
 */

const cdk8sToJson = ApiObject.prototype.toJson;
const writtenByCdk8s = (object: ApiObject) => JSON.stringify(cdk8sToJson.call(object));

const labelKey = fc.constantFrom('app', 'team', 'app.kubernetes.io/part-of', 'zone', 'b', 'a');
const labels = fc.dictionary(labelKey, fc.constantFrom('x', 'y', 'platform'), { maxKeys: 3, noNullPrototype: true });

const props: fc.Arbitrary<DaemonProps> = fc.record(
  {
    image: fc.constantFrom('fluent/fluent-bit:3.1', 'registry.example.com/agent:1.0'),
    namespace: fc.constantFrom('observability', 'kube-system'),
    labels,
    annotations: labels,
    podLabels: fc.dictionary(fc.constantFrom('tier', 'owner'), fc.constantFrom('node', 'sre'), { maxKeys: 2, noNullPrototype: true }),
    podAnnotations: labels,
    args: fc.array(fc.constantFrom('--verbose', '--port=2020', ''), { maxLength: 3 }),
    env: fc.dictionary(fc.constantFrom('LOG_LEVEL', 'CLUSTER', 'B', 'A'), fc.constantFrom('info', '', 'prod'), { maxKeys: 3, noNullPrototype: true }),
    hostPaths: fc.constantFrom<Record<string, HostPathMount>>({}, { '/var/log': { mountPath: '/var/log', readOnly: true } }),
    hostPorts: fc.constantFrom([], [9100]),
    nodeSelector: fc.constantFrom<Record<string, string>>({}, { 'kubernetes.io/os': 'linux' }),
    resources: fc.constantFrom<DaemonProps['resources']>({}, { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '128Mi' } }),
    tolerations: fc.constantFrom([], [Toleration.everything()], [Toleration.exists('nvidia.com/gpu', { effect: TaintEffect.NO_SCHEDULE })]),
    rollout: fc.constantFrom(Rollout.onDelete(), Rollout.rollingUpdate({ maxUnavailable: PodCount.percent(10) })),
    hostNetwork: fc.boolean(),
    minReadySeconds: fc.nat(30),
  },
  { requiredKeys: ['image'] },
);

const chartProps = fc.record({ namespace: fc.constantFrom('observability', 'default'), labels }, { requiredKeys: [] });

describe('an everynode DaemonSet nothing changed after construction', () => {
  test('writes what cdk8s writes for it, byte for byte, whatever the props and chart', () => {
    fc.assert(
      fc.property(chartProps, props, fc.boolean(), (chartOptions, daemonProps, master) => {
        const chart = new Chart(new App(), 'agents', chartOptions);
        const daemon = master ? new MasterTolerant(chart, 'agent', daemonProps) : new NodeDaemon(chart, 'agent', daemonProps);
        expect(JSON.stringify(daemon.apiObject.toJson())).toBe(writtenByCdk8s(daemon.apiObject));
      }),
      { numRuns: 300 },
    );
  });

  test('is written without cdk8s resolving it, and the YAML is unchanged', () => {
    const chart = Testing.chart();
    const daemon = new NodeDaemon(chart, 'agent', { image: 'agent', env: { B: '1', A: '2' }, annotations: {} });
    const spy = jest.spyOn(ApiObject.prototype, 'toJson');
    try {
      const written = Testing.synth(chart);
      expect(spy).not.toHaveBeenCalled();
      expect(JSON.stringify(written)).toBe(JSON.stringify([cdk8sToJson.call(daemon.apiObject)]));
    } finally {
      spy.mockRestore();
    }
  });
});

describe('an everynode DaemonSet that may have changed is written by cdk8s', () => {
  test.each([
    ['a JSON patch', (daemon: NodeDaemon) => daemon.apiObject.addJsonPatch(JsonPatch.add('/spec/template/spec/shareProcessNamespace', true))],
    ['a label added to its metadata', (daemon: NodeDaemon) => daemon.apiObject.metadata.addLabel('added', 'later')],
  ])('after %s', (_change, change) => {
    const chart = Testing.chart();
    const daemon = new NodeDaemon(chart, 'agent', { image: 'agent' });
    change(daemon);
    const spy = jest.spyOn(ApiObject.prototype, 'toJson');
    try {
      const written = daemon.apiObject.toJson();
      expect(spy).toHaveBeenCalled();
      expect(JSON.stringify(written)).toMatch(/shareProcessNamespace|"added":"later"/);
    } finally {
      spy.mockRestore();
    }
  });

  test('with a value resolved at synthesis', () => {
    const chart = Testing.chart();
    // An unknown field of a security context may hold one: the API server drops it.
    const later = Lazy.any({ produce: () => 'at synthesis' });
    const securityContext = { allowPrivilegeEscalation: false, later } as unknown as DaemonProps['securityContext'];
    const daemon = new NodeDaemon(chart, 'agent', { image: 'agent', securityContext });
    expect(daemon.apiObject.toJson().spec.template.spec.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, later: 'at synthesis' });
  });

  test('in an app with resolvers of its own, which see every value', () => {
    class Upper implements IResolver {
      resolve(context: ResolutionContext): void {
        if (context.value === 'agent') context.replaceValue('AGENT');
      }
    }
    const chart = new Chart(new App({ resolvers: [new Upper()] }), 'agents');
    const daemon = new NodeDaemon(chart, 'agent', { image: 'agent', name: 'agent' });
    expect(daemon.apiObject.toJson().spec.template.spec.containers[0].image).toBe('AGENT');
  });

  test('when CDK8S_DISABLE_SORT asks cdk8s to keep the keys in the order written', () => {
    const chart = Testing.chart();
    const daemon = new NodeDaemon(chart, 'agent', { image: 'agent', env: { B: '1', A: '2' } });
    process.env.CDK8S_DISABLE_SORT = '1';
    try {
      expect(JSON.stringify(daemon.apiObject.toJson())).toBe(writtenByCdk8s(daemon.apiObject));
      expect(Object.keys(daemon.apiObject.toJson().spec)).not.toEqual(Object.keys(daemon.apiObject.toJson().spec).sort());
    } finally {
      delete process.env.CDK8S_DISABLE_SORT;
    }
  });
});
