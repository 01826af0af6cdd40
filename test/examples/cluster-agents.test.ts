import * as path from 'path';
import { App, Testing } from 'cdk8s';
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { ClusterAgents } from '../../examples/cluster-agents/agents';
import { evaluatePlacement, loadInventory, renderTable, validateDaemonSet } from '../../src';
import { StaticPod } from '../../src/cdk8s';

const INVENTORY = path.join(__dirname, '..', '..', 'examples', 'inventory.yaml');

function synthesizeExample(): any[] {
  const app = Testing.app();
  const chart = new ClusterAgents(app as App, 'cluster-agents');
  return Testing.synth(chart);
}

describe('examples/cluster-agents', () => {
  const manifests = synthesizeExample();

  test('holds the four agents and the node agent\'s three variants', () => {
    expect(manifests.map((m) => `${m.kind} ${m.metadata.namespace}/${m.metadata.name}`)).toEqual([
      'DaemonSet logging/fluent-bit',
      'DaemonSet monitoring/node-exporter',
      'Service monitoring/node-exporter-local',
      'DaemonSet kube-system/nvidia-device-plugin',
      'DaemonSet monitoring/windows-exporter',
      'DaemonSet security/node-agent-gpu',
      'DaemonSet security/node-agent-windows',
      'DaemonSet security/node-agent-default',
    ]);
  });

  const daemonSets = manifests.filter((m) => m.kind === 'DaemonSet');

  test('the node exporter\'s node-local Service selects its pods, on its port', () => {
    const service = manifests.find((m) => m.kind === 'Service')!;
    const exporter = daemonSets.find((m) => m.metadata.name === 'node-exporter')!;
    expect(service.spec).toEqual({ selector: exporter.spec.selector.matchLabels, internalTrafficPolicy: 'Local', ports: [{ port: 9100, targetPort: 9100, protocol: 'TCP' }] });
  });

  test.each(daemonSets.map((m) => [m.metadata.name, m]))('%s passes the API server rules', (_, manifest) => {
    expect(validateDaemonSet(manifest)).toEqual([]);
  });

  test.each(daemonSets.map((m) => [m.metadata.name, m]))('%s passes the Kubernetes JSON schema', (_, manifest) => {
    expect(() => new DaemonSet(manifest).validate()).not.toThrow();
  });

  test('the boot agent is a static pod for the control-plane node, outside the applied manifests', () => {
    const chart = new ClusterAgents(Testing.app() as App, 'cluster-agents');
    const bootAgent = chart.node.findAll().find((c): c is StaticPod => c instanceof StaticPod)!;
    expect(bootAgent.files.map((f) => [f.path, f.nodePath, f.mirrorPodName])).toEqual([
      ['cp-1/boot-agent.yaml', '/etc/kubernetes/manifests/boot-agent.yaml', 'boot-agent-cp-1'],
    ]);
    expect(manifests.some((m) => m.metadata.name === 'boot-agent')).toBe(false);
  });

  test('the schema check can fail', () => {
    const broken = structuredClone(manifests[0]);
    broken.spec.template.spec.containers[0].ports = [{ containerPort: 'http' }];
    expect(() => new DaemonSet(broken).validate()).toThrow();
  });
});

/** What `npm run example` evaluates: the chart's objects and the Pods of its static pods' files. */
function exampleWithStaticPods(): any[] {
  const chart = new ClusterAgents(Testing.app() as App, 'cluster-agents');
  const staticPods = chart.node.findAll()
    .filter((c): c is StaticPod => c instanceof StaticPod)
    .flatMap((pod) => pod.files.map((file) => file.manifest));
  return [...Testing.synth(chart), ...staticPods];
}

describe('examples/cluster-agents on examples/inventory.yaml', () => {
  const report = evaluatePlacement(exampleWithStaticPods(), loadInventory(INVENTORY));
  const runsOn = (name: string) =>
    report.daemonSets.find((ds) => ds.name === name)!.placements.filter((p) => p.shouldRun).map((p) => p.node);

  test('placement', () => {
    expect(renderTable(report)).toMatchSnapshot();
  });

  test('the log collector reaches every Linux node that takes new pods, control plane and GPU node included', () => {
    expect(runsOn('fluent-bit')).toEqual(['cp-1', 'worker-1', 'worker-2', 'gpu-1', 'worker-cordoned']);
  });

  test('the node exporter tolerates everything, so it also starts on the NotReady node', () => {
    expect(runsOn('node-exporter')).toEqual(['cp-1', 'worker-1', 'worker-2', 'gpu-1', 'worker-cordoned', 'worker-notready']);
  });

  test('the device plugin runs on the GPU node only, the Windows agent on the Windows node only', () => {
    expect(runsOn('nvidia-device-plugin')).toEqual(['gpu-1']);
    expect(runsOn('windows-exporter')).toEqual(['win-1']);
  });

  test('the node agent runs exactly once on every node: its GPU build on the GPU node, its Windows build on the Windows node', () => {
    const variantsOn = report.nodes.map((node, i) => [node, report.daemonSets.filter((ds) => ds.name.startsWith('node-agent-') && ds.placements[i].shouldRun).map((ds) => ds.name)]);
    expect(Object.fromEntries(variantsOn)).toEqual({
      'cp-1': ['node-agent-default'],
      'worker-1': ['node-agent-default'],
      'worker-2': ['node-agent-default'],
      'gpu-1': ['node-agent-gpu'],
      'win-1': ['node-agent-windows'],
      'worker-cordoned': ['node-agent-default'],
      'worker-notready': ['node-agent-default'],
    });
  });

  test('the boot agent is a static pod on the control-plane node only, its taint notwithstanding', () => {
    const bootAgent = report.daemonSets.find((ds) => ds.name === 'boot-agent')!;
    expect(bootAgent.kind).toBe('StaticPod');
    expect(runsOn('boot-agent')).toEqual(['cp-1']);
    expect(bootAgent.mirrorPods).toEqual([{ node: 'cp-1', name: 'boot-agent-cp-1' }]);
    expect(report.findings).toEqual([]);
  });

  test('nothing would be left Pending and every DaemonSet is valid', () => {
    expect(report.daemonSets.flatMap((ds) => [...ds.advisories, ...ds.errors])).toEqual([]);
  });
});
