import * as k8s from '@pulumi/kubernetes';
import { node } from '../../src';
import { evaluatePulumiProgram, MasterTolerant, NodeDaemon } from '../../src/pulumi';

const NODES = [node('worker-1')];

describe('evaluatePulumiProgram rejects two DaemonSets with the same namespace and name', () => {
  test('of two components, naming both resources', async () => {
    await expect(evaluatePulumiProgram(() => {
      new NodeDaemon('fluent-bit', { image: 'fluent-bit' });
      new MasterTolerant('fluent-bit-everywhere', { image: 'fluent-bit', name: 'fluent-bit' });
    }, NODES)).rejects.toThrow(
      new Error(
        "evaluatePulumiProgram: DaemonSet default/fluent-bit is registered by two resources, 'fluent-bit' and 'fluent-bit-everywhere': in the cluster, one overwrites the other",
      ),
    );
  });

  test('of a component and a DaemonSet of the program, the namespace omitted on one', async () => {
    await expect(evaluatePulumiProgram(() => {
      new NodeDaemon('agent', { image: 'agent', namespace: 'default' });
      new k8s.apps.v1.DaemonSet('raw-agent', {
        metadata: { name: 'agent' },
        spec: {
          selector: { matchLabels: { app: 'raw' } },
          template: { metadata: { labels: { app: 'raw' } }, spec: { containers: [{ name: 'raw', image: 'busybox' }] } },
        },
      });
    }, NODES)).rejects.toThrow(/DaemonSet default\/agent is registered by two resources, 'agent' and 'raw-agent'/);
  });

  test('but not the same name in two namespaces', async () => {
    const report = await evaluatePulumiProgram(() => {
      new NodeDaemon('agent', { image: 'agent', namespace: 'kube-system' });
      new NodeDaemon('agent-for-monitoring', { image: 'agent', name: 'agent', namespace: 'monitoring' });
    }, NODES);
    expect(report.daemonSets.map((ds) => `${ds.namespace}/${ds.name}`)).toEqual(['kube-system/agent', 'monitoring/agent']);
  });
});
