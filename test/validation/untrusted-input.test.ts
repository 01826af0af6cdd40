import { container, daemonSet, Manifest, Mutator, podSpec, TEMPLATE_SPEC, validate } from './daemon-set';
import { validateDaemonSet } from '../../src';

/**
 * Manifests arrive as untrusted JSON. The API server decodes them before any validation rule
 * runs (apimachinery's JSON serializer over sigs.k8s.io/json): a value of the wrong JSON type
 * refuses the object with `json: cannot unmarshal <value> into Go struct field <Struct>.<path> of
 * type <type>`, and JSON null decodes to the field's zero value. Every row names the exact field
 * and the type the decoder expected there, or asserts that the API server accepts the input.
 */
const AFFINITY = `${TEMPLATE_SPEC}.affinity`;
const NODE_AFFINITY = `${AFFINITY}.nodeAffinity`;
const REQUIRED = `${NODE_AFFINITY}.requiredDuringSchedulingIgnoredDuringExecution`;
const PREFERRED = `${NODE_AFFINITY}.preferredDuringSchedulingIgnoredDuringExecution`;
const CONTAINER = `${TEMPLATE_SPEC}.containers[0]`;

/** One decode error: the field, how Go names the JSON value, the struct holding the field, and the field's Go type. */
type TypeError = readonly [field: string, jsonValue: string, struct: string, goType: string];

function typeError([field, jsonValue, struct, goType]: TypeError): unknown {
  // Go's decoder names the field by the names it walked through, without list indexes or map keys.
  const goPath = field.replace(/\[[^\]]*\]/g, '');
  return expect.objectContaining({
    field,
    type: 'TypeInvalid',
    message: `json: cannot unmarshal ${jsonValue} into Go struct field ${struct}.${goPath} of type ${goType}`,
  });
}

describe('validateDaemonSet decodes untrusted shapes as the API server does', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'kind: DaemonSet'],
    ['a boolean', true],
    ['an array', [daemonSet()]],
  ])('answers a manifest that is %s with one error at <root>', (_, manifest) => {
    expect(validateDaemonSet(manifest)).toEqual([
      expect.objectContaining({ field: '<root>', type: 'Invalid', message: 'a DaemonSet must be an object' }),
    ]);
  });

  it.each<[string, Mutator, TypeError[]]>([
    ['tolerations: a string', (ds) => { podSpec(ds).tolerations = 'Exists'; },
      [[`${TEMPLATE_SPEC}.tolerations`, 'string', 'PodSpec', '[]v1.Toleration']]],
    ['tolerations: [null, 3, "x"]', (ds) => { podSpec(ds).tolerations = [null, 3, 'x']; }, [
      [`${TEMPLATE_SPEC}.tolerations[1]`, 'number 3', 'PodSpec', 'v1.Toleration'],
      [`${TEMPLATE_SPEC}.tolerations[2]`, 'string', 'PodSpec', 'v1.Toleration'],
    ]],
    ['a toleration with non-string fields', (ds) => { podSpec(ds).tolerations = [{ key: 5, operator: [], effect: {}, tolerationSeconds: 'soon' }]; }, [
      [`${TEMPLATE_SPEC}.tolerations[0].key`, 'number 5', 'Toleration', 'string'],
      [`${TEMPLATE_SPEC}.tolerations[0].operator`, 'array', 'Toleration', 'string'],
      [`${TEMPLATE_SPEC}.tolerations[0].effect`, 'object', 'Toleration', 'string'],
      [`${TEMPLATE_SPEC}.tolerations[0].tolerationSeconds`, 'string', 'Toleration', 'int64'],
    ]],
    ['affinity: a string', (ds) => { podSpec(ds).affinity = 'nodeAffinity'; }, [[AFFINITY, 'string', 'PodSpec', 'v1.Affinity']]],
    ['nodeAffinity: a string', (ds) => { podSpec(ds).affinity = { nodeAffinity: 'required' }; },
      [[NODE_AFFINITY, 'string', 'Affinity', 'v1.NodeAffinity']]],
    ['required node affinity: a string', (ds) => { podSpec(ds).affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: 'x' } }; },
      [[REQUIRED, 'string', 'NodeAffinity', 'v1.NodeSelector']]],
    ['nodeSelectorTerms: [null, "x"]', (ds) => {
      podSpec(ds).affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [null, 'x'] } } };
    }, [[`${REQUIRED}.nodeSelectorTerms[1]`, 'string', 'NodeSelector', 'v1.NodeSelectorTerm']]],
    ['matchExpressions: a string', (ds) => {
      podSpec(ds).affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: 'x' }] } } };
    }, [[`${REQUIRED}.nodeSelectorTerms[0].matchExpressions`, 'string', 'NodeSelectorTerm', '[]v1.NodeSelectorRequirement']]],
    ['preferred terms: [null, {weight: "10", preference: "x"}]', (ds) => {
      podSpec(ds).affinity = { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [null, { weight: '10', preference: 'x' }] } };
    }, [
      [`${PREFERRED}[1].weight`, 'string', 'PreferredSchedulingTerm', 'int32'],
      [`${PREFERRED}[1].preference`, 'string', 'PreferredSchedulingTerm', 'v1.NodeSelectorTerm'],
    ]],
    ['spec: a string', (ds) => { ds.spec = 'spec'; }, [['spec', 'string', 'DaemonSet', 'v1.DaemonSetSpec']]],
    ['metadata: a string', (ds) => { ds.metadata = 'agent'; }, [['metadata', 'string', 'DaemonSet', 'v1.ObjectMeta']]],
    ['metadata.name: a number', (ds) => { ds.metadata.name = 7; }, [['metadata.name', 'number 7', 'ObjectMeta', 'string']]],
    ['metadata.labels: a string', (ds) => { ds.metadata.labels = 'app=agent'; }, [['metadata.labels', 'string', 'ObjectMeta', 'map[string]string']]],
    ['metadata.labels values: a number and null', (ds) => { ds.metadata.labels = { a: 1, b: null }; },
      [['metadata.labels[a]', 'number 1', 'ObjectMeta', 'string']]],
    ['selector.matchExpressions: a string', (ds) => { ds.spec.selector = { matchExpressions: 'app in (agent)' }; },
      [['spec.selector.matchExpressions', 'string', 'LabelSelector', '[]v1.LabelSelectorRequirement']]],
    ['selector values: not strings', (ds) => { ds.spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: [1, null, {}] }] }; }, [
      ['spec.selector.matchExpressions[0].values[0]', 'number 1', 'LabelSelectorRequirement', 'string'],
      ['spec.selector.matchExpressions[0].values[2]', 'object', 'LabelSelectorRequirement', 'string'],
    ]],
    ['template: a string', (ds) => { ds.spec.template = 'pod'; }, [['spec.template', 'string', 'DaemonSetSpec', 'v1.PodTemplateSpec']]],
    ['template.spec: an array', (ds) => { ds.spec.template.spec = []; }, [[TEMPLATE_SPEC, 'array', 'PodTemplateSpec', 'v1.PodSpec']]],
    ['template.metadata.labels: a list', (ds) => { ds.spec.template.metadata.labels = ['x']; },
      [['spec.template.metadata.labels', 'array', 'ObjectMeta', 'map[string]string']]],
    ['containers: a string', (ds) => { podSpec(ds).containers = 'agent'; }, [[`${TEMPLATE_SPEC}.containers`, 'string', 'PodSpec', '[]v1.Container']]],
    ['containers: {}', (ds) => { podSpec(ds).containers = {}; }, [[`${TEMPLATE_SPEC}.containers`, 'object', 'PodSpec', '[]v1.Container']]],
    ['containers: [null, "agent"]', (ds) => { podSpec(ds).containers = [null, 'agent']; },
      [[`${TEMPLATE_SPEC}.containers[1]`, 'string', 'PodSpec', 'v1.Container']]],
    ['args: a string', (ds) => { container(ds).args = '--verbose'; }, [[`${CONTAINER}.args`, 'string', 'Container', '[]string']]],
    ['ports: [null, "80"]', (ds) => { container(ds).ports = [null, '80']; }, [[`${CONTAINER}.ports[1]`, 'string', 'Container', 'v1.ContainerPort']]],
    ['containerPort: a fraction', (ds) => { container(ds).ports = [{ containerPort: 80.5 }]; },
      [[`${CONTAINER}.ports[0].containerPort`, 'number 80.5', 'ContainerPort', 'int32']]],
    ['containerPort: beyond int32', (ds) => { container(ds).ports = [{ containerPort: 2 ** 31 }]; },
      [[`${CONTAINER}.ports[0].containerPort`, `number ${2 ** 31}`, 'ContainerPort', 'int32']]],
    ['volumeMounts: [5]', (ds) => { container(ds).volumeMounts = [5]; }, [[`${CONTAINER}.volumeMounts[0]`, 'number 5', 'Container', 'v1.VolumeMount']]],
    ['volumes: {name: "x"}', (ds) => { podSpec(ds).volumes = { name: 'x' }; }, [[`${TEMPLATE_SPEC}.volumes`, 'object', 'PodSpec', '[]v1.Volume']]],
    ['nodeSelector: a list', (ds) => { podSpec(ds).nodeSelector = ['kubernetes.io/os=linux']; },
      [[`${TEMPLATE_SPEC}.nodeSelector`, 'array', 'PodSpec', 'map[string]string']]],
    ['hostNetwork: "true"', (ds) => { podSpec(ds).hostNetwork = 'true'; }, [[`${TEMPLATE_SPEC}.hostNetwork`, 'string', 'PodSpec', 'bool']]],
    ['priority: a string', (ds) => { podSpec(ds).priority = 'high'; }, [[`${TEMPLATE_SPEC}.priority`, 'string', 'PodSpec', 'int32']]],
    ['restartPolicy: a number', (ds) => { podSpec(ds).restartPolicy = 1; }, [[`${TEMPLATE_SPEC}.restartPolicy`, 'number 1', 'PodSpec', 'string']]],
    ['updateStrategy: a string', (ds) => { ds.spec.updateStrategy = 'RollingUpdate'; },
      [['spec.updateStrategy', 'string', 'DaemonSetSpec', 'v1.DaemonSetUpdateStrategy']]],
    ['rollingUpdate: a string', (ds) => { ds.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: '1' }; },
      [['spec.updateStrategy.rollingUpdate', 'string', 'DaemonSetUpdateStrategy', 'v1.RollingUpdateDaemonSet']]],
    ['maxUnavailable: an object', (ds) => { ds.spec.updateStrategy = { rollingUpdate: { maxUnavailable: { value: 1 } } }; },
      [['spec.updateStrategy.rollingUpdate.maxUnavailable', 'object', 'RollingUpdateDaemonSet', 'intstr.IntOrString']]],
    ['minReadySeconds: "10"', (ds) => { ds.spec.minReadySeconds = '10'; }, [['spec.minReadySeconds', 'string', 'DaemonSetSpec', 'int32']]],
  ])('refuses %s, naming the field and the type expected', (_, mutate, expected) => {
    const errors = validate(mutate);
    expect(errors).toHaveLength(expected.length);
    expect(errors).toEqual(expected.map(typeError));
  });

  it.each<[string, Mutator]>([
    ['tolerations: null', (ds) => { podSpec(ds).tolerations = null; }],
    ['affinity: {}', (ds) => { podSpec(ds).affinity = {}; }],
    ['affinity: null', (ds) => { podSpec(ds).affinity = null; }],
    ['metadata.labels: null', (ds) => { ds.metadata.labels = null; }],
    ['a label value null (Go decodes it as "")', (ds) => { ds.metadata.labels = { tier: null }; }],
    ['minReadySeconds: null', (ds) => { ds.spec.minReadySeconds = null; }],
    ['maxUnavailable as a string percentage', (ds) => { ds.spec.updateStrategy = { rollingUpdate: { maxUnavailable: '10%' } }; }],
    ['a quantity written as a number', (ds) => { container(ds).resources = { requests: { cpu: 0.5, memory: 1024 } }; }],
  ])('accepts %s, as the API server decodes it', (_, mutate) => {
    expect(validate(mutate)).toEqual([]);
  });

  it('refuses a quantity that does not parse (Quantity.UnmarshalJSON)', () => {
    expect(validate((ds) => { container(ds).resources = { limits: { cpu: 'two' } }; })).toEqual([
      expect.objectContaining({
        field: `${CONTAINER}.resources.limits[cpu]`,
        type: 'TypeInvalid',
        value: 'two',
        message: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      }),
    ]);
  });

  it('validates an object that decodes to zero values: spec: null is a DaemonSet without a selector or a template', () => {
    const fields = validate((ds) => { ds.spec = null; }).map((e) => `${e.field} ${e.type}`);
    expect(fields).toEqual(expect.arrayContaining(['spec.selector Required', `${TEMPLATE_SPEC}.containers Required`]));
    expect(fields.every((f) => !f.endsWith('TypeInvalid'))).toBe(true);
  });

  it('reports only decode errors when there are some, as the API server stops there', () => {
    const errors = validate((ds) => {
      podSpec(ds).tolerations = 'Exists';
      podSpec(ds).restartPolicy = 'Never';
    });
    expect(errors).toEqual([typeError([`${TEMPLATE_SPEC}.tolerations`, 'string', 'PodSpec', '[]v1.Toleration'])]);
  });

  it('reads a key named __proto__ as a field, never as the prototype', () => {
    const manifest: Manifest = JSON.parse('{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"agent","labels":{"__proto__":"x"}},' +
      '"spec":{"__proto__":{"minReadySeconds":"1"},"selector":{"matchLabels":{"app":"agent"}},' +
      '"template":{"metadata":{"labels":{"app":"agent"}},"spec":{"containers":[{"name":"agent","image":"busybox"}]}}}}');
    expect(validateDaemonSet(manifest)).toEqual([
      expect.objectContaining({ field: 'metadata.labels', type: 'Invalid', value: '__proto__' }),
    ]);
    expect(({} as Record<string, unknown>).minReadySeconds).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['a string', 'agent'],
    ['an object without a spec', {}],
  ])('checks no update when the previous DaemonSet is %s', (_, previous) => {
    expect(validateDaemonSet(daemonSet(), previous)).toEqual(
      typeof previous === 'string' ? [] : [expect.objectContaining({ field: 'spec.selector', type: 'Invalid', message: 'field is immutable' })],
    );
  });

  it('does not change the manifest it validates', () => {
    const manifest = daemonSet((ds) => { ds.spec.updateStrategy = { rollingUpdate: { maxSurge: 1 } }; });
    const before = structuredClone(manifest);
    validateDaemonSet(manifest);
    expect(manifest).toEqual(before);
  });
});
