import { container, daemonSet, Manifest, Mutator, podSpec, TEMPLATE_SPEC } from './daemon-set';
import { checkDaemonSet, formatWarning, ValidationWarning } from '../../src';

function warnings(mutate: Mutator): readonly ValidationWarning[] {
  return checkDaemonSet(daemonSet(mutate)).warnings;
}

function checked(mutate: Mutator) {
  return checkDaemonSet(daemonSet(mutate));
}

describe('unknown fields: warned as kubectl strict field validation words them, never an error', () => {
  it.each<[string, Mutator, string]>([
    ['at the top level', (ds) => { ds.specs = {}; }, 'specs'],
    ['in the spec', (ds) => { ds.spec.foo = 1; }, 'spec.foo'],
    ['in a container (a misspelt field)', (ds) => { container(ds).imagePullPolicyy = 'Always'; }, `${TEMPLATE_SPEC}.containers[0].imagePullPolicyy`],
    ['in a toleration', (ds) => { podSpec(ds).tolerations = [{ operator: 'Exists', efect: 'NoSchedule' }]; }, `${TEMPLATE_SPEC}.tolerations[0].efect`],
    ['named __proto__', (ds) => { Object.defineProperty(ds.spec, '__proto__', { value: {}, enumerable: true }); }, 'spec.__proto__'],
  ])('%s', (_, mutate, field) => {
    const result = checked(mutate);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([{ code: 'UnknownField', field, message: `unknown field "${field}"` }]);
  });

  it('warns beside the decode errors of the same object', () => {
    const result = checked((ds) => { ds.spec.minReadySeconds = '10'; ds.spec.foo = 1; });
    expect(result.errors.map((e) => e.field)).toEqual(['spec.minReadySeconds']);
    expect(result.warnings.map((w) => w.field)).toEqual(['spec.foo']);
  });

  it('knows every field of a full pod template (no warning on a well-formed DaemonSet)', () => {
    expect(warnings((ds) => {
      ds.metadata.annotations = { 'deprecated.daemonset.template.generation': '1' };
      ds.spec.revisionHistoryLimit = 10;
      ds.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } };
      Object.assign(podSpec(ds), {
        hostNetwork: true,
        dnsPolicy: 'ClusterFirstWithHostNet',
        priorityClassName: 'system-node-critical',
        tolerations: [{ operator: 'Exists' }],
        terminationGracePeriodSeconds: 30,
        securityContext: { runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } },
        volumes: [{ name: 'logs', hostPath: { path: '/var/log', type: 'Directory' } }],
      });
      Object.assign(container(ds), {
        resources: { requests: { cpu: '100m', memory: '64Mi' } },
        volumeMounts: [{ name: 'logs', mountPath: '/var/log', readOnly: true }],
        livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10 },
        ports: [{ name: 'http', containerPort: 2020 }],
        env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
      });
    })).toEqual([]);
  });
});

describe('non-integer Gt/Lt values: accepted by the API server, then the term matches no node', () => {
  const requiredTerm = (operator: string, value: string): Mutator => (ds: Manifest) => {
    podSpec(ds).affinity = {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'cores', operator, values: [value] }] }] } },
    };
  };

  it.each([['Gt', '1.5'], ['Lt', 'abc'], ['Gt', '9223372036854775808']])('%s %s is a warning, not an error', (operator, value) => {
    const result = checked(requiredTerm(operator, value));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([{
      code: 'NonIntegerComparison',
      field: `${TEMPLATE_SPEC}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]`,
      message: `"${value}" is not an integer: the API server accepts it, but a '${operator}' term with it matches no node`,
    }]);
  });

  it.each([['Gt', '3'], ['Lt', '+100']])('%s %s is fine', (operator, value) => {
    expect(warnings(requiredTerm(operator, value))).toEqual([]);
  });

  it('warns in preferred terms too', () => {
    const result = warnings((ds) => {
      podSpec(ds).affinity = {
        nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['x'] }] } }] },
      };
    });
    expect(result.map((w) => w.field)).toEqual([
      `${TEMPLATE_SPEC}.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].values[0]`,
    ]);
  });
});

describe('image references a registry would refuse (distribution/reference grammar)', () => {
  it.each([
    'busybox',
    'nginx:1.27',
    'cr.fluentbit.io/fluent/fluent-bit:3.2.0',
    'registry.k8s.io/kube-proxy:v1.31.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'localhost:5000/team/agent__v2:latest',
    '[::1]:5000/agent',
    'Registry.Example.com/agent:1',
  ])('accepts %s', (image) => {
    expect(warnings((ds) => { container(ds).image = image; })).toEqual([]);
  });

  it.each<[string, string]>([
    ['quay.io/Team/Agent:1', 'repository name must be lowercase'],
    ['nginx:', 'invalid reference format'],
    ['nginx@sha256:abc', 'invalid reference format'],
    ['team//agent', 'invalid reference format'],
    ['agent:-latest', 'invalid reference format'],
    [`${'a'.repeat(256)}:1`, 'repository name must not be more than 255 characters'],
  ])('warns about %s (%s)', (image, problem) => {
    const result = checked((ds) => { container(ds).image = image; });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([{
      code: 'InvalidImageReference',
      field: `${TEMPLATE_SPEC}.containers[0].image`,
      message: `${JSON.stringify(image)} is not an image reference a registry accepts (${problem}): the kubelet cannot pull it`,
    }]);
  });

  it('checks init containers too', () => {
    const result = warnings((ds) => { podSpec(ds).initContainers = [{ name: 'init', image: 'Init' }]; });
    expect(result.map((w) => w.field)).toEqual([`${TEMPLATE_SPEC}.initContainers[0].image`]);
  });
});

describe('formatWarning', () => {
  it('prints the field and the message', () => {
    expect(formatWarning({ code: 'UnknownField', field: 'spec.foo', message: 'unknown field "spec.foo"' })).toBe('spec.foo: unknown field "spec.foo"');
  });
});
