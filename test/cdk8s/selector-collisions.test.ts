import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import { MasterTolerant, NodeDaemon } from '../../src/cdk8s';
import { SELECTED_BY_ANNOTATION } from '../../src/collisions';
import { daemonSet, workload } from '../collisions/fixtures';

/** The validation errors of `app.synth()`, one per line, or [] when it synthesizes. */
function synthErrors(app: App): string[] {
  try {
    app.synthYaml();
    return [];
  } catch (error) {
    return (error as Error).message.split('\n').slice(1).map((line) => line.trim());
  }
}

const AGENT_LABELS = { 'app.kubernetes.io/name': 'node-agent', 'app.kubernetes.io/instance': 'node-agent' };

describe('synthesis fails on a selector collision, naming both construct paths', () => {
  test('a Deployment whose pod labels match an everynode DaemonSet\'s selector', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'ops', { namespace: 'ops' });
    new NodeDaemon(chart, 'node-agent', { image: 'agent' });
    new ApiObject(chart, 'agent-api', workload('Deployment', 'agent-api', { ...AGENT_LABELS, tier: 'api' }));
    expect(synthErrors(app)).toEqual([
      "[ops/node-agent] DaemonSet ops/node-agent ('ops/node-agent') selects the pods of Deployment ops/agent-api ('ops/agent-api'): "
      + 'its selector app.kubernetes.io/name=node-agent, app.kubernetes.io/instance=node-agent matches their labels '
      + 'app.kubernetes.io/name=node-agent, app.kubernetes.io/instance=node-agent. The DaemonSet controller leaves them alone while their '
      + 'ReplicaSet owns them, but adopts any that lose their owner (kubectl delete --cascade=orphan) and then deletes them or replaces them '
      + `with its own. Give them labels the selector does not match, or annotate the Deployment with ${SELECTED_BY_ANNOTATION}: node-agent if this is intended`,
    ]);
  });

  test('two everynode DaemonSets with overlapping selectors: once, on the first', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'logging', { namespace: 'logging' });
    new NodeDaemon(chart, 'fluent-bit', { image: 'fluent-bit', selectorLabels: { app: 'logs' } });
    new MasterTolerant(chart, 'fluent-bit-cp', { image: 'fluent-bit', selectorLabels: { app: 'logs' } });
    const errors = synthErrors(app);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^\[logging\/fluent-bit\] DaemonSet logging\/fluent-bit \('logging\/fluent-bit'\) and DaemonSet logging\/fluent-bit-cp \('logging\/fluent-bit-cp'\) select each other's pods: /,
    );
  });

  test('an ApiObject DaemonSet of another chart whose selector matches an everynode DaemonSet\'s pods: on the everynode construct', () => {
    const app = Testing.app();
    new NodeDaemon(new Chart(app, 'agents', { namespace: 'ops' }), 'node-agent', { image: 'agent' });
    new ApiObject(new Chart(app, 'legacy', { namespace: 'ops' }), 'old-agent', daemonSet('old-agent', {
      labels: { 'app.kubernetes.io/name': 'node-agent', 'generation': 'old' },
      selector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: ['node-agent'] }] },
    }));
    const errors = synthErrors(app);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^\[agents\/node-agent\] DaemonSet ops\/old-agent \('legacy\/old-agent'\) selects the pods of DaemonSet ops\/node-agent \('agents\/node-agent'\): its selector app\.kubernetes\.io\/name In \[node-agent\] matches/,
    );
  });

  test('a bare Pod and a CronJob', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new NodeDaemon(chart, 'node-agent', { image: 'agent' });
    new ApiObject(chart, 'debug', workload('Pod', 'debug', AGENT_LABELS));
    new ApiObject(chart, 'report', workload('CronJob', 'report', AGENT_LABELS));
    expect(synthErrors(app).map((line) => line.slice(0, line.indexOf(':')))).toEqual([
      "[c/node-agent] DaemonSet default/node-agent ('c/node-agent') selects Pod default/debug ('c/debug')",
      "[c/node-agent] DaemonSet default/node-agent ('c/node-agent') selects the pods of CronJob default/report ('c/report')",
    ]);
  });

  test('a JSON patch that gives a Deployment the daemon\'s labels', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new NodeDaemon(chart, 'node-agent', { image: 'agent' });
    const web = new ApiObject(chart, 'web', workload('Deployment', 'web', { app: 'web' }));
    expect(synthErrors(app)).toEqual([]);
    web.addJsonPatch(JsonPatch.add('/spec/template/metadata/labels', AGENT_LABELS));
    expect(synthErrors(app)).toHaveLength(1);
  });

  test('a JSON patch that widens the construct\'s own selector', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const agent = new NodeDaemon(chart, 'node-agent', { image: 'agent', podLabels: { team: 'platform' } });
    new ApiObject(chart, 'web', workload('Deployment', 'web', { team: 'platform' }));
    expect(synthErrors(app)).toEqual([]);
    ApiObject.of(agent).addJsonPatch(JsonPatch.replace('/spec/selector', { matchLabels: { team: 'platform' } }));
    expect(synthErrors(app)).toEqual([expect.stringMatching(/^\[c\/node-agent\] DaemonSet default\/node-agent \('c\/node-agent'\) selects the pods of Deployment default\/web/)]);
  });
});

describe('no error', () => {
  test('the same labels in another namespace', () => {
    const app = Testing.app();
    new NodeDaemon(new Chart(app, 'ops', { namespace: 'ops' }), 'node-agent', { image: 'agent' });
    const web = new Chart(app, 'web', { namespace: 'web' });
    new ApiObject(web, 'agent-api', workload('Deployment', 'agent-api', AGENT_LABELS));
    expect(synthErrors(app)).toEqual([]);
  });

  test(`a Pod marked with ${SELECTED_BY_ANNOTATION}`, () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new NodeDaemon(chart, 'node-agent', { image: 'agent' });
    new ApiObject(chart, 'debug', workload('Pod', 'debug', AGENT_LABELS, { annotations: { [SELECTED_BY_ANNOTATION]: 'node-agent' } }));
    expect(synthErrors(app)).toEqual([]);
  });

  test('a collision between objects that are not everynode\'s is left to `everynode validate`', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new NodeDaemon(chart, 'node-agent', { image: 'agent' });
    new ApiObject(chart, 'other', daemonSet('other'));
    new ApiObject(chart, 'debug', workload('Pod', 'debug', { app: 'other' }));
    expect(synthErrors(app)).toEqual([]);
  });
});

test('a construct validated on its own finds its collision too', () => {
  const chart = Testing.chart();
  const agent = new NodeDaemon(chart, 'node-agent', { image: 'agent' });
  new ApiObject(chart, 'debug', workload('Pod', 'debug', AGENT_LABELS));
  expect(agent.node.validate()).toEqual([expect.stringMatching(/^DaemonSet default\/node-agent \('test\/node-agent'\) selects Pod default\/debug/)]);
});
