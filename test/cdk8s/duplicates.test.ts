import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import { MasterTolerant, NodeDaemon, NodeFilter, NodeFilteredDaemon } from '../../src/cdk8s';

const DAEMON_SET = (name: string, namespace?: string) => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name, namespace },
  spec: {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'busybox' }] } },
  },
});

describe('two objects with the same kind, namespace and name fail synthesis, naming both', () => {
  test('two everynode constructs in a chart', () => {
    const chart = Testing.chart();
    new NodeDaemon(chart, 'fluent-bit', { image: 'fluent-bit' });
    new MasterTolerant(chart, 'fluent-bit-on-control-plane', { image: 'fluent-bit', name: 'fluent-bit' });
    expect(() => Testing.synth(chart)).toThrow(
      "[test/fluent-bit-on-control-plane] DaemonSet default/fluent-bit is defined twice, by 'test/fluent-bit' and by 'test/fluent-bit-on-control-plane'",
    );
  });

  test('once per pair, on the later construct only', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'agents');
    new NodeDaemon(chart, 'a', { image: 'a', name: 'agent' });
    new NodeDaemon(chart, 'b', { image: 'b', name: 'agent' });
    let message = '';
    try {
      app.synthYaml();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n').filter((line) => line.includes('defined twice'))).toEqual([
      "  [agents/b] DaemonSet default/agent is defined twice, by 'agents/a' and by 'agents/b': applied, the second replaces the first",
    ]);
  });

  test('an everynode construct and an ApiObject of another chart of the app', () => {
    const app = Testing.app();
    const legacy = new Chart(app, 'legacy');
    new ApiObject(legacy, 'node-exporter', DAEMON_SET('node-exporter', 'monitoring'));
    const agents = new Chart(app, 'agents', { namespace: 'monitoring' });
    new NodeDaemon(agents, 'node-exporter', { image: 'quay.io/prometheus/node-exporter:v1.8.2' });
    expect(() => app.synthYaml()).toThrow(
      "[agents/node-exporter] DaemonSet monitoring/node-exporter is defined twice, by 'legacy/node-exporter' and by 'agents/node-exporter'",
    );
  });

  test('an ApiObject defined after the construct: reported on the construct', () => {
    const chart = Testing.chart();
    new NodeFilteredDaemon(chart, 'device-plugin', { image: 'plugin', nodes: NodeFilter.gpu() });
    new ApiObject(chart, 'raw', DAEMON_SET('device-plugin', 'default'));
    expect(() => Testing.synth(chart)).toThrow(
      "[test/device-plugin] DaemonSet default/device-plugin is defined twice, by 'test/device-plugin' and by 'test/raw'",
    );
  });

  test('a patch that renames an ApiObject into the name of a construct', () => {
    const chart = Testing.chart();
    new NodeDaemon(chart, 'agent', { image: 'agent' });
    const other = new ApiObject(chart, 'other', DAEMON_SET('other'));
    expect(() => Testing.synth(chart)).not.toThrow();
    other.addJsonPatch(JsonPatch.replace('/metadata/name', 'agent'));
    expect(() => Testing.synth(chart)).toThrow(/\[test\/agent\] DaemonSet default\/agent is defined twice, by 'test\/agent' and by 'test\/other'/);
  });

  test('a patch that renames the construct\'s DaemonSet into the name of another', () => {
    const chart = Testing.chart();
    new NodeDaemon(chart, 'a', { image: 'a' });
    const b = new NodeDaemon(chart, 'b', { image: 'b' });
    ApiObject.of(b).addJsonPatch(JsonPatch.replace('/metadata/name', 'a'));
    expect(() => Testing.synth(chart)).toThrow(/\[test\/b\] DaemonSet default\/a is defined twice, by 'test\/a' and by 'test\/b'/);
  });
});

test('a construct validated on its own finds the duplicate too', () => {
  const chart = Testing.chart();
  new NodeDaemon(chart, 'a', { image: 'a', name: 'agent' });
  const b = new NodeDaemon(chart, 'b', { image: 'b', name: 'agent' });
  expect(b.node.validate()).toEqual([
    "DaemonSet default/agent is defined twice, by 'test/a' and by 'test/b': applied, the second replaces the first",
  ]);
});

describe('objects that differ in identity synthesize', () => {
  test('the same name in two namespaces, or for two kinds', () => {
    const chart = Testing.chart();
    new NodeDaemon(chart, 'a', { image: 'a', name: 'agent', namespace: 'kube-system' });
    new NodeDaemon(chart, 'b', { image: 'b', name: 'agent', namespace: 'monitoring' });
    new ApiObject(chart, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'agent', namespace: 'kube-system' } });
    expect(Testing.synth(chart)).toHaveLength(3);
  });

  test('a patch that renames an ApiObject out of the name of a construct', () => {
    const chart = Testing.chart();
    new NodeDaemon(chart, 'agent', { image: 'agent' });
    const other = new ApiObject(chart, 'other', DAEMON_SET('agent'));
    other.addJsonPatch(JsonPatch.replace('/metadata/name', 'other'));
    expect(Testing.synth(chart)).toHaveLength(2);
  });

  test('no namespace is the namespace default', () => {
    const chart = new Chart(new App({ outdir: Testing.app().outdir }), 'test');
    new NodeDaemon(chart, 'a', { image: 'a', name: 'agent' });
    new NodeDaemon(chart, 'b', { image: 'b', name: 'agent', namespace: 'default' });
    expect(() => Testing.synth(chart)).toThrow(/DaemonSet default\/agent is defined twice/);
  });
});
