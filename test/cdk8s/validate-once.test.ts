import { ApiObject, App, Chart, IResolver, JsonPatch, Lazy, ResolutionContext, Testing } from 'cdk8s';
import { DaemonConstruct, MasterTolerant, NodeDaemon, NodeDaemonProps } from '../../src/cdk8s';
import { nodeDaemonManifest } from '../../src/daemon';

// Records every DaemonSet checked, through either entry of the rules, and checks as they do.
const mockChecked: unknown[] = [];
jest.mock('../../src/validation/check-daemon-set', () => {
  const actual = jest.requireActual('../../src/validation/check-daemon-set');
  return {
    ...actual,
    checkDaemonSet: (manifest: unknown, previous?: unknown) => (mockChecked.push(manifest), actual.checkDaemonSet(manifest, previous)),
    inspectDaemonSet: (manifest: unknown, previous?: unknown) => (mockChecked.push(manifest), actual.inspectDaemonSet(manifest, previous)),
  };
});

beforeEach(() => { mockChecked.length = 0; });

describe('a DaemonSet nothing changed after construction', () => {
  test('is checked once, at construction, however often the app is synthesized', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'agents');
    new NodeDaemon(chart, 'a', { image: 'a' });
    new MasterTolerant(chart, 'b', { image: 'b' });
    expect(mockChecked).toHaveLength(2);

    app.synthYaml();
    Testing.synth(chart);
    expect(mockChecked).toHaveLength(2);
  });

  test('in a chart that adds a namespace and labels, is checked with them, still once', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'agents', { namespace: 'observability', labels: { team: 'platform' } });
    new NodeDaemon(chart, 'a', { image: 'a' });
    Testing.synth(chart);
    expect(mockChecked).toHaveLength(1);
    expect(mockChecked[0]).toMatchObject({ metadata: { namespace: 'observability', labels: { team: 'platform' } } });
  });
});

describe('a DaemonSet changed after construction is checked again at synthesis', () => {
  test('after a JSON patch, at each validation pass', () => {
    const chart = Testing.chart();
    const daemon = new NodeDaemon(chart, 'agent', { image: 'agent' });
    ApiObject.of(daemon).addJsonPatch(JsonPatch.add('/spec/template/spec/shareProcessNamespace', true));
    mockChecked.length = 0;
    Testing.synth(chart);
    expect(mockChecked).toHaveLength(1);
    expect(mockChecked[0]).toMatchObject({ spec: { template: { spec: { shareProcessNamespace: true } } } });
  });

  test('a patch that breaks it fails synthesis, every time', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'test');
    const daemon = new NodeDaemon(chart, 'agent', { image: 'agent' });
    ApiObject.of(daemon).addJsonPatch(JsonPatch.replace('/spec/updateStrategy/rollingUpdate/maxUnavailable', 0));
    const message = /\[test\/agent\] spec\.updateStrategy\.rollingUpdate\.maxUnavailable: .*maxSurge/;
    expect(() => app.synthYaml()).toThrow(message);
    expect(() => Testing.synth(chart)).toThrow(message);
  });

  test('a label added to its metadata that the API server rejects fails synthesis', () => {
    const chart = Testing.chart();
    const daemon = new NodeDaemon(chart, 'agent', { image: 'agent' });
    daemon.apiObject.metadata.addLabel('team', 'not a label value!');
    expect(() => Testing.synth(chart)).toThrow(/\[test\/agent\] metadata\.labels: Invalid value: "not a label value!"/);
  });

  test('an attribute added through metadata.add', () => {
    const chart = Testing.chart();
    const daemon = new NodeDaemon(chart, 'agent', { image: 'agent' });
    daemon.apiObject.metadata.add('generation', 2);
    mockChecked.length = 0;
    expect(Testing.synth(chart)[0].metadata).toMatchObject({ name: 'agent', generation: 2 });
    expect(mockChecked).toHaveLength(1);
  });

  test('a Lazy value in its metadata is checked as it resolves at synthesis', () => {
    const chart = Testing.chart();
    const daemon = new NodeDaemon(chart, 'agent', { image: 'agent' });
    let value = 'fine';
    daemon.apiObject.metadata.addLabel('team', Lazy.any({ produce: () => value }) as unknown as string);
    expect(() => Testing.synth(chart)).not.toThrow();
    value = 'not fine!';
    expect(() => Testing.synth(chart)).toThrow(/\[test\/agent\] metadata\.labels: Invalid value: "not fine!"/);
  });

  test('a value that cdk8s resolves at synthesis, at each validation pass', () => {
    const chart = Testing.chart();
    // The check warns about the unknown field, and cannot know what the Lazy resolves to.
    const later = Lazy.any({ produce: () => 'RuntimeDefault' });
    const securityContext = { allowPrivilegeEscalation: false, later } as unknown as NodeDaemonProps['securityContext'];
    new NodeDaemon(chart, 'agent', { image: 'agent', securityContext });
    mockChecked.length = 0;
    Testing.synth(chart);
    expect(mockChecked).toHaveLength(1);
    expect(mockChecked[0]).toMatchObject({ spec: { template: { spec: { containers: [{ securityContext: { later: 'RuntimeDefault' } }] } } } });
  });

  test('a resolver of the app that rewrites it fails synthesis when the result is rejected', () => {
    class NegativeMinReadySeconds implements IResolver {
      resolve(context: ResolutionContext): void {
        // cdk8s resolves a replaced value again: replace it once.
        if (context.key.join('.') === 'spec.minReadySeconds' && context.value !== -1) context.replaceValue(-1);
      }
    }
    const app = new App({ resolvers: [new NegativeMinReadySeconds()], outdir: Testing.app().outdir });
    const chart = new Chart(app, 'test');
    new NodeDaemon(chart, 'agent', { image: 'agent' });
    expect(() => Testing.synth(chart)).toThrow(/\[test\/agent\] spec\.minReadySeconds: Invalid value: -1/);
  });

  test('a Lazy chart label is checked as it resolves at synthesis', () => {
    let value = 'fine';
    const chart = new Chart(Testing.app(), 'test', { labels: { team: Lazy.any({ produce: () => value }) as unknown as string } });
    new NodeDaemon(chart, 'agent', { image: 'agent' });
    expect(Testing.synth(chart)[0].metadata.labels.team).toBe('fine');
    value = 'not fine!';
    expect(() => Testing.synth(chart)).toThrow(/\[test\/agent\] metadata\.labels: Invalid value: "not fine!"/);
  });
});

describe('what the chart adds to the metadata is checked at construction, with the rest', () => {
  test('a chart label the API server rejects fails construction, naming the construct', () => {
    const chart = new Chart(Testing.app(), 'test', { labels: { team: 'not a label value!' } });
    expect(() => new NodeDaemon(chart, 'agent', { image: 'agent' })).toThrow(
      /NodeDaemon 'test\/agent': metadata\.labels: Invalid value: "not a label value!"/,
    );
  });

  test('a chart namespace that is no namespace name fails construction', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'Observability' });
    expect(() => new NodeDaemon(chart, 'agent', { image: 'agent' })).toThrow(/NodeDaemon 'test\/agent': metadata\.namespace: .*Observability/);
    expect(() => new NodeDaemon(chart, 'kube-system-agent', { image: 'agent', namespace: 'kube-system' })).not.toThrow();
  });

  test('a builder that ignores the chart gets it checked at construction, once more', () => {
    class Custom extends DaemonConstruct {
      constructor(scope: Chart, id: string) {
        super(scope, id, 'Custom', (owner, name) => nodeDaemonManifest(owner, name, { image: 'agent' }));
      }
    }
    const app = Testing.app();
    const chart = new Chart(app, 'test', { namespace: 'observability' });
    new Custom(chart, 'agent');
    expect(mockChecked).toHaveLength(2);
    expect(Testing.synth(chart)[0].metadata.namespace).toBe('observability');
    expect(mockChecked).toHaveLength(2);
    const bad = new Chart(app, 'bad', { labels: { team: 'not a label value!' } });
    new Custom(bad, 'agent');
    expect(() => app.synthYaml()).toThrow(/\[bad\/agent\] metadata\.labels: Invalid value: "not a label value!"/);
  });
});
