import * as k8s from '@pulumi/kubernetes';
import { node } from '../../src';
import { SELECTED_BY_ANNOTATION } from '../../src/collisions';
import { evaluatePulumiProgram, MasterTolerant, NodeDaemon } from '../../src/pulumi';

const NODES = [node('worker-1')];
const AGENT_LABELS = { 'app.kubernetes.io/name': 'node-agent', 'app.kubernetes.io/instance': 'node-agent' };
const CONTAINERS = [{ name: 'main', image: 'busybox' }];

describe('evaluatePulumiProgram reports selector collisions as findings, each object named with its resource', () => {
  test('a planted Deployment whose pod labels match a component\'s selector', async () => {
    const report = await evaluatePulumiProgram(() => {
      new NodeDaemon('node-agent', { image: 'agent', namespace: 'ops' });
      new k8s.apps.v1.Deployment('agent-api', {
        metadata: { name: 'agent-api', namespace: 'ops' },
        spec: { selector: { matchLabels: AGENT_LABELS }, template: { metadata: { labels: AGENT_LABELS }, spec: { containers: CONTAINERS } } },
      });
    }, NODES);
    expect(report.findings).toEqual([{
      code: 'SelectorCollision',
      severity: 'error',
      objects: ['DaemonSet ops/node-agent', 'Deployment ops/agent-api'],
      message: expect.stringMatching(
        /^DaemonSet ops\/node-agent \(resource 'node-agent'\) selects the pods of Deployment ops\/agent-api \(resource 'agent-api'\): its selector /,
      ),
    }]);
  });

  test('two components with overlapping selectors', async () => {
    const report = await evaluatePulumiProgram(() => {
      new NodeDaemon('fluent-bit', { image: 'fluent-bit', namespace: 'logging', selectorLabels: { app: 'logs' } });
      new MasterTolerant('fluent-bit-cp', { image: 'fluent-bit', namespace: 'logging', selectorLabels: { app: 'logs' } });
    }, NODES);
    expect(report.findings.map((f) => [f.code, f.objects])).toEqual([
      ['SelectorCollision', ['DaemonSet logging/fluent-bit', 'DaemonSet logging/fluent-bit-cp']],
    ]);
    expect(report.findings[0].message).toMatch(/^DaemonSet logging\/fluent-bit \(resource 'fluent-bit'\) and DaemonSet logging\/fluent-bit-cp \(resource 'fluent-bit-cp'\) select each other's pods/);
  });

  test('a CronJob and a bare Pod; a Pod marked with the annotation is not reported', async () => {
    const report = await evaluatePulumiProgram(() => {
      new NodeDaemon('node-agent', { image: 'agent' });
      new k8s.batch.v1.CronJob('report', {
        spec: {
          schedule: '@hourly',
          jobTemplate: { spec: { template: { metadata: { labels: AGENT_LABELS }, spec: { containers: CONTAINERS, restartPolicy: 'Never' } } } },
        },
      });
      new k8s.core.v1.Pod('debug', { metadata: { labels: AGENT_LABELS }, spec: { containers: CONTAINERS } });
      new k8s.core.v1.Pod('probe', {
        metadata: { labels: AGENT_LABELS, annotations: { [SELECTED_BY_ANNOTATION]: 'node-agent' } },
        spec: { containers: CONTAINERS },
      });
    }, NODES);
    expect(report.findings.map((f) => f.objects)).toEqual([
      ['DaemonSet default/node-agent', 'CronJob default/report'],
      ['DaemonSet default/node-agent', 'Pod default/debug'],
    ]);
  });

  test('not in another namespace', async () => {
    const report = await evaluatePulumiProgram(() => {
      new NodeDaemon('node-agent', { image: 'agent', namespace: 'ops' });
      new NodeDaemon('node-agent-web', { image: 'agent', name: 'web-agent', namespace: 'web', selectorLabels: AGENT_LABELS });
      new k8s.core.v1.Pod('debug', { metadata: { namespace: 'web', labels: AGENT_LABELS }, spec: { containers: CONTAINERS } });
    }, NODES);
    expect(report.findings.filter((f) => f.code === 'SelectorCollision').map((f) => f.objects)).toEqual([
      ['DaemonSet web/web-agent', 'Pod web/debug'],
    ]);
  });
});
