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
