import { App, Testing } from 'cdk8s';
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { ClusterAgents } from '../../examples/cluster-agents/agents';
import { validateDaemonSet } from '../../src';

function synthesizeExample(): any[] {
  const app = Testing.app();
  const chart = new ClusterAgents(app as App, 'cluster-agents');
  return Testing.synth(chart);
}

describe('examples/cluster-agents', () => {
  const manifests = synthesizeExample();

  test('holds the four agents', () => {
    expect(manifests.map((m) => `${m.kind} ${m.metadata.namespace}/${m.metadata.name}`)).toEqual([
      'DaemonSet logging/fluent-bit',
      'DaemonSet monitoring/node-exporter',
      'DaemonSet kube-system/nvidia-device-plugin',
      'DaemonSet monitoring/windows-exporter',
    ]);
  });

  test.each(manifests.map((m) => [m.metadata.name, m]))('%s passes the API server rules', (_, manifest) => {
    expect(validateDaemonSet(manifest)).toEqual([]);
  });

  test.each(manifests.map((m) => [m.metadata.name, m]))('%s passes the Kubernetes JSON schema', (_, manifest) => {
    expect(() => new DaemonSet(manifest).validate()).not.toThrow();
  });

  test('the schema check can fail', () => {
    const broken = structuredClone(manifests[0]);
    broken.spec.template.spec.containers[0].ports = [{ containerPort: 'http' }];
    expect(() => new DaemonSet(broken).validate()).toThrow();
  });
});
