import { DaemonSetRecorder } from '../../src/pulumi/daemon-set-recorder';

const SPEC = { selector: { matchLabels: { app: 'a' } } };

describe('DaemonSetRecorder', () => {
  test('keeps a DaemonSet as the API server would receive it, named after its resource when it has no name', () => {
    const recorder = new DaemonSetRecorder();
    const result = recorder.newResource({ type: 'kubernetes:apps/v1:DaemonSet', name: 'agent', inputs: { spec: SPEC } });
    const manifest = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: SPEC };
    expect(recorder.manifests).toEqual([manifest]);
    expect(result).toEqual({ id: 'agent', state: manifest });
  });

  test('keeps the name and namespace the inputs give, and ids the DaemonSet as the provider does', () => {
    const recorder = new DaemonSetRecorder();
    const inputs = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'fluent-bit', namespace: 'logging' }, spec: SPEC };
    expect(recorder.newResource({ type: 'kubernetes:apps/v1:DaemonSet', name: 'log-agent', inputs }).id).toBe('logging/fluent-bit');
    expect(recorder.manifests).toEqual([inputs]);
  });

  test('gives every other resource its inputs back, and every call its arguments', () => {
    const recorder = new DaemonSetRecorder();
    expect(recorder.newResource({ type: 'kubernetes:core/v1:ConfigMap', name: 'config', inputs: { data: { a: 'b' } } })).toEqual({
      id: 'config-id',
      state: { data: { a: 'b' } },
    });
    expect(recorder.call({ token: 'kubernetes:yaml:decode', inputs: { text: '' } })).toEqual({ text: '' });
    expect(recorder.manifests).toEqual([]);
  });
});

describe('DaemonSetRecorder keeps the workloads and Pods, for the selector collision check', () => {
  test('with the apiVersion of their Pulumi type, named after their resource when they have no name', () => {
    const recorder = new DaemonSetRecorder();
    const template = { metadata: { labels: { app: 'a' } } };
    recorder.newResource({ type: 'kubernetes:apps/v1:Deployment', name: 'web', inputs: { spec: { template } } });
    recorder.newResource({ type: 'kubernetes:core/v1:Pod', name: 'debug', inputs: { metadata: { name: 'debug-pod', labels: { app: 'a' } } } });
    recorder.newResource({ type: 'kubernetes:batch/v1:CronJob', name: 'report', inputs: { spec: { jobTemplate: { spec: { template } } } } });
    recorder.newResource({ type: 'kubernetes:core/v1:ConfigMap', name: 'config', inputs: {} });
    recorder.newResource({ type: 'kubernetes:apps/v1:DaemonSet', name: 'agent', inputs: { spec: SPEC } });
    expect(recorder.workloads).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { template } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'debug-pod', labels: { app: 'a' } } },
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'report' }, spec: { jobTemplate: { spec: { template } } } },
    ]);
    expect(recorder.workloadNames).toEqual(['web', 'debug', 'report']);
    expect(recorder.manifests.map((m) => (m.metadata as { name: string }).name)).toEqual(['agent']);
  });
});
