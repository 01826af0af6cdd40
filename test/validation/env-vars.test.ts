import { container, expectAccepted, Manifest, Mutator, TEMPLATE_SPEC, validate } from './daemon-set';
import { FieldError } from '../../src/validation';

const ENV = `${TEMPLATE_SPEC}.containers[0].env`;
const ENV_FROM = `${TEMPLATE_SPEC}.containers[0].envFrom`;
const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

function expectOnly(mutate: Mutator, ...expected: Array<Partial<FieldError>>): void {
  expect(validate(mutate)).toEqual(expected.map((e) => expect.objectContaining(e)));
}

const withEnv = (...env: Manifest[]): Mutator => (ds) => { container(ds).env = env; };
const withEnvFrom = (...envFrom: Manifest[]): Mutator => (ds) => { container(ds).envFrom = envFrom; };

describe('ValidateEnv: names (IsRelaxedEnvVarName, the default since Kubernetes 1.32)', () => {
  it.each<[string]>([['LOG_LEVEL'], ['my.env-name'], ['1ST'], ['with space'], ['a:b'], ['$HOME']])('accepts the name %j', (name) => {
    expectAccepted(validate(withEnv({ name, value: 'x' })), ENV);
  });

  it('accepts the same name twice: the API server only warns that the second hides the first', () => {
    expectAccepted(validate(withEnv({ name: 'LOG_LEVEL', value: 'info' }, { name: 'LOG_LEVEL', value: 'debug' })), ENV);
  });

  it.each<[string, string]>([['with "="', 'A=B'], ['with a tab', 'A\tB'], ['non-ASCII', 'NÄME']])('rejects a name %s', (_, name) => {
    expectOnly(withEnv({ name, value: 'x' }), {
      field: `${ENV}[0].name`,
      type: 'Invalid',
      message: "a valid environment variable name must consist only of printable ASCII characters other than '='",
      value: name,
    });
  });

  it('rejects a missing name as Required', () => {
    expectOnly(withEnv({ value: 'x' }), { field: `${ENV}[0].name`, type: 'Required' });
  });
});

describe('validateEnvVarValueFrom: exactly one source, and no value beside it', () => {
  it.each<[string, Manifest]>([
    ['the node name', { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
    ['the host IP with apiVersion v1', { name: 'HOST_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIP' } } }],
    ['the old spec.host', { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.host' } } }],
    ['a label', { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app.kubernetes.io/name']" } } }],
    ['an annotation in any case', { name: 'A', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['Example.com/Key']" } } }],
    ['the memory limit in Mi', { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } }],
    ['the cpu request in millicores', { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } } }],
    ['a hugepages limit', { name: 'HP', valueFrom: { resourceFieldRef: { resource: 'limits.hugepages-2Mi' } } }],
    ['a ConfigMap key', { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'agent-config', key: 'log.level' } } }],
    ['a Secret key', { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'agent', key: 'token', optional: true } } }],
    ['an empty value beside a source', { name: 'NODE', value: '', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
  ])('accepts %s', (_, envVar) => {
    expectAccepted(validate(withEnv(envVar)), ENV);
  });

  const VALUE_FROM = `${ENV}[0].valueFrom`;
  it.each<[string, Manifest, Array<Partial<FieldError>>]>([
    ['no source', { name: 'X', valueFrom: {} },
      [{ field: VALUE_FROM, type: 'Invalid', message: 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`', value: '' }]],
    ['two sources', { name: 'X', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' }, secretKeyRef: { name: 's', key: 'k' } } },
      [{ field: VALUE_FROM, type: 'Invalid', message: 'may not have more than one field specified at a time' }]],
    ['a value beside a source', { name: 'X', value: 'x', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      [{ field: VALUE_FROM, type: 'Invalid', message: 'may not be specified when `value` is not empty' }]],
    ['a field the downward API does not give to env', { name: 'X', valueFrom: { fieldRef: { fieldPath: 'metadata.labels' } } },
      [{
        field: `${VALUE_FROM}.fieldRef.fieldPath`,
        type: 'NotSupported',
        value: 'metadata.labels',
        message: 'supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
      }]],
    ['an unknown field', { name: 'X', valueFrom: { fieldRef: { fieldPath: 'spec.nodename' } } },
      [{ field: `${VALUE_FROM}.fieldRef.fieldPath`, type: 'Invalid', message: 'error converting fieldPath: field label not supported: spec.nodename' }]],
    ['another API version', { name: 'X', valueFrom: { fieldRef: { apiVersion: 'v2', fieldPath: 'spec.nodeName' } } },
      [{ field: `${VALUE_FROM}.fieldRef.fieldPath`, type: 'Invalid', message: 'error converting fieldPath: unsupported pod version: v2' }]],
    ['a subscript on a field without one', { name: 'X', valueFrom: { fieldRef: { fieldPath: "spec.nodeName['x']" } } },
      [{ field: `${VALUE_FROM}.fieldRef.fieldPath`, type: 'Invalid', message: "error converting fieldPath: field label does not support subscript: spec.nodeName['x']" }]],
    ['a label key that is not a label key', { name: 'X', valueFrom: { fieldRef: { fieldPath: "metadata.labels['a b']" } } },
      [{ field: `${VALUE_FROM}.fieldRef`, type: 'Invalid', value: 'a b' }]],
    ['a missing fieldPath', { name: 'X', valueFrom: { fieldRef: { apiVersion: 'v1' } } },
      [{ field: `${VALUE_FROM}.fieldRef.fieldPath`, type: 'Required' }]],
    ['an unknown resource', { name: 'X', valueFrom: { resourceFieldRef: { resource: 'limits.gpu' } } },
      [{
        field: `${VALUE_FROM}.resourceFieldRef.resource`,
        type: 'NotSupported',
        message: 'supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"',
      }]],
    ['a cpu divisor of 1k', { name: 'X', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1k' } } },
      [{ field: `${VALUE_FROM}.resourceFieldRef.divisor`, type: 'Invalid', value: 'limits.cpu', message: "only divisor's values 1m and 1 are supported with the cpu resource" }]],
    ['a memory divisor of 1m', { name: 'X', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1m' } } },
      [{ field: `${VALUE_FROM}.resourceFieldRef.divisor`, type: 'Invalid', message: "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource" }]],
    ['a ConfigMap reference without a name', { name: 'X', valueFrom: { configMapKeyRef: { key: 'k' } } },
      [{ field: `${VALUE_FROM}.configMapKeyRef.name`, type: 'Invalid', message: SUBDOMAIN, value: '' }]],
    ['a Secret key with a slash', { name: 'X', valueFrom: { secretKeyRef: { name: 's', key: 'a/b' } } },
      [{
        field: `${VALUE_FROM}.secretKeyRef.key`,
        type: 'Invalid',
        message: "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      }]],
    ['a Secret key ..', { name: 'X', valueFrom: { secretKeyRef: { name: 's', key: '..' } } },
      [{ field: `${VALUE_FROM}.secretKeyRef.key`, type: 'Invalid', message: "must not be '..'" }]],
    ['a Secret reference without a key', { name: 'X', valueFrom: { secretKeyRef: { name: 's' } } },
      [{ field: `${VALUE_FROM}.secretKeyRef.key`, type: 'Required' }]],
  ])('rejects %s', (_, envVar, expected) => {
    expectOnly(withEnv(envVar), ...expected);
  });
});

describe('ValidateEnvFrom: one ConfigMap or Secret per entry', () => {
  it.each<[string, Manifest]>([
    ['a ConfigMap', { configMapRef: { name: 'agent' } }],
    ['a Secret with a prefix', { prefix: 'AGENT_', secretRef: { name: 'agent' } }],
    ['a name ending in a dash (checked as a generateName prefix)', { configMapRef: { name: 'agent-' } }],
  ])('accepts %s', (_, source) => {
    expectAccepted(validate(withEnvFrom(source)), ENV_FROM);
  });

  // Upstream names the list, not the entry, when the source count is wrong.
  it.each<[string, Manifest, Array<Partial<FieldError>>]>([
    ['no source', { prefix: 'X_' }, [{ field: ENV_FROM, type: 'Invalid', message: 'must specify one of: `configMapRef` or `secretRef`', value: '' }]],
    ['two sources', { configMapRef: { name: 'a' }, secretRef: { name: 'b' } },
      [{ field: ENV_FROM, type: 'Invalid', message: 'may not have more than one field specified at a time' }]],
    ['a nameless ConfigMap', { configMapRef: {} }, [{ field: `${ENV_FROM}[0].configMapRef.name`, type: 'Required' }]],
    ['an upper-case Secret name', { secretRef: { name: 'Agent' } }, [{ field: `${ENV_FROM}[0].secretRef.name`, type: 'Invalid', message: SUBDOMAIN }]],
    ['a prefix with "="', { prefix: 'A=', configMapRef: { name: 'a' } },
      [{ field: `${ENV_FROM}[0].prefix`, type: 'Invalid', message: "a valid environment variable name must consist only of printable ASCII characters other than '='" }]],
  ])('rejects %s', (_, source, expected) => {
    expectOnly(withEnvFrom(source), ...expected);
  });
});
