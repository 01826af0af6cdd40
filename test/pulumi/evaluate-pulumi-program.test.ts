import * as path from 'path';
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { Chart, Testing } from 'cdk8s';
import { InputError, node, PlacementReport } from '../../src';
import * as cdk8s from '../../src/cdk8s';
import { evaluateChart, placementMatchers, placementSerializer } from '../../src/jest';
import { DaemonProps, DaemonPropsError, evaluatePulumiProgram, MasterTolerant, NodeDaemon, NodeFilter, NodeFilteredDaemon, PodCount, PriorityClass, Rollout, Toleration } from '../../src/pulumi';

expect.extend(placementMatchers);
expect.addSnapshotSerializer(placementSerializer);

const INVENTORY = path.join(__dirname, '../../examples/inventory.yaml');

const FLUENT_BIT: DaemonProps = {
  namespace: 'logging',
  image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.0',
  nodeSelector: { 'kubernetes.io/os': 'linux' },
  tolerations: [Toleration.exists('nvidia.com/gpu')],
  hostPaths: { '/var/log': { mountPath: '/var/log', readOnly: true } },
  resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } },
  priorityClass: PriorityClass.SYSTEM_NODE_CRITICAL,
  rollout: Rollout.rollingUpdate({ maxUnavailable: PodCount.percent(10) }),
};
const NODE_EXPORTER: DaemonProps = {
  namespace: 'monitoring',
  image: 'quay.io/prometheus/node-exporter:v1.8.2',
  hostNetwork: true,
  hostPID: true,
  hostPorts: [9100],
  nodeSelector: { 'kubernetes.io/os': 'linux' },
  tolerations: [Toleration.everything()],
};
const DEVICE_PLUGIN = {
  namespace: 'kube-system',
  image: 'nvcr.io/nvidia/k8s-device-plugin:v0.17.0',
  nodes: NodeFilter.gpu(),
  priorityClass: PriorityClass.SYSTEM_NODE_CRITICAL,
};

/** A small Pulumi program: the three kinds, the logging namespace created by the program itself. */
function agents(): void {
  const logging = new k8s.core.v1.Namespace('logging', { metadata: { name: 'logging' } });
  new MasterTolerant('fluent-bit', { ...FLUENT_BIT, namespace: logging.metadata.name, image: pulumi.output(FLUENT_BIT.image) });
  new NodeDaemon('node-exporter', NODE_EXPORTER);
  new NodeFilteredDaemon('nvidia-device-plugin', DEVICE_PLUGIN);
}

function ids(report: PlacementReport): string[] {
  return report.daemonSets.map((ds) => `${ds.namespace}/${ds.name}`);
}

describe('evaluatePulumiProgram on examples/inventory.yaml', () => {
  let report: PlacementReport;
  beforeAll(async () => {
    report = await evaluatePulumiProgram(agents, INVENTORY);
  });

  test('holds the DaemonSets by namespace and name, and nothing else', () => {
    // fluent-bit is registered last, once the Namespace's output resolves.
    expect(ids(report)).toEqual(['kube-system/nvidia-device-plugin', 'logging/fluent-bit', 'monitoring/node-exporter']);
  });

  test('works with the matchers of everynode/jest', () => {
    expect(report).toRunOn('fluent-bit', ['cp-1', 'worker-1', 'worker-2', 'gpu-1', 'worker-cordoned']);
    expect(report).toSkip('fluent-bit', 'win-1', 'NodeSelectorMismatch');
    expect(report).toSkip('logging/fluent-bit', 'worker-notready', 'UntoleratedTaint');
    expect(report).toRunOn('node-exporter', ['cp-1', 'worker-1', 'worker-2', 'gpu-1', 'worker-cordoned', 'worker-notready']);
    expect(report).toRunOn('kube-system/nvidia-device-plugin', ['gpu-1']);
    expect(report).toSkip('nvidia-device-plugin', 'worker-1', 'NodeAffinityMismatch');
    expect(report).not.toRunOnEveryNode('node-exporter');
  });

  test('placement', () => {
    expect(report).toMatchSnapshot();
  });

  test('is the report of the cdk8s constructs with the same props', () => {
    const chart = Testing.chart();
    new cdk8s.NodeFilteredDaemon(chart, 'nvidia-device-plugin', DEVICE_PLUGIN);
    new cdk8s.MasterTolerant(chart, 'fluent-bit', FLUENT_BIT);
    new cdk8s.NodeDaemon(chart, 'node-exporter', NODE_EXPORTER);
    expect(report).toEqual(evaluateChart(chart as Chart, INVENTORY));
  });
});

describe('evaluatePulumiProgram', () => {
  const NODES = [node('cp-1').controlPlane(), node('worker-1')];

  test('reads any DaemonSet the program registers, naming one without metadata.name after its resource', async () => {
    const report = await evaluatePulumiProgram(() => {
      new k8s.core.v1.ConfigMap('config', { metadata: { name: 'config' }, data: { a: 'b' } });
      new k8s.apps.v1.DaemonSet('raw-agent', {
        spec: {
          selector: { matchLabels: { app: 'raw' } },
          template: { metadata: { labels: { app: 'raw' } }, spec: { containers: [{ name: 'raw', image: 'busybox' }] } },
        },
      });
    }, NODES);
    expect(ids(report)).toEqual(['default/raw-agent']);
    expect(report).toRunOn('raw-agent', ['worker-1']);
    expect(report.daemonSets[0].errors).toEqual([]);
  });

  test('waits for an async program, and for outputs that resolve late', async () => {
    const report = await evaluatePulumiProgram(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const image = new Promise<string>((resolve) => setTimeout(() => resolve('busybox'), 20));
      new MasterTolerant('late', { image });
    }, NODES);
    expect(report).toRunOnEveryNode('late');
  });

  test('works under jest\'s fake timers', async () => {
    jest.useFakeTimers();
    try {
      const report = await evaluatePulumiProgram(() => new NodeDaemon('agent', { image: 'busybox' }), NODES);
      expect(report).toRunOn('agent', ['worker-1']);
    } finally {
      jest.useRealTimers();
    }
  });

  test('each run starts from an empty record', async () => {
    await evaluatePulumiProgram(() => new NodeDaemon('first', { image: 'busybox' }), NODES);
    const report = await evaluatePulumiProgram(() => new NodeDaemon('second', { image: 'busybox' }), NODES);
    expect(ids(report)).toEqual(['default/second']);
  });

  test('replaces the mocks set before', async () => {
    const seen: string[] = [];
    await pulumi.runtime.setMocks({
      newResource: (args) => {
        seen.push(args.name);
        return { id: args.name, state: args.inputs };
      },
      call: (args) => args.inputs,
    });
    await evaluatePulumiProgram(() => new NodeDaemon('agent', { image: 'busybox' }), NODES);
    expect(seen).toEqual([]);
  });

  test('rejects with the error of a component, naming it and the field', async () => {
    await expect(evaluatePulumiProgram(() => {
      new NodeDaemon('fine', { image: 'busybox' });
      new NodeDaemon('agent', { image: 'busybox', hostPorts: [80], rollout: Rollout.rollingUpdate({ maxSurge: PodCount.absolute(1) }) });
    }, NODES)).rejects.toThrow(new DaemonPropsError("NodeDaemon 'agent'", [{
      field: 'rollout.maxSurge',
      message: 'cannot be used with host ports: the surge pod needs the port the old pod holds, stays Pending, and the rollout never ends (KEP-1591); use maxUnavailable instead',
    }]));
  });

  test('rejects with the error of an async program', async () => {
    await expect(evaluatePulumiProgram(async () => {
      new NodeDaemon('before', { image: 'busybox' });
      await Promise.resolve();
      throw new Error('the program failed');
    }, NODES)).rejects.toThrow('the program failed');
  });

  test('reads the inventory before it runs the program', async () => {
    const program = jest.fn();
    await expect(evaluatePulumiProgram(program, 'no/such/inventory.yaml')).rejects.toThrow(
      new InputError('no/such/inventory.yaml: cannot read the inventory (ENOENT)'),
    );
    expect(program).not.toHaveBeenCalled();
  });

  test('rejects an inventory without nodes, where every "runs on every node" would pass', async () => {
    await expect(evaluatePulumiProgram(() => undefined, [])).rejects.toThrow(new InputError('evaluatePulumiProgram: the inventory holds no Node'));
  });
});
