import * as k8s from '@pulumi/kubernetes';
import { failureOf } from './fixtures';
import { node } from '../../src';
import { SELECTED_BY_ANNOTATION } from '../../src/collisions';
import { placementMatchers } from '../../src/jest';
import { evaluatePulumiProgram, NodeDaemon } from '../../src/pulumi';
import { daemonSet, workload } from '../collisions/fixtures';

expect.extend(placementMatchers);

const AGENT = daemonSet('node-agent', { namespace: 'ops' });
const PLANTED = workload('Deployment', 'agent-api', { app: 'node-agent' }, { namespace: 'ops' });
const FLUENT_BIT = daemonSet('fluent-bit', { namespace: 'logging', labels: { app: 'logs', impl: 'fluent-bit' }, selector: { matchLabels: { app: 'logs' } } });
const VECTOR = daemonSet('vector', { namespace: 'logging', labels: { app: 'logs', impl: 'vector' }, selector: { matchLabels: { app: 'logs' } } });

describe('toHaveNoSelectorCollisions on manifests', () => {
  test('fails on a planted Deployment and on two overlapping DaemonSets, printing each collision', () => {
    const message = failureOf(() => expect([AGENT, PLANTED, FLUENT_BIT, VECTOR]).toHaveNoSelectorCollisions());
    expect(message).toContain('expect(received).toHaveNoSelectorCollisions()');
    expect(message).toContain('2 selector collisions in 4 objects:');
    expect(message).toContain('\n  DaemonSet ops/node-agent selects the pods of Deployment ops/agent-api: its selector app=node-agent matches their labels app=node-agent.');
    expect(message).toContain('\n  DaemonSet logging/fluent-bit and DaemonSet logging/vector select each other\'s pods: ');
  });

  test('passes when the same objects are in different namespaces', () => {
    const elsewhere = { ...PLANTED, metadata: { name: 'agent-api', namespace: 'apps' } };
    const otherVector = { ...VECTOR, metadata: { name: 'vector', namespace: 'logging-v2' } };
    expect([AGENT, elsewhere, FLUENT_BIT, otherVector]).toHaveNoSelectorCollisions();
  });

  test(`passes on a Pod marked with ${SELECTED_BY_ANNOTATION}, and reads a List`, () => {
    const testPod = workload('Pod', 'agent-debug', { app: 'node-agent' }, { namespace: 'ops', annotations: { [SELECTED_BY_ANNOTATION]: 'node-agent' } });
    expect({ apiVersion: 'v1', kind: 'List', items: [AGENT, testPod] }).toHaveNoSelectorCollisions();
  });

  test('.not fails when there is none, saying what it checked', () => {
    const message = failureOf(() => expect([AGENT]).not.toHaveNoSelectorCollisions());
    expect(message).toContain('expect(received).not.toHaveNoSelectorCollisions()');
    expect(message).toContain('No selector collision in 1 object.');
  });

  test('refuses what is neither a report nor manifests, also under .not', () => {
    expect(() => expect('agents.yaml').toHaveNoSelectorCollisions()).toThrow(/must be a PlacementReport or an array of manifests/);
    expect(() => expect(AGENT).not.toHaveNoSelectorCollisions()).toThrow(/Received: an object/);
  });
});

describe('toHaveNoSelectorCollisions on the report of a Pulumi program', () => {
  const program = (withPlant: boolean) => () => {
    new NodeDaemon('node-agent', { image: 'agent', namespace: 'ops' });
    const labels = { 'app.kubernetes.io/name': 'node-agent', 'app.kubernetes.io/instance': 'node-agent' };
    new k8s.apps.v1.Deployment('agent-api', {
      metadata: { namespace: withPlant ? 'ops' : 'apps' },
      spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'api', image: 'api' }] } } },
    });
  };

  test('fails on a planted Deployment, naming the resources', async () => {
    const report = await evaluatePulumiProgram(program(true), [node('worker-1')]);
    const message = failureOf(() => expect(report).toHaveNoSelectorCollisions());
    expect(message).toContain('1 selector collision in the report\'s findings:');
    expect(message).toContain("DaemonSet ops/node-agent (resource 'node-agent') selects the pods of Deployment ops/agent-api (resource 'agent-api')");
  });

  test('passes when the Deployment is in another namespace', async () => {
    const report = await evaluatePulumiProgram(program(false), [node('worker-1')]);
    expect(report).toHaveNoSelectorCollisions();
  });
});
