import { container, daemonSet, Mutator, podSpec, TEMPLATE_SPEC, validate } from './daemon-set';
import { validateDaemonSet } from '../../src';

/**
 * Manifests arrive as untrusted JSON. Upstream they would fail to decode; here every shape must be
 * answered with a list of errors, never an exception.
 */
describe('validateDaemonSet never throws on untrusted shapes', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'kind: DaemonSet'],
    ['a boolean', true],
    ['an array', [daemonSet()]],
  ])('answers a manifest that is %s with one error at <root>', (_, manifest) => {
    expect(() => validateDaemonSet(manifest)).not.toThrow();
    expect(validateDaemonSet(manifest)).toEqual([
      expect.objectContaining({ field: '<root>', type: 'Invalid', message: 'a DaemonSet must be an object' }),
    ]);
  });

  it.each<[string, Mutator]>([
    ['tolerations: null', (ds) => { podSpec(ds).tolerations = null; }],
    ['tolerations: a string', (ds) => { podSpec(ds).tolerations = 'Exists'; }],
    ['tolerations: [null, 3, "x"]', (ds) => { podSpec(ds).tolerations = [null, 3, 'x']; }],
    ['a toleration with non-string fields', (ds) => { podSpec(ds).tolerations = [{ key: 5, operator: [], effect: {}, tolerationSeconds: 'soon' }]; }],
    ['affinity: {}', (ds) => { podSpec(ds).affinity = {}; }],
    ['affinity: a string', (ds) => { podSpec(ds).affinity = 'nodeAffinity'; }],
    ['nodeAffinity: a string', (ds) => { podSpec(ds).affinity = { nodeAffinity: 'required' }; }],
    ['required node affinity: a string', (ds) => { podSpec(ds).affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: 'x' } }; }],
    ['nodeSelectorTerms: [null, "x"]', (ds) => {
      podSpec(ds).affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [null, 'x'] } } };
    }],
    ['matchExpressions / matchFields: strings', (ds) => {
      podSpec(ds).affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: 'x', matchFields: [null] }] } } };
    }],
    ['preferred terms: [null, {weight: "10"}]', (ds) => {
      podSpec(ds).affinity = { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [null, { weight: '10', preference: 'x' }] } };
    }],
    ['spec: a string', (ds) => { ds.spec = 'spec'; }],
    ['spec: null', (ds) => { ds.spec = null; }],
    ['metadata: a string', (ds) => { ds.metadata = 'agent'; }],
    ['metadata.name: a number', (ds) => { ds.metadata.name = 7; }],
    ['metadata.labels: a string', (ds) => { ds.metadata.labels = 'app=agent'; }],
    ['metadata.labels values: numbers and null', (ds) => { ds.metadata.labels = { a: 1, b: null }; }],
    ['selector.matchExpressions: a string', (ds) => { ds.spec.selector = { matchExpressions: 'app in (agent)' }; }],
    ['selector.matchExpressions: [null]', (ds) => { ds.spec.selector = { matchExpressions: [null] }; }],
    ['selector values: not strings', (ds) => { ds.spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: [1, null, {}] }] }; }],
    ['template: a string', (ds) => { ds.spec.template = 'pod'; }],
    ['template.spec: an array', (ds) => { ds.spec.template.spec = []; }],
    ['containers: a string', (ds) => { podSpec(ds).containers = 'agent'; }],
    ['containers: [null, "agent"]', (ds) => { podSpec(ds).containers = [null, 'agent']; }],
    ['ports: [null, "80"]', (ds) => { container(ds).ports = [null, '80']; }],
    ['volumeMounts: [5]', (ds) => { container(ds).volumeMounts = [5]; }],
    ['volumes: {name: "x"}', (ds) => { podSpec(ds).volumes = { name: 'x' }; }],
    ['nodeSelector: a list', (ds) => { podSpec(ds).nodeSelector = ['kubernetes.io/os=linux']; }],
    ['updateStrategy: a string', (ds) => { ds.spec.updateStrategy = 'RollingUpdate'; }],
    ['rollingUpdate: a string', (ds) => { ds.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: '1' }; }],
    ['maxUnavailable: an object', (ds) => { ds.spec.updateStrategy = { rollingUpdate: { maxUnavailable: { value: 1 } } }; }],
    ['minReadySeconds: a string', (ds) => { ds.spec.minReadySeconds = '10'; }],
    ['restartPolicy: a number', (ds) => { podSpec(ds).restartPolicy = 1; }],
  ])('returns an array for %s', (_, mutate) => {
    let errors: unknown;
    expect(() => { errors = validate(mutate); }).not.toThrow();
    expect(Array.isArray(errors)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a string', 'agent'],
    ['a spec that is a string', { spec: 'x' }],
    ['a selector that is a list', { spec: { selector: [1, 2] } }],
  ])('returns an array when the previous DaemonSet is %s', (_, previous) => {
    expect(() => validateDaemonSet(daemonSet(), previous)).not.toThrow();
    expect(Array.isArray(validateDaemonSet(daemonSet(), previous))).toBe(true);
  });

  it('does not change the manifest it validates', () => {
    const manifest = daemonSet((ds) => { ds.spec.updateStrategy = { rollingUpdate: { maxSurge: 1 } }; });
    const before = structuredClone(manifest);
    validateDaemonSet(manifest);
    expect(manifest).toEqual(before);
  });

  it('treats tolerations: null like no tolerations', () => {
    expect(validate((ds) => { podSpec(ds).tolerations = null; })).toEqual([]);
  });

  it('still reports errors found beside a malformed field', () => {
    const errors = validate((ds) => {
      podSpec(ds).tolerations = 'Exists';
      podSpec(ds).restartPolicy = 'Never';
    });
    expect(errors).toEqual([expect.objectContaining({ field: `${TEMPLATE_SPEC}.restartPolicy` })]);
  });
});
