import { container, Mutator, podSpec, validate } from './daemon-set';
import { FieldError, formatFieldError } from '../../src';

/**
 * formatFieldError renders an error like field.Error.Error() in apimachinery
 * (`<field>: <ErrorBody>`), as `kubectl apply` prints the API server's answer.
 */
describe('formatFieldError: the text kubectl prints (field.Error.Error / ErrorBody)', () => {
  /** The formatted errors of the minimal DaemonSet changed by `mutate`. */
  const formatted = (mutate: Mutator) => validate(mutate).map(formatFieldError);

  it('prints a Required value without a value or detail', () => {
    expect(formatted((ds) => { delete ds.spec.selector; })).toContain('spec.selector: Required value');
  });

  it('prints an Invalid value quoted, then the message', () => {
    const [line] = formatted((ds) => { ds.metadata.name = 'Foo'; });
    expect(line).toMatch(/^metadata\.name: Invalid value: "Foo": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters/);
    expect(line).toContain("(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
  });

  it.each<[string, Mutator, string]>([
    ['an empty selector', (ds) => { ds.spec.selector = {}; },
      'spec.selector: Invalid value: {}: empty selector is invalid for daemonset'],
    ['a numeric value', (ds) => { ds.spec.minReadySeconds = -1; },
      'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'],
    ['a Required value with a detail', (ds) => { ds.spec.updateStrategy = { rollingUpdate: { maxUnavailable: 0 } }; },
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0'],
    ['an Unsupported value', (ds) => { podSpec(ds).restartPolicy = 'Never'; },
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ['a Forbidden field', (ds) => { podSpec(ds).activeDeadlineSeconds = 30; },
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported'],
    ['a Duplicate value', (ds) => { podSpec(ds).containers.push({ name: 'agent', image: 'busybox' }); },
      'spec.template.spec.containers[1].name: Duplicate value: "agent"'],
    ['a Not found value', (ds) => { container(ds).volumeMounts = [{ name: 'data', mountPath: '/data' }]; },
      'spec.template.spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ['a Too long field', (ds) => { ds.metadata.annotations = { big: 'x'.repeat(300 * 1024) }; },
      'metadata.annotations: Too long: may not be more than 262144 bytes'],
  ])('prints %s', (_, mutate, line) => {
    expect(formatted(mutate)).toContain(line);
  });

  it.each<[FieldError, string]>([
    [{ field: 'spec.selector', type: 'Required', message: '' }, 'spec.selector: Required value'],
    [{ field: 'spec.selector', type: 'Required', message: 'x', value: { a: 1 } }, 'spec.selector: Required value: x'],
    [{ field: 'spec.template.spec.hostPID', type: 'Forbidden', message: 'not allowed', value: true }, 'spec.template.spec.hostPID: Forbidden: not allowed'],
    [{ field: 'spec.template.metadata.labels', type: 'Invalid', message: 'no', value: { app: 'x' } }, 'spec.template.metadata.labels: Invalid value: {"app":"x"}: no'],
    [{ field: 'spec.x', type: 'Invalid', message: 'no' }, 'spec.x: Invalid value: no'],
  ])('formats %j', (error, line) => {
    expect(formatFieldError(error)).toBe(line);
  });
});
