import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { daemonSet, EXAMPLE_INVENTORY } from './fixtures';
import { ClusterAgents } from '../../examples/cluster-agents/agents';
import { InputError, loadInventory, node } from '../../src';
import { NodeDaemon, NodeFilter, NodeFilteredDaemon, StaticPod, Toleration } from '../../src/cdk8s';
import { evaluateChart, placementMatchers } from '../../src/jest';

expect.extend(placementMatchers);

const NODES = [
  node('cp-1').controlPlane(),
  node('worker-1'),
  node('gpu-1').labels({ 'nvidia.com/gpu.present': 'true' }).taint('nvidia.com/gpu=true:NoSchedule'),
];

function ids(report: ReturnType<typeof evaluateChart>): string[] {
  return report.daemonSets.map((ds) => `${ds.namespace}/${ds.name}`);
}

describe('evaluateChart', () => {
  test('evaluates a Chart on an inventory file', () => {
    const report = evaluateChart(new ClusterAgents(new App(), 'cluster-agents'), EXAMPLE_INVENTORY);
    expect(report.nodes).toEqual(['cp-1', 'worker-1', 'worker-2', 'gpu-1', 'win-1', 'worker-cordoned', 'worker-notready']);
    expect(ids(report)).toEqual([
      'logging/fluent-bit',
      'monitoring/node-exporter',
      'kube-system/nvidia-device-plugin',
      'monitoring/windows-exporter',
      'security/node-agent-gpu',
      'security/node-agent-windows',
      'security/node-agent-default',
      'kube-system/boot-agent',
    ]);
    expect(report).toRunOn('nvidia-device-plugin', ['gpu-1']);
    expect(report).toRunOn('boot-agent', ['cp-1']);
    expect(report).toRunExactlyOncePerNode('security/node-agent');
  });

  test('evaluates every chart of an App, in the order cdk8s synthesizes them', () => {
    const app = new App();
    const logging = new Chart(app, 'logging', { namespace: 'logging' });
    new NodeDaemon(logging, 'log-shipper', { image: 'busybox' });
    const gpu = new Chart(app, 'gpu', { namespace: 'kube-system' });
    new NodeFilteredDaemon(gpu, 'gpu-plugin', {
      image: 'busybox',
      nodes: NodeFilter.gpu(),
      tolerations: [Toleration.exists('nvidia.com/gpu')],
    });

    const report = evaluateChart(app, NODES);
    expect(ids(report)).toEqual(['logging/log-shipper', 'kube-system/gpu-plugin']);
    expect(report).toRunOn('log-shipper', ['worker-1']);
    expect(report).toSkip('log-shipper', 'gpu-1', 'UntoleratedTaint');
    expect(report).toRunOn('gpu-plugin', ['gpu-1']);
  });

  test('shows the chart\'s static pods on their nodes, and the matchers answer for them', () => {
    const chart = new Chart(new App(), 'boot', { namespace: 'kube-system' });
    new NodeDaemon(chart, 'log-shipper', { image: 'busybox' });
    new StaticPod(chart, 'boot-agent', { nodes: ['cp-1', 'gpu-1'], image: 'registry.example.com/boot-agent:1.0' });

    const report = evaluateChart(chart, NODES);
    expect(ids(report)).toEqual(['kube-system/log-shipper', 'kube-system/boot-agent']);
    expect(report.daemonSets[1].kind).toBe('StaticPod');
    // Its files' nodes, tainted as they are; reasons are never given, since nothing keeps it off a node.
    expect(report).toRunOn('boot-agent', ['cp-1', 'gpu-1']);
    expect(report).toSkip('boot-agent', 'worker-1');
    expect(() => expect(report).toRunOnEveryNode('boot-agent')).toThrow(/worker-1/);
  });

  test('ignores the objects of other kinds', () => {
    const chart = new Chart(new App(), 'mixed');
    new ApiObject(chart, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config' } });
    new NodeDaemon(chart, 'agent', { image: 'busybox' });
    expect(ids(evaluateChart(chart, NODES))).toEqual(['default/agent']);
  });

  test('takes parsed Node objects and List objects as the inventory', () => {
    const chart = new ClusterAgents(new App(), 'cluster-agents');
    const parsed = loadInventory(EXAMPLE_INVENTORY);
    expect(evaluateChart(chart, parsed).nodes).toHaveLength(7);
    expect(evaluateChart(chart, { apiVersion: 'v1', kind: 'NodeList', items: parsed }).nodes).toHaveLength(7);
    expect(evaluateChart(chart, NODES[1]).nodes).toEqual(['worker-1']);
  });

  test('takes anything with toJson() or charts', () => {
    const chart = { toJson: () => [daemonSet('default', 'plain')] };
    expect(ids(evaluateChart(chart, NODES))).toEqual(['default/plain']);
    expect(ids(evaluateChart({ charts: [chart, { toJson: () => [daemonSet('other', 'plain')] }] }, NODES))).toEqual(['default/plain', 'other/plain']);
    expect(evaluateChart({ charts: [] }, NODES).daemonSets).toEqual([]);
  });

  test('writes nothing to the app output directory', () => {
    const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-jest-')), 'dist');
    evaluateChart(new ClusterAgents(new App({ outdir }), 'cluster-agents'), EXAMPLE_INVENTORY);
    expect(fs.existsSync(outdir)).toBe(false);
  });

  describe('runs the construct validations, as cdk8s synth does', () => {
    test('a DaemonSet broken by a JSON patch throws with the API server error', () => {
      const chart = new Chart(new App(), 'broken');
      const agent = new NodeDaemon(chart, 'agent', { image: 'busybox' });
      agent.apiObject.addJsonPatch(JsonPatch.add('/spec/template/spec/restartPolicy', 'Never'));
      expect(() => evaluateChart(chart, NODES)).toThrow(
        /Validation failed with the following errors:\n {2}\[broken\/agent\] spec\.template\.spec\.restartPolicy: Unsupported value: "Never"/,
      );
    });

    test('a validation of any construct of the app throws, whichever chart is evaluated', () => {
      const app = new App();
      const agents = new Chart(app, 'agents');
      new NodeDaemon(agents, 'agent', { image: 'busybox' });
      const other = new Construct(new Chart(app, 'other'), 'policy');
      other.node.addValidation({ validate: () => ['the policy is incomplete'] });
      expect(() => evaluateChart(agents, NODES)).toThrow('[other/policy] the policy is incomplete');
      expect(() => evaluateChart(app, NODES)).toThrow('[other/policy] the policy is incomplete');
    });
  });

  describe('bad input', () => {
    const chart = { toJson: () => [daemonSet('default', 'plain')] };

    test('something else than a chart or an app', () => {
      expect(() => evaluateChart({} as any, NODES)).toThrow(new TypeError('evaluateChart takes a cdk8s Chart (with toJson()) or App (with charts)'));
      expect(() => evaluateChart(null as any, NODES)).toThrow(TypeError);
      expect(() => evaluateChart([daemonSet('default', 'plain')] as any, NODES)).toThrow(TypeError);
    });

    test('an inventory file that does not exist, named in the message', () => {
      expect(() => evaluateChart(chart, 'no/such/inventory.yaml')).toThrow(new InputError('no/such/inventory.yaml: cannot read the inventory (ENOENT)'));
    });

    test('an inventory without nodes, where every "runs on every node" would pass', () => {
      expect(() => evaluateChart(chart, [])).toThrow(new InputError('evaluateChart: the inventory holds no Node'));
      expect(() => evaluateChart(chart, { kind: 'List', items: [] })).toThrow(InputError);
    });
  });
});
