import { propsErrorMessage, propsErrorOf } from './props-error-of';
import {
  DaemonPropsError,
  NodeFilter,
  NodePoolLabel,
  OperatingSystem,
  PriorityClass,
  Toleration,
  buildDaemonSet,
  masterTolerantManifest,
  nodeDaemonManifest,
  nodeFilteredDaemonManifest,
} from '../../src/daemon';
import { withOwnProps } from '../../src/daemon/prop-paths';
import { validateDaemonSet } from '../../src/validation';

/*
 * Construction errors name the prop as the user wrote it, with the user's own index, then the
 * field path the API server would name. The rules are said in words: the API server's messages end
 * with the Go regular expression of the rule (`RegexError` in kubernetes/kubernetes
 * staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go), which validateDaemonSet keeps.
 */

const OWNER = 'NodeDaemon agents/agent';
const MASTER_OWNER = 'MasterTolerant agents/agent';
const FILTERED_OWNER = 'NodeFilteredDaemon agents/agent';
const IMAGE = 'agent:1.0';

/** `IsQualifiedName`'s message for the part after the prefix, in words. */
const NAME_PART_IN_WORDS =
  "name part must be made of letters, digits, '-', '_' and '.', starting and ending with a letter or digit, at most 63 characters (e.g. 'MyName', 'my.name' or '123-abc')";
const PREFERRED = 'spec.template.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution';
const REQUIRED = 'spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms';

function problemsOf(build: () => unknown): DaemonPropsError['problems'] {
  return propsErrorOf(build).problems;
}

describe('a bad toleration of a MasterTolerant is the user\'s own tolerations[i], though the kind\'s come first', () => {
  test('a key that is no qualified name', () => {
    expect(propsErrorMessage(() => masterTolerantManifest(MASTER_OWNER, 'agent', { image: IMAGE, tolerations: [Toleration.exists('bad key')] }))).toBe(
      `${MASTER_OWNER}: tolerations[0] (spec.template.spec.tolerations[2].key): Invalid value: "bad key": ${NAME_PART_IN_WORDS}`,
    );
  });

  test('a toleration from a raw spec', () => {
    const tolerations = [Toleration.fromSpec({ operator: 'Equal', value: 'x' })];
    expect(propsErrorMessage(() => masterTolerantManifest(MASTER_OWNER, 'agent', { image: IMAGE, tolerations }))).toBe(
      `${MASTER_OWNER}: tolerations[0] (spec.template.spec.tolerations[2].operator): Invalid value: "Equal": ` +
        'operator must be Exists when `key` is empty, which means "match all values and all keys"',
    );
  });

  test('a key with two slashes, which only the qualified-name rule refuses', () => {
    const tolerations = [Toleration.exists('example.com/pool/a')];
    expect(propsErrorMessage(() => masterTolerantManifest(MASTER_OWNER, 'agent', { image: IMAGE, kubernetesVersion: '1.29', tolerations }))).toBe(
      `${MASTER_OWNER}: tolerations[0] (spec.template.spec.tolerations[1].key): Invalid value: "example.com/pool/a": ` +
        "must be a name made of letters, digits, '-', '_' and '.', starting and ending with a letter or digit, at most 63 characters, " +
        "after an optional DNS subdomain prefix and one '/' (e.g. 'MyName' or 'example.com/MyName')",
    );
  });

  test('user tolerations that repeat the kind\'s are not written, and do not shift the index named', () => {
    const tolerations = [Toleration.controlPlane({ kubernetesVersion: '1.29' })[0], Toleration.exists('-bad-')];
    expect(problemsOf(() => masterTolerantManifest(MASTER_OWNER, 'agent', { image: IMAGE, tolerations }))).toEqual([
      { field: 'tolerations[1]', path: 'spec.template.spec.tolerations[2].key', message: `Invalid value: "-bad-": ${NAME_PART_IN_WORDS}` },
    ]);
  });

  test('a toleration that a kind adds has no prop, and is named by its field path', () => {
    const problems = problemsOf(() =>
      buildDaemonSet(OWNER, 'agent', { image: IMAGE, tolerations: [Toleration.exists('user')] }, { tolerations: [Toleration.exists('bad kind key')] }),
    );
    expect(problems).toEqual([{ field: 'spec.template.spec.tolerations[0].key', message: `Invalid value: "bad kind key": ${NAME_PART_IN_WORDS}` }]);
  });
});

describe('a bad node filter is named as the user wrote it', () => {
  test('a label key, in a filter combined with and', () => {
    const nodes = NodeFilter.linux().and(NodeFilter.labelEquals('-bad key-', 'x'));
    expect(propsErrorMessage(() => nodeFilteredDaemonManifest(FILTERED_OWNER, 'agent', { image: IMAGE, nodes }))).toBe(
      `${FILTERED_OWNER}: nodes: NodeFilter.labelEquals('-bad key-', 'x') (${REQUIRED}[0].matchExpressions[1].key): ` +
        `Invalid value: "-bad key-": ${NAME_PART_IN_WORDS}`,
    );
  });

  test('a requirement that and copies into two terms is reported once', () => {
    const nodes = NodeFilter.labelExists('bad key!').and(NodeFilter.linux().or(NodeFilter.windows()));
    expect(problemsOf(() => nodeFilteredDaemonManifest(FILTERED_OWNER, 'agent', { image: IMAGE, nodes }))).toEqual([
      {
        field: "nodes: NodeFilter.labelExists('bad key!')",
        path: `${REQUIRED}[0].matchExpressions[0].key`,
        message: `Invalid value: "bad key!": ${NAME_PART_IN_WORDS}`,
      },
    ]);
  });

  test('a value missing in the second term of an or', () => {
    const nodes = NodeFilter.architecture('arm64').or(NodeFilter.nodePool(NodePoolLabel.GKE));
    expect(problemsOf(() => nodeFilteredDaemonManifest(FILTERED_OWNER, 'agent', { image: IMAGE, nodes }))).toEqual([
      {
        field: 'nodes: NodeFilter.nodePool(NodePoolLabel.GKE)',
        path: `${REQUIRED}[1].matchExpressions[0].values`,
        message: "Required value: must be specified when `operator` is 'In' or 'NotIn'",
      },
    ]);
  });

  test('the taint key of a GPU filter', () => {
    const nodes = NodeFilter.gpu({ taintKey: 'nvidia.com/gpu/bad' });
    expect(problemsOf(() => nodeFilteredDaemonManifest(FILTERED_OWNER, 'agent', { image: IMAGE, tolerations: [Toleration.exists('a')], nodes }))).toEqual([
      expect.objectContaining({ field: "nodes: NodeFilter.gpu({ taintKey: 'nvidia.com/gpu/bad' })", path: 'spec.template.spec.tolerations[0].key' }),
    ]);
  });

  test('a bad preferredNodes entry is named by the user\'s index, though an earlier entry wrote two terms', () => {
    const preferredNodes = [
      { weight: 10, nodes: NodeFilter.linux().or(NodeFilter.windows()) },
      { weight: 200, nodes: NodeFilter.labelExists('bad key!') },
    ];
    expect(propsErrorMessage(() => nodeDaemonManifest(OWNER, 'agent', { image: IMAGE, preferredNodes }))).toBe(
      `${OWNER}: preferredNodes[1].weight (${PREFERRED}[2].weight): Invalid value: 200: must be in the range 1-100; ` +
        `preferredNodes[1].nodes: NodeFilter.labelExists('bad key!') (${PREFERRED}[2].preference.matchExpressions[0].key): ` +
        `Invalid value: "bad key!": ${NAME_PART_IN_WORDS}`,
    );
  });
});

describe('props in Kubernetes\' own shape are named down to the field', () => {
  test('a sidecar port', () => {
    const sidecars = [{ name: 'exporter', image: 'exporter:1', ports: [{ containerPort: 9100 }, { containerPort: 70000 }] }];
    expect(propsErrorMessage(() => nodeDaemonManifest(OWNER, 'agent', { image: IMAGE, sidecars }))).toBe(
      `${OWNER}: sidecars[0].ports[1].containerPort (spec.template.spec.containers[1].ports[1].containerPort): ` +
        'Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
  });

  test('a host port, which is written after the ports', () => {
    expect(problemsOf(() => nodeDaemonManifest(OWNER, 'agent', { image: IMAGE, ports: [{ containerPort: 2020 }], hostPorts: [9100, 99999] }))).toEqual([
      {
        field: 'hostPorts[1]',
        path: 'spec.template.spec.containers[0].ports[2].containerPort',
        message: 'Invalid value: 99999: must be between 1 and 65535, inclusive',
      },
    ]);
  });

  test('an env var name, given in the env map and in envVars', () => {
    const message = "a valid environment variable name must consist only of printable ASCII characters other than '='";
    expect(propsErrorMessage(() => nodeDaemonManifest(OWNER, 'agent', { image: IMAGE, env: { 'LOG_LEVEL': 'info', 'A=B': 'x' } }))).toBe(
      `${OWNER}: env["A=B"] (spec.template.spec.containers[0].env[1].name): Invalid value: "A=B": ${message}`,
    );
    const envVars = [{ name: 'LOG_LEVEL', value: 'info' }, { name: 'A=B', value: 'x' }];
    expect(propsErrorMessage(() => nodeDaemonManifest(OWNER, 'agent', { image: IMAGE, envVars }))).toBe(
      `${OWNER}: envVars[1].name (spec.template.spec.containers[0].env[1].name): Invalid value: "A=B": ${message}`,
    );
  });

  test('an envVars entry after the env map is named by its own index', () => {
    const envVars = [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }, { name: 'C=D', value: 'x' }];
    expect(problemsOf(() => nodeDaemonManifest(OWNER, 'agent', { image: IMAGE, env: { A: 'a', B: 'b' }, envVars })).map((p) => [p.field, p.path])).toEqual([
      ['envVars[1].name', 'spec.template.spec.containers[0].env[3].name'],
    ]);
  });

  test('a resource limit', () => {
    expect(problemsOf(() => nodeDaemonManifest(OWNER, 'agent', { image: IMAGE, resources: { limits: { memory: 'lots' } } }))).toEqual([
      {
        field: 'resources.limits.memory',
        path: 'spec.template.spec.containers[0].resources.limits[memory]',
        message:
          'Invalid value: "lots": a quantity must be a number, optionally followed by a binary suffix (Ki, Mi, Gi, Ti, Pi, Ei), ' +
          "a decimal one (n, u, m, k, M, G, T, P, E) or an exponent (e.g. '128Mi', '500m' or '1e3')",
      },
    ]);
  });

  test('a volume after the hostPath volumes, and a mount after the hostPath mounts', () => {
    const props = {
      image: IMAGE,
      hostPaths: { '/var/log': { mountPath: '/var/log' } },
      volumes: [{ name: 'Config', configMap: { name: 'agent' } }],
      volumeMounts: [{ name: 'missing', mountPath: '/etc/agent' }],
    };
    expect(problemsOf(() => nodeDaemonManifest(OWNER, 'agent', props)).map((p) => [p.field, p.path])).toEqual([
      ['volumes[0].name', 'spec.template.spec.volumes[1].name'],
      ['volumeMounts[0].name', 'spec.template.spec.containers[0].volumeMounts[1].name'],
    ]);
  });
});

describe('props that everynode turns into something else are named as given', () => {
  test('a host path with a backstep', () => {
    const hostPaths = { '/var/log': { mountPath: '/var/log' }, '/var/lib/../secrets': { mountPath: '/secrets', readOnly: true } };
    expect(propsErrorMessage(() => nodeDaemonManifest(OWNER, 'agent', { image: IMAGE, hostPaths }))).toBe(
      `${OWNER}: hostPaths["/var/lib/../secrets"] (spec.template.spec.volumes[1].hostPath.path): Invalid value: "/var/lib/../secrets": must not contain '..'; ` +
        // The volume the API server refused is not there for the mount to find, as upstream.
        'hostPaths["/var/lib/../secrets"] (spec.template.spec.containers[0].volumeMounts[1].name): Not found: "host-var-lib-secrets"',
    );
  });

  test('a host path mount field is named under its host path', () => {
    const hostPaths = { '/var/log': { mountPath: '' } };
    expect(problemsOf(() => nodeDaemonManifest(OWNER, 'agent', { image: IMAGE, hostPaths })).map((p) => [p.field, p.path])).toEqual([
      ['hostPaths["/var/log"].mountPath', 'spec.template.spec.containers[0].volumeMounts[0].mountPath'],
    ]);
  });

  test('a name too long for a label value is reported once, though three label maps hold it', () => {
    const name = 'a'.repeat(64);
    expect(propsErrorMessage(() => nodeDaemonManifest(OWNER, name, { image: IMAGE }))).toBe(
      `${OWNER}: name (metadata.labels): Invalid value: "${name}": must be no more than 63 characters`,
    );
  });

  test('an instance too long for a label value names instance', () => {
    expect(problemsOf(() => nodeDaemonManifest(OWNER, 'agent', { image: IMAGE, instance: 'i'.repeat(64) })).map((p) => p.field)).toEqual(['instance']);
  });

  test('object and pod labels by key, and the priority class', () => {
    const props = {
      image: IMAGE,
      labels: { 'team': 'platform', 'bad key!': 'x' },
      podLabels: { tier: 'not a value' },
      priorityClass: PriorityClass.of('High'),
      minReadySeconds: -1,
    };
    expect(problemsOf(() => nodeDaemonManifest(OWNER, 'agent', props)).map((p) => [p.field, p.path])).toEqual([
      ['labels["bad key!"]', 'metadata.labels'],
      ['podLabels.tier', 'spec.template.labels'],
      ['priorityClass', 'spec.template.spec.priorityClassName'],
      ['minReadySeconds', 'spec.minReadySeconds'],
    ]);
  });

  test('a label a framework added names the manifest field, not a prop the user never wrote', () => {
    const own = { image: IMAGE, labels: { team: 'platform' } };
    const props = withOwnProps({ ...own, namespace: 'Observability', labels: { chart: 'not a value', ...own.labels } }, own);
    expect(problemsOf(() => nodeDaemonManifest(OWNER, 'agent', props)).map((p) => [p.field, p.path])).toEqual([
      ['metadata.namespace', undefined],
      ['metadata.labels', undefined],
    ]);
  });
});

describe('no construction error shows a regular expression', () => {
  test('a name that is no DNS subdomain says what one is', () => {
    const message = propsErrorMessage(() => nodeDaemonManifest(OWNER, 'Fluent_Bit', { image: IMAGE }));
    expect(message).toBe(
      `${OWNER}: name: "Fluent_Bit" is not a valid DaemonSet name (a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', ` +
        'starting and ending with a letter or digit, at most 253 characters): set name to a lowercase name such as "fluent-bit"',
    );
  });

  test('a namespace that is no DNS label says what one is', () => {
    expect(propsErrorMessage(() => nodeDaemonManifest(OWNER, 'agent', { image: IMAGE, namespace: 'Logging' }))).toBe(
      `${OWNER}: namespace (metadata.namespace): Invalid value: "Logging": must be a DNS-1123 label: lowercase letters, digits and '-', ` +
        "starting and ending with a letter or digit, at most 63 characters (e.g. 'my-name' or '123-abc')",
    );
  });

  test.each<[string, Parameters<typeof nodeDaemonManifest>[2]]>([
    ['a label value', { image: IMAGE, labels: { team: '-x-' } }],
    ['an annotation key', { image: IMAGE, annotations: { 'a/b/c': 'x' } }],
    ['a node selector prefix', { image: IMAGE, nodeSelector: { 'Example.com/pool': 'a' } }],
    ['a config map key', { image: IMAGE, envVars: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'cm', key: 'a b' } } }] }],
    ['an HTTP header', { image: IMAGE, livenessProbe: { httpGet: { port: 80, httpHeaders: [{ name: 'X Header', value: 'v' }] } } }],
    ['an init container name', { image: IMAGE, initContainers: [{ name: 'Init', image: 'i' }] }],
    ['a sysctl', { image: IMAGE, podSecurityContext: { sysctls: [{ name: 'Net.Bad', value: '1' }] } }],
    ['a service account', { image: IMAGE, serviceAccountName: 'Agent' }],
  ])('%s', (_, props) => {
    const message = propsErrorMessage(() => nodeDaemonManifest(OWNER, 'agent', props));
    expect(message).not.toMatch(/regex|regular expression|\[a-z|\*\)|\$'/);
  });

  test('validateDaemonSet keeps the API server\'s field path and words, regular expression included', () => {
    const manifest = structuredClone(nodeDaemonManifest(OWNER, 'agent', { image: IMAGE }));
    manifest.spec!.template.spec!.tolerations = [
      { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' },
      { key: 'bad key', operator: 'Exists' },
    ];
    manifest.metadata!.name = 'Fluent_Bit';
    expect(validateDaemonSet(manifest)).toEqual([
      {
        field: 'metadata.name',
        type: 'Invalid',
        value: 'Fluent_Bit',
        // IsDNS1123Subdomain, with upstream RegexError's wording.
        message:
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an " +
          "alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      },
      {
        field: 'spec.template.spec.tolerations[1].key',
        type: 'Invalid',
        value: 'bad key',
        // IsQualifiedName.
        message:
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
          "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      },
    ]);
  });
});

describe('NodeFilter.toString', () => {
  test.each<[NodeFilter, string]>([
    [NodeFilter.labelEquals('pool', "it's"), "NodeFilter.labelEquals('pool', 'it\\'s')"],
    [NodeFilter.os(OperatingSystem.WINDOWS), 'NodeFilter.os(OperatingSystem.WINDOWS)'],
    [NodeFilter.nodePool('example.com/pool', 'a', 'b'), "NodeFilter.nodePool('example.com/pool', 'a', 'b')"],
    [NodeFilter.gpu(), 'NodeFilter.gpu()'],
    [NodeFilter.labelGreaterThan('cores', 8), "NodeFilter.labelGreaterThan('cores', 8)"],
    [NodeFilter.linux().and(NodeFilter.named('a'), NodeFilter.gpu({ label: 'gpu' })), "NodeFilter.linux().and(NodeFilter.named('a'), NodeFilter.gpu({ label: 'gpu' }))"],
    [NodeFilter.anyOf(NodeFilter.windows(), NodeFilter.notNamed('b')), "NodeFilter.anyOf(NodeFilter.windows(), NodeFilter.notNamed('b'))"],
    [NodeFilter.allOf(NodeFilter.linux(), NodeFilter.architecture('arm64')), "NodeFilter.allOf(NodeFilter.linux(), NodeFilter.architecture('arm64'))"],
  ])('%s', (filter, description) => {
    expect(String(filter)).toBe(description);
  });
});
