import { container, expectAccepted, Manifest, Mutator, podSpec, TEMPLATE_SPEC, validate } from './daemon-set';
import { FieldError } from '../../src/validation';

const C = `${TEMPLATE_SPEC}.containers[0]`;

function expectOnly(mutate: Mutator, ...expected: Array<Partial<FieldError>>): void {
  expect(validate(mutate)).toEqual(expected.map((e) => expect.objectContaining(e)));
}

const withProbe = (key: string, probe: Manifest): Mutator => (ds) => { container(ds)[key] = probe; };

describe('validateProbe / validateHandler: exactly one handler', () => {
  it.each<[string, string, Manifest]>([
    ['an httpGet liveness probe on a named port', 'livenessProbe', { httpGet: { path: '/healthz', port: 'metrics' } }],
    ['an httpGet probe with HTTPS and a header', 'readinessProbe', { httpGet: { port: 8443, scheme: 'HTTPS', httpHeaders: [{ name: 'X-Probe', value: '1' }] } }],
    ['an exec startup probe', 'startupProbe', { exec: { command: ['cat', '/tmp/ready'] }, failureThreshold: 30, periodSeconds: 10 }],
    ['a tcpSocket probe', 'livenessProbe', { tcpSocket: { port: 9100 } }],
    ['a grpc probe', 'livenessProbe', { grpc: { port: 9090 } }],
    ['counters left at 0, which the API server defaults', 'livenessProbe', { tcpSocket: { port: 1 }, successThreshold: 0, timeoutSeconds: 0 }],
    ['a probe-level grace period', 'livenessProbe', { tcpSocket: { port: 1 }, terminationGracePeriodSeconds: 10 }],
    ['readiness successThreshold 3', 'readinessProbe', { tcpSocket: { port: 1 }, successThreshold: 3 }],
  ])('accepts %s', (_, key, probe) => {
    expectAccepted(validate(withProbe(key, probe)), C);
  });

  it.each<[string, string, Manifest, Array<Partial<FieldError>>]>([
    ['no handler', 'livenessProbe', { periodSeconds: 10 },
      [{ field: `${C}.livenessProbe`, type: 'Required', message: 'must specify a handler type' }]],
    ['two handlers', 'readinessProbe', { exec: { command: ['true'] }, httpGet: { port: 80 } },
      [{ field: `${C}.readinessProbe.httpGet`, type: 'Forbidden', message: 'may not specify more than 1 handler type' }]],
    ['an exec probe without a command', 'livenessProbe', { exec: {} },
      [{ field: `${C}.livenessProbe.exec.command`, type: 'Required' }]],
    ['a port given as a quoted number', 'livenessProbe', { tcpSocket: { port: '8080' } },
      [{ field: `${C}.livenessProbe.tcpSocket.port`, type: 'Invalid', value: '8080', message: 'must contain at least one letter (a-z)' }]],
    ['a missing httpGet port', 'livenessProbe', { httpGet: { path: '/' } },
      [{ field: `${C}.livenessProbe.httpGet.port`, type: 'Invalid', value: 0, message: 'must be between 1 and 65535, inclusive' }]],
    ['an unknown scheme', 'livenessProbe', { httpGet: { port: 80, scheme: 'https' } },
      [{ field: `${C}.livenessProbe.httpGet.scheme`, type: 'NotSupported', message: 'supported values: "HTTP", "HTTPS"' }]],
    ['a header name with a space', 'livenessProbe', { httpGet: { port: 80, httpHeaders: [{ name: 'X Probe', value: '1' }] } },
      [{
        field: `${C}.livenessProbe.httpGet.httpHeaders`,
        type: 'Invalid',
        value: 'X Probe',
        message: "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
      }]],
    ['a grpc port out of range', 'startupProbe', { grpc: { port: 70000 } },
      [{ field: `${C}.startupProbe.grpc.port`, type: 'Invalid', message: 'must be between 1 and 65535, inclusive' }]],
    ['negative timings', 'livenessProbe', { tcpSocket: { port: 1 }, initialDelaySeconds: -1, periodSeconds: -5 }, [
      { field: `${C}.livenessProbe.initialDelaySeconds`, type: 'Invalid', value: -1, message: 'must be greater than or equal to 0' },
      { field: `${C}.livenessProbe.periodSeconds`, type: 'Invalid', value: -5, message: 'must be greater than or equal to 0' },
    ]],
    ['a probe-level grace period of 0', 'livenessProbe', { tcpSocket: { port: 1 }, terminationGracePeriodSeconds: 0 },
      [{ field: `${C}.livenessProbe.terminationGracePeriodSeconds`, type: 'Invalid', message: 'must be greater than 0' }]],
  ])('rejects %s', (_, key, probe, expected) => {
    expectOnly(withProbe(key, probe), ...expected);
  });
});

describe('validateLivenessProbe / validateStartupProbe / validateReadinessProbe', () => {
  it.each<[string, Array<Partial<FieldError>>]>([
    ['livenessProbe', [{ field: `${C}.livenessProbe.successThreshold`, type: 'Invalid', value: 2, message: 'must be 1' }]],
    ['startupProbe', [{ field: `${C}.startupProbe.successThreshold`, type: 'Invalid', value: 2, message: 'must be 1' }]],
  ])('rejects successThreshold 2 on a %s', (key, expected) => {
    expectOnly(withProbe(key, { tcpSocket: { port: 1 }, successThreshold: 2 }), ...expected);
  });

  it('rejects a grace period on a readiness probe, which never kills', () => {
    expectOnly(withProbe('readinessProbe', { tcpSocket: { port: 1 }, terminationGracePeriodSeconds: 5 }),
      { field: `${C}.readinessProbe.terminationGracePeriodSeconds`, type: 'Invalid', message: 'must not be set for readinessProbes' });
  });
});

describe('validateLifecycle: postStart and preStop hooks', () => {
  it.each<[string, Manifest]>([
    ['an exec preStop', { preStop: { exec: { command: ['/bin/sh', '-c', 'sleep 5'] } } }],
    ['a sleep preStop within the grace period', { preStop: { sleep: { seconds: 30 } } }],
    ['a sleep of 0 (allowed by default since 1.33)', { preStop: { sleep: { seconds: 0 } } }],
    ['an httpGet postStart', { postStart: { httpGet: { path: '/started', port: 8080 } } }],
  ])('accepts %s', (_, lifecycle) => {
    expectAccepted(validate((ds) => { container(ds).lifecycle = lifecycle; }), C);
  });

  it.each<[string, Mutator, Partial<FieldError>]>([
    ['a sleep longer than the default grace period of 30s', (ds) => { container(ds).lifecycle = { preStop: { sleep: { seconds: 31 } } }; },
      { field: `${C}.lifecycle.preStop.sleep`, type: 'Invalid', value: 31, message: 'must be non-negative and less than terminationGracePeriodSeconds (30)' }],
    ['a sleep longer than the pod\'s grace period', (ds) => {
      podSpec(ds).terminationGracePeriodSeconds = 10;
      container(ds).lifecycle = { preStop: { sleep: { seconds: 20 } } };
    }, { field: `${C}.lifecycle.preStop.sleep`, type: 'Invalid', message: 'must be non-negative and less than terminationGracePeriodSeconds (10)' }],
    ['a hook without a handler', (ds) => { container(ds).lifecycle = { postStart: {} }; },
      { field: `${C}.lifecycle.postStart`, type: 'Required', message: 'must specify a handler type' }],
  ])('rejects %s', (_, mutate, expected) => {
    expectOnly(mutate, expected);
  });
});
