import { container, expectAccepted, Manifest, Mutator, podSpec, TEMPLATE_SPEC, validate } from './daemon-set';
import { FieldError } from '../../src/validation';

const C = `${TEMPLATE_SPEC}.containers[0]`;
const I = `${TEMPLATE_SPEC}.initContainers[0]`;

function expectOnly(mutate: Mutator, ...expected: Array<Partial<FieldError>>): void {
  expect(validate(mutate)).toEqual(expected.map((e) => expect.objectContaining(e)));
}

const withInit = (init: Manifest): Mutator => (ds) => { podSpec(ds).initContainers = [{ name: 'init', image: 'busybox', ...init }]; };

describe('validateContainerCommon: image, imagePullPolicy (validatePullPolicy), terminationMessagePolicy', () => {
  it.each<[string, Manifest]>([
    ['every pull policy: Always', { imagePullPolicy: 'Always' }],
    ['IfNotPresent', { imagePullPolicy: 'IfNotPresent' }],
    ['Never', { imagePullPolicy: 'Never' }],
    ['an empty pull policy (defaulted)', { imagePullPolicy: '' }],
    ['FallbackToLogsOnError', { terminationMessagePolicy: 'FallbackToLogsOnError' }],
    ['an image with surrounding spaces (refused for pods, not templates)', { image: ' busybox ' }],
  ])('accepts %s', (_, fields) => {
    expectAccepted(validate((ds) => { Object.assign(container(ds), fields); }), C);
  });

  it.each<[string, Manifest, Partial<FieldError>]>([
    ['a missing image', { image: undefined }, { field: `${C}.image`, type: 'Required' }],
    ['an empty image', { image: '' }, { field: `${C}.image`, type: 'Required' }],
    ['imagePullPolicy "always"', { imagePullPolicy: 'always' },
      { field: `${C}.imagePullPolicy`, type: 'NotSupported', value: 'always', message: 'supported values: "Always", "IfNotPresent", "Never"' }],
    ['terminationMessagePolicy "file"', { terminationMessagePolicy: 'file' },
      { field: `${C}.terminationMessagePolicy`, type: 'NotSupported', message: 'supported values: "File", "FallbackToLogsOnError"' }],
  ])('rejects %s', (_, fields, expected) => {
    expectOnly((ds) => { Object.assign(container(ds), fields); }, expected);
  });
});

describe('validateContainers: regular containers may not set restartPolicy', () => {
  it('rejects restartPolicy on a container', () => {
    expectOnly((ds) => { container(ds).restartPolicy = 'Always'; },
      { field: `${C}.restartPolicy`, type: 'Forbidden', message: 'may not be set for non-init containers' });
  });
});

describe('validateInitContainers: sidecars (restartPolicy: Always) and plain init containers', () => {
  it.each<[string, Manifest]>([
    ['a plain init container', {}],
    ['a sidecar with probes and a preStop hook', {
      restartPolicy: 'Always',
      readinessProbe: { tcpSocket: { port: 8080 } },
      livenessProbe: { httpGet: { path: '/', port: 8080 } },
      lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
    }],
  ])('accepts %s', (_, init) => {
    expectAccepted(validate(withInit(init)), TEMPLATE_SPEC);
  });

  it.each<[string, Manifest, Array<Partial<FieldError>>]>([
    ['restartPolicy OnFailure', { restartPolicy: 'OnFailure' },
      [{ field: `${I}.restartPolicy`, type: 'NotSupported', value: 'OnFailure', message: 'supported values: "Always"' }]],
    ['a probe on a plain init container', { readinessProbe: { tcpSocket: { port: 1 } } },
      [{ field: `${I}.readinessProbe`, type: 'Forbidden', message: 'may not be set for init containers without restartPolicy=Always' }]],
    ['a hook and a startup probe on a plain init container', { lifecycle: { postStart: { exec: { command: ['x'] } } }, startupProbe: { tcpSocket: { port: 1 } } }, [
      { field: `${I}.lifecycle`, type: 'Forbidden', message: 'may not be set for init containers without restartPolicy=Always' },
      { field: `${I}.startupProbe`, type: 'Forbidden', message: 'may not be set for init containers without restartPolicy=Always' },
    ]],
    ['a sidecar whose liveness probe needs two successes', { restartPolicy: 'Always', livenessProbe: { tcpSocket: { port: 1 }, successThreshold: 2 } },
      [{ field: `${I}.livenessProbe.successThreshold`, type: 'Invalid', message: 'must be 1' }]],
    ['the rules every container has (a missing image)', { image: '' }, [{ field: `${I}.image`, type: 'Required' }]],
  ])('rejects %s', (_, init, expected) => {
    expectOnly(withInit(init), ...expected);
  });
});

describe('validateResizePolicy', () => {
  it('accepts a policy per resource', () => {
    expectAccepted(validate((ds) => {
      container(ds).resizePolicy = [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'memory', restartPolicy: 'RestartContainer' }];
    }), C);
  });

  it.each<[string, Manifest[], Array<Partial<FieldError>>]>([
    ['the same resource twice', [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'cpu', restartPolicy: 'NotRequired' }],
      [{ field: `${C}.resizePolicy[1]`, type: 'Duplicate', value: 'cpu' }]],
    ['an unknown resource', [{ resourceName: 'storage', restartPolicy: 'NotRequired' }],
      [{ field: `${C}.resizePolicy`, type: 'NotSupported', value: 'storage', message: 'supported values: "cpu", "memory"' }]],
    ['a missing restart policy', [{ resourceName: 'cpu' }], [{ field: `${C}.resizePolicy`, type: 'Required' }]],
  ])('rejects %s', (_, resizePolicy, expected) => {
    expectOnly((ds) => { container(ds).resizePolicy = resizePolicy; }, ...expected);
  });
});
