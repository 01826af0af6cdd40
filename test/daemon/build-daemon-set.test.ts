import { propsErrorOf } from './props-error-of';
import {
  DaemonProps,
  DaemonPropsError,
  DnsPolicy,
  HostPathType,
  NodeFilter,
  NodeFilteredDaemonProps,
  PodCount,
  PriorityClass,
  Rollout,
  TaintEffect,
  Toleration,
  validateDaemonSet,
} from '../../src';
import { Container, DaemonSetManifest, buildDaemonSet, masterTolerantManifest, nodeDaemonManifest, nodeFilteredDaemonManifest } from '../../src/daemon';

const OWNER = 'NodeDaemon agents/fluent-bit';
const IMAGE = 'cr.fluentbit.io/fluent/fluent-bit:3.2.0';

/** Every manifest these tests build must be one the API server accepts. */
function accepted(manifest: DaemonSetManifest): DaemonSetManifest {
  expect(validateDaemonSet(manifest)).toEqual([]);
  return manifest;
}

function build(props: Partial<DaemonProps> = {}, name = 'fluent-bit'): DaemonSetManifest {
  return accepted(buildDaemonSet(OWNER, name, { image: IMAGE, ...props }));
}

const podSpec = (manifest: DaemonSetManifest) => manifest.spec!.template.spec!;
const agent = (manifest: DaemonSetManifest) => podSpec(manifest).containers[0];

const fields = (error: DaemonPropsError) => error.problems.map((p) => p.field);

describe('the minimal DaemonSet', () => {
  test('holds the selector labels, the default rollout and nothing invented', () => {
    expect(build()).toEqual({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {
        name: 'fluent-bit',
        labels: { 'app.kubernetes.io/name': 'fluent-bit', 'app.kubernetes.io/instance': 'fluent-bit' },
      },
      spec: {
        selector: { matchLabels: { 'app.kubernetes.io/name': 'fluent-bit', 'app.kubernetes.io/instance': 'fluent-bit' } },
        template: {
          metadata: { labels: { 'app.kubernetes.io/name': 'fluent-bit', 'app.kubernetes.io/instance': 'fluent-bit' } },
          spec: { containers: [{ name: 'fluent-bit', image: IMAGE }] },
        },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
        minReadySeconds: 0,
        revisionHistoryLimit: 10,
      },
    });
  });

  test('writes no key whose value is undefined', () => {
    const manifest = build();
    const undefinedKeys: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (value === null || typeof value !== 'object') return;
      for (const [key, child] of Object.entries(value)) {
        if (child === undefined) undefinedKeys.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
    };
    walk(manifest, '$');
    expect(undefinedKeys).toEqual([]);
  });

  test('invents no resources and no security context', () => {
    const manifest = build({ sidecars: [{ name: 'reloader', image: 'reloader:1' }], initContainers: [{ name: 'init', image: 'busybox' }] });
    for (const container of [...podSpec(manifest).containers, ...podSpec(manifest).initContainers!]) {
      expect(container).not.toHaveProperty('resources');
      expect(container).not.toHaveProperty('securityContext');
    }
    expect(podSpec(manifest)).not.toHaveProperty('securityContext');
  });

  test('nodeDaemonManifest adds no placement', () => {
    const manifest = accepted(nodeDaemonManifest(OWNER, 'fluent-bit', { image: IMAGE }));
    expect(manifest).toEqual(build());
    expect(podSpec(manifest)).not.toHaveProperty('affinity');
    expect(podSpec(manifest)).not.toHaveProperty('tolerations');
  });
});

describe('identity', () => {
  test('selector labels come from the name and are the same in selector, template and object labels', () => {
    const manifest = build({}, 'node-exporter');
    const expected = { 'app.kubernetes.io/name': 'node-exporter', 'app.kubernetes.io/instance': 'node-exporter' };
    expect(manifest.spec!.selector.matchLabels).toEqual(expected);
    expect(manifest.spec!.template.metadata!.labels).toEqual(expected);
    expect(manifest.metadata!.labels).toEqual(expected);
  });

  test('props.name wins over the name argument, everywhere', () => {
    const manifest = build({ name: 'fluent-bit-v2' }, 'construct-id');
    expect(manifest.metadata!.name).toBe('fluent-bit-v2');
    expect(manifest.spec!.selector.matchLabels).toEqual({
      'app.kubernetes.io/name': 'fluent-bit-v2',
      'app.kubernetes.io/instance': 'fluent-bit-v2',
    });
    expect(agent(manifest).name).toBe('fluent-bit-v2');
  });

  test('instance overrides app.kubernetes.io/instance only', () => {
    const manifest = build({ instance: 'logging' });
    const expected = { 'app.kubernetes.io/name': 'fluent-bit', 'app.kubernetes.io/instance': 'logging' };
    expect(manifest.spec!.selector.matchLabels).toEqual(expected);
    expect(manifest.spec!.template.metadata!.labels).toEqual(expected);
    expect(manifest.metadata!.labels).toEqual(expected);
  });

  test('selectorLabels adopt an existing selector, replacing the app.kubernetes.io labels', () => {
    const manifest = build({ selectorLabels: { 'k8s-app': 'kube-proxy' } }, 'kube-proxy');
    expect(manifest.spec!.selector).toEqual({ matchLabels: { 'k8s-app': 'kube-proxy' } });
    expect(manifest.spec!.template.metadata!.labels).toEqual({ 'k8s-app': 'kube-proxy' });
    expect(manifest.metadata!.labels).toEqual({ 'k8s-app': 'kube-proxy' });
  });

  test('empty selectorLabels are rejected, naming selectorLabels', () => {
    const error = propsErrorOf(() => buildDaemonSet(OWNER, 'fluent-bit', { image: IMAGE, selectorLabels: {} }));
    expect(fields(error)).toEqual(['selectorLabels']);
  });

  test('object labels are added beside the selector labels, which win', () => {
    const manifest = build({ labels: { 'team': 'platform', 'app.kubernetes.io/name': 'other' } });
    expect(manifest.metadata!.labels).toEqual({
      'team': 'platform',
      'app.kubernetes.io/name': 'fluent-bit',
      'app.kubernetes.io/instance': 'fluent-bit',
    });
    expect(manifest.spec!.template.metadata!.labels).not.toHaveProperty('team');
  });

  test('podLabels are added to the template only', () => {
    const manifest = build({ podLabels: { team: 'platform' } });
    expect(manifest.spec!.template.metadata!.labels).toEqual({
      'team': 'platform',
      'app.kubernetes.io/name': 'fluent-bit',
      'app.kubernetes.io/instance': 'fluent-bit',
    });
    expect(manifest.spec!.selector.matchLabels).not.toHaveProperty('team');
    expect(manifest.metadata!.labels).not.toHaveProperty('team');
  });

  test('a podLabel that changes a selector label is rejected, naming it', () => {
    const error = propsErrorOf(() =>
      buildDaemonSet(OWNER, 'fluent-bit', { image: IMAGE, podLabels: { 'app.kubernetes.io/name': 'something-else' } }),
    );
    expect(fields(error)).toEqual(['podLabels["app.kubernetes.io/name"]']);
    expect(error.message).toContain('podLabels["app.kubernetes.io/name"]: ');
  });

  test('a podLabel that changes an adopted selector label is rejected', () => {
    const error = propsErrorOf(() =>
      buildDaemonSet(OWNER, 'kube-proxy', { image: IMAGE, selectorLabels: { 'k8s-app': 'kube-proxy' }, podLabels: { 'k8s-app': 'proxy' } }),
    );
    expect(fields(error)).toEqual(['podLabels["k8s-app"]']);
  });

  test('a podLabel may repeat a selector label with the same value', () => {
    const manifest = build({ podLabels: { 'app.kubernetes.io/name': 'fluent-bit', 'tier': 'node' } });
    expect(manifest.spec!.template.metadata!.labels).toEqual({
      'app.kubernetes.io/name': 'fluent-bit',
      'app.kubernetes.io/instance': 'fluent-bit',
      'tier': 'node',
    });
  });

  test('with adopted selectorLabels, app.kubernetes.io/name is an ordinary pod label', () => {
    const manifest = build({ selectorLabels: { 'k8s-app': 'kube-proxy' }, podLabels: { 'app.kubernetes.io/name': 'proxy' } }, 'kube-proxy');
    expect(manifest.spec!.template.metadata!.labels).toEqual({ 'k8s-app': 'kube-proxy', 'app.kubernetes.io/name': 'proxy' });
  });

  test('annotations go on the object and podAnnotations on the template', () => {
    const manifest = build({ namespace: 'logging', annotations: { owner: 'sre' }, podAnnotations: { 'prometheus.io/scrape': 'true' } });
    expect(manifest.metadata).toMatchObject({ namespace: 'logging', annotations: { owner: 'sre' } });
    expect(manifest.spec!.template.metadata!.annotations).toEqual({ 'prometheus.io/scrape': 'true' });
  });
});

describe('the agent container', () => {
  test('containerName overrides the container name', () => {
    expect(agent(build({ containerName: 'agent' })).name).toBe('agent');
  });

  test('command, args, probes, resources and securityContext are written as given', () => {
    const probe = { httpGet: { path: '/healthz', port: 2020 } };
    const manifest = build({
      command: ['/fluent-bit/bin/fluent-bit'],
      args: ['-c', '/etc/fluent-bit.conf'],
      livenessProbe: probe,
      readinessProbe: probe,
      resources: { requests: { cpu: '50m', memory: '64Mi' } },
      securityContext: { privileged: true },
    });
    expect(agent(manifest)).toEqual({
      name: 'fluent-bit',
      image: IMAGE,
      command: ['/fluent-bit/bin/fluent-bit'],
      args: ['-c', '/etc/fluent-bit.conf'],
      livenessProbe: probe,
      readinessProbe: probe,
      resources: { requests: { cpu: '50m', memory: '64Mi' } },
      securityContext: { privileged: true },
    });
  });

  test('an env map becomes a list of EnvVars, in order', () => {
    expect(agent(build({ env: { LOG_LEVEL: 'info', CLUSTER: 'prod' } })).env).toEqual([
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'CLUSTER', value: 'prod' },
    ]);
  });

  test('envVars are written as given, valueFrom included', () => {
    const envVars = [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }];
    expect(agent(build({ envVars })).env).toEqual(envVars);
  });

  test('the env map comes first, then envVars', () => {
    const envVars = [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }];
    expect(agent(build({ env: { LOG_LEVEL: 'info' }, envVars })).env).toEqual([{ name: 'LOG_LEVEL', value: 'info' }, ...envVars]);
  });

  test('a name in both env and envVars is refused, naming the envVars entry', () => {
    const envVars = [
      { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'LOG_LEVEL', value: 'debug' },
    ];
    expect(() => build({ env: { LOG_LEVEL: 'info' }, envVars })).toThrow(
      new DaemonPropsError(OWNER, [{ field: 'envVars[1].name', message: '"LOG_LEVEL" is in env too: set each variable in one of them' }]),
    );
  });

  test('a list given as env, as JavaScript callers of the old API would, is refused naming envVars', () => {
    const env = [{ name: 'NODE_NAME', value: 'x' }] as unknown as Record<string, string>;
    expect(() => build({ env })).toThrow(`${OWNER}: env: must map names to values, e.g. { LOG_LEVEL: "info" }: give Kubernetes EnvVars in envVars`);
  });

  test('an empty env writes no env', () => {
    expect(agent(build({ env: {} }))).not.toHaveProperty('env');
    expect(agent(build({ envVars: [] }))).not.toHaveProperty('env');
    expect(agent(build({ env: {}, envVars: [] }))).not.toHaveProperty('env');
  });

  test('hostPaths become hostPath volumes named after the path, and mounts', () => {
    const manifest = build({
      hostPaths: {
        '/var/log': { mountPath: '/var/log' },
        '/var/lib/docker/containers': { mountPath: '/var/lib/docker/containers', readOnly: true },
        '/': { mountPath: '/host', readOnly: true, type: HostPathType.DIRECTORY },
      },
    });
    expect(podSpec(manifest).volumes).toEqual([
      { name: 'host-var-log', hostPath: { path: '/var/log' } },
      { name: 'host-var-lib-docker-containers', hostPath: { path: '/var/lib/docker/containers' } },
      { name: 'host-root', hostPath: { path: '/', type: 'Directory' } },
    ]);
    expect(agent(manifest).volumeMounts).toEqual([
      { name: 'host-var-log', mountPath: '/var/log' },
      { name: 'host-var-lib-docker-containers', mountPath: '/var/lib/docker/containers', readOnly: true },
      { name: 'host-root', mountPath: '/host', readOnly: true },
    ]);
  });

  test.each([
    [HostPathType.DIRECTORY_OR_CREATE, 'DirectoryOrCreate'],
    [HostPathType.DIRECTORY, 'Directory'],
    [HostPathType.FILE_OR_CREATE, 'FileOrCreate'],
    [HostPathType.FILE, 'File'],
    [HostPathType.SOCKET, 'Socket'],
    [HostPathType.CHAR_DEVICE, 'CharDevice'],
    [HostPathType.BLOCK_DEVICE, 'BlockDevice'],
  ])('HostPathType %s is written as Kubernetes spells it', (type, written) => {
    const [volume] = podSpec(build({ hostPaths: { '/run/containerd/containerd.sock': { mountPath: '/run/containerd.sock', type } } })).volumes!;
    expect(volume.hostPath).toEqual({ path: '/run/containerd/containerd.sock', type: written });
  });

  test('readOnly: false writes no readOnly', () => {
    const [mount] = agent(build({ hostPaths: { '/var/log': { mountPath: '/logs', readOnly: false } } })).volumeMounts!;
    expect(mount).toEqual({ name: 'host-var-log', mountPath: '/logs' });
    expect(mount).not.toHaveProperty('readOnly');
  });

  test('host paths that slug the same get distinct volume names', () => {
    const manifest = build({ hostPaths: { '/var/log': { mountPath: '/var/log' }, '/var/log/': { mountPath: '/logs' }, '/var-log': { mountPath: '/other' } } });
    const names = podSpec(manifest).volumes!.map((v) => v.name);
    expect(names[0]).toBe('host-var-log');
    expect(new Set(names).size).toBe(3);
    expect(agent(manifest).volumeMounts!.map((m) => m.name)).toEqual(names);
    expect(podSpec(manifest).volumes!.map((v) => v.hostPath!.path)).toEqual(['/var/log', '/var/log/', '/var-log']);
  });

  test('a very long host path still gives a valid volume name', () => {
    const deep = `/${'a'.repeat(40)}/${'b'.repeat(40)}`;
    const manifest = build({ hostPaths: { [deep]: { mountPath: '/deep' }, [`${deep}/`]: { mountPath: '/deep2' } } });
    for (const volume of podSpec(manifest).volumes!) expect(volume.name.length).toBeLessThanOrEqual(63);
  });

  test('hostPath volumes and mounts come before the user-given ones', () => {
    const manifest = build({
      hostPaths: { '/var/log': { mountPath: '/var/log' } },
      volumes: [{ name: 'config', configMap: { name: 'fluent-bit' } }],
      volumeMounts: [{ name: 'config', mountPath: '/fluent-bit/etc' }],
    });
    expect(podSpec(manifest).volumes!.map((v) => v.name)).toEqual(['host-var-log', 'config']);
    expect(agent(manifest).volumeMounts!.map((m) => m.name)).toEqual(['host-var-log', 'config']);
  });

  test('hostPorts become TCP container ports with the same hostPort, after the given ports', () => {
    const manifest = build({ ports: [{ name: 'http', containerPort: 2020 }], hostPorts: [9100, 9101] });
    expect(agent(manifest).ports).toEqual([
      { name: 'http', containerPort: 2020 },
      { containerPort: 9100, hostPort: 9100, protocol: 'TCP' },
      { containerPort: 9101, hostPort: 9101, protocol: 'TCP' },
    ]);
  });
});

describe('the pod', () => {
  test('hostNetwork sets dnsPolicy ClusterFirstWithHostNet', () => {
    const spec = podSpec(build({ hostNetwork: true }));
    expect(spec.hostNetwork).toBe(true);
    expect(spec.dnsPolicy).toBe('ClusterFirstWithHostNet');
  });

  test('a given dnsPolicy wins over the hostNetwork default', () => {
    expect(podSpec(build({ hostNetwork: true, dnsPolicy: DnsPolicy.DEFAULT })).dnsPolicy).toBe('Default');
  });

  test.each([
    [DnsPolicy.CLUSTER_FIRST, 'ClusterFirst'],
    [DnsPolicy.CLUSTER_FIRST_WITH_HOST_NET, 'ClusterFirstWithHostNet'],
    [DnsPolicy.DEFAULT, 'Default'],
  ])('DnsPolicy %s is written as Kubernetes spells it', (dnsPolicy, written) => {
    expect(podSpec(build({ dnsPolicy })).dnsPolicy).toBe(written);
  });

  test('without hostNetwork no dnsPolicy is written', () => {
    expect(podSpec(build())).not.toHaveProperty('dnsPolicy');
    expect(podSpec(build({ hostNetwork: false }))).not.toHaveProperty('dnsPolicy');
  });

  test.each([
    [PriorityClass.SYSTEM_NODE_CRITICAL, 'system-node-critical'],
    [PriorityClass.SYSTEM_CLUSTER_CRITICAL, 'system-cluster-critical'],
    [PriorityClass.of('logging-high'), 'logging-high'],
  ])('priorityClass %# writes priorityClassName %s', (priorityClass, name) => {
    expect(podSpec(build({ priorityClass })).priorityClassName).toBe(name);
  });

  test('pod-level props are written as given', () => {
    const spec = podSpec(
      build({
        imagePullSecrets: ['registry'],
        serviceAccountName: 'fluent-bit',
        automountServiceAccountToken: false,
        hostPID: true,
        hostIPC: true,
        terminationGracePeriodSeconds: 10,
        runtimeClassName: 'nvidia',
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        podSecurityContext: { fsGroup: 2000 },
      }),
    );
    expect(spec).toMatchObject({
      imagePullSecrets: [{ name: 'registry' }],
      serviceAccountName: 'fluent-bit',
      automountServiceAccountToken: false,
      hostPID: true,
      hostIPC: true,
      terminationGracePeriodSeconds: 10,
      runtimeClassName: 'nvidia',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      securityContext: { fsGroup: 2000 },
    });
  });

  test('minReadySeconds and revisionHistoryLimit are written as given', () => {
    expect(build({ minReadySeconds: 30, revisionHistoryLimit: 3 }).spec).toMatchObject({ minReadySeconds: 30, revisionHistoryLimit: 3 });
  });

  test('sidecars and init containers are written after the agent', () => {
    const sidecar: Container = { name: 'reloader', image: 'reloader:1' };
    const init: Container = { name: 'init', image: 'busybox' };
    const spec = podSpec(build({ sidecars: [sidecar], initContainers: [init] }));
    expect(spec.containers.map((c) => c.name)).toEqual(['fluent-bit', 'reloader']);
    expect(spec.initContainers).toEqual([init]);
  });
});

describe('hardened', () => {
  const RESTRICTED = {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };

  test('puts the restricted context on every container, sidecars and init containers included', () => {
    const spec = podSpec(
      build({
        hardened: true,
        sidecars: [{ name: 'reloader', image: 'reloader:1' }],
        initContainers: [{ name: 'init', image: 'busybox' }],
      }),
    );
    expect(spec.containers).toHaveLength(2);
    for (const container of [...spec.containers, ...spec.initContainers!]) {
      expect(container.securityContext).toEqual(RESTRICTED);
    }
    expect(spec.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
  });

  test('fields the user set win over the hardened ones', () => {
    const spec = podSpec(
      build({
        hardened: true,
        securityContext: { readOnlyRootFilesystem: false, runAsUser: 1000 },
        podSecurityContext: { runAsNonRoot: false, fsGroup: 2000 },
        sidecars: [{ name: 'reloader', image: 'reloader:1', securityContext: { capabilities: { add: ['NET_ADMIN'] } } }],
      }),
    );
    expect(spec.containers[0].securityContext).toEqual({ ...RESTRICTED, readOnlyRootFilesystem: false, runAsUser: 1000 });
    expect(spec.containers[1].securityContext).toEqual({ ...RESTRICTED, capabilities: { add: ['NET_ADMIN'] } });
    expect(spec.securityContext).toEqual({ runAsNonRoot: false, fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } });
  });

  test('does not change the sidecars given', () => {
    const sidecar: Container = { name: 'reloader', image: 'reloader:1' };
    build({ hardened: true, sidecars: [sidecar] });
    expect(sidecar).toEqual({ name: 'reloader', image: 'reloader:1' });
  });
});

describe('preferredNodes', () => {
  test('become weighted preference terms, one per term of the filter', () => {
    const manifest = build({
      preferredNodes: [
        { weight: 50, nodes: NodeFilter.labelEquals('pool', 'a').or(NodeFilter.labelEquals('pool', 'b')) },
        { weight: 10, nodes: NodeFilter.architecture('arm64') },
      ],
    });
    expect(podSpec(manifest).affinity).toEqual({
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 50, preference: { matchExpressions: [{ key: 'pool', operator: 'In', values: ['a'] }] } },
          { weight: 50, preference: { matchExpressions: [{ key: 'pool', operator: 'In', values: ['b'] }] } },
          { weight: 10, preference: { matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }] } },
        ],
      },
    });
  });

  test('do not add the tolerations of their filter', () => {
    expect(podSpec(build({ preferredNodes: [{ weight: 1, nodes: NodeFilter.gpu() }] }))).not.toHaveProperty('tolerations');
  });

  test('a weight outside 1-100 is rejected naming the entry, then the API field path', () => {
    const error = propsErrorOf(() =>
      buildDaemonSet(OWNER, 'fluent-bit', { image: IMAGE, preferredNodes: [{ weight: 0, nodes: NodeFilter.linux() }] }),
    );
    expect(fields(error)).toEqual(['preferredNodes[0].weight']);
    expect(error.problems[0].path).toBe('spec.template.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight');
  });
});

describe('surge rollouts and host ports', () => {
  const surge = Rollout.rollingUpdate({ maxSurge: PodCount.absolute(1) });

  test.each<[string, Partial<DaemonProps>]>([
    ['hostPorts', { hostPorts: [9100] }],
    ['a port with a hostPort', { ports: [{ containerPort: 9100, hostPort: 9100 }] }],
    ['a sidecar port with a hostPort', { sidecars: [{ name: 'exporter', image: 'e:1', ports: [{ containerPort: 9100, hostPort: 9100 }] }] }],
    ['hostNetwork and a declared port', { hostNetwork: true, ports: [{ containerPort: 9100 }] }],
    ['hostNetwork and a declared sidecar port', { hostNetwork: true, sidecars: [{ name: 'exporter', image: 'e:1', ports: [{ containerPort: 9100 }] }] }],
  ])('are rejected with %s, naming rollout.maxSurge', (_, props) => {
    const error = propsErrorOf(() => buildDaemonSet(OWNER, 'fluent-bit', { image: IMAGE, rollout: surge, ...props }));
    expect(fields(error)).toEqual(['rollout.maxSurge']);
  });

  test.each<[string, Partial<DaemonProps>]>([
    ['no ports', {}],
    ['container ports without hostPort', { ports: [{ containerPort: 2020 }] }],
    ['hostNetwork without declared ports', { hostNetwork: true }],
  ])('are allowed with %s', (_, props) => {
    expect(build({ rollout: surge, ...props }).spec!.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
    });
  });

  test('hostPorts are fine with the default rollout and with OnDelete', () => {
    build({ hostPorts: [9100] });
    build({ hostPorts: [9100], rollout: Rollout.onDelete() });
    build({ hostPorts: [9100], rollout: Rollout.rollingUpdate({ maxUnavailable: PodCount.percent(10) }) });
  });
});

describe('DaemonPropsError', () => {
  test('an invalid name is rejected, naming name', () => {
    const error = propsErrorOf(() => buildDaemonSet(OWNER, 'FluentBit', { image: IMAGE }));
    expect(fields(error)).toEqual(['name']);
    expect(error.problems[0].message).toContain('"FluentBit"');
  });

  test('an invalid props.name is rejected, naming name', () => {
    expect(fields(propsErrorOf(() => buildDaemonSet(OWNER, 'ok', { image: IMAGE, name: 'fluent_bit' })))).toEqual(['name']);
  });

  test.each(['', '   '])('image %j is rejected, naming image', (image) => {
    expect(fields(propsErrorOf(() => buildDaemonSet(OWNER, 'fluent-bit', { image })))).toEqual(['image']);
  });

  test('a missing image is rejected, naming image', () => {
    expect(fields(propsErrorOf(() => buildDaemonSet(OWNER, 'fluent-bit', {} as DaemonProps)))).toEqual(['image']);
  });

  test('the message starts with the owner and lists every problem joined with "; "', () => {
    const error = propsErrorOf(() =>
      buildDaemonSet(OWNER, 'FluentBit', {
        image: '',
        rollout: Rollout.rollingUpdate({ maxUnavailable: PodCount.absolute(-1) }),
        podLabels: { 'app.kubernetes.io/instance': 'x' },
      }),
    );
    expect(error.name).toBe('DaemonPropsError');
    expect(error.owner).toBe(OWNER);
    expect(fields(error)).toEqual(['image', 'name', 'rollout.maxUnavailable', 'podLabels["app.kubernetes.io/instance"]']);
    expect(error.message.startsWith(`${OWNER}: image: `)).toBe(true);
    expect(error.message).toBe(`${OWNER}: ${error.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    expect(error.message.split('; ').length).toBeGreaterThanOrEqual(4);
  });

  test('an error the API server would report surfaces with the prop, then its field path', () => {
    const error = propsErrorOf(() =>
      buildDaemonSet(OWNER, 'fluent-bit', { image: IMAGE, tolerations: [Toleration.fromSpec({ operator: 'Equal' })] }),
    );
    expect(fields(error)).toEqual(['tolerations[0]']);
    expect(error.problems[0].message).toMatch(/^Invalid value: "Equal": operator must be Exists when `key` is empty/);
    expect(error.message).toBe(`${OWNER}: tolerations[0] (spec.template.spec.tolerations[0].operator): ${error.problems[0].message}`);
  });

  test('a volume mount that names no volume surfaces with the prop, then its field path', () => {
    const error = propsErrorOf(() =>
      buildDaemonSet(OWNER, 'fluent-bit', { image: IMAGE, volumeMounts: [{ name: 'missing', mountPath: '/x' }] }),
    );
    expect(fields(error)).toEqual(['volumeMounts[0].name']);
    expect(error.problems[0].path).toBe('spec.template.spec.containers[0].volumeMounts[0].name');
  });
});

describe('masterTolerantManifest', () => {
  const MASTER_OWNER = 'MasterTolerant agents/node-exporter';
  const controlPlane = { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' };
  const master = { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' };

  test('tolerates both control-plane taints by default', () => {
    const manifest = accepted(masterTolerantManifest(MASTER_OWNER, 'node-exporter', { image: 'node-exporter:1' }));
    expect(podSpec(manifest).tolerations).toEqual([controlPlane, master]);
  });

  test.each([
    ['1.23', [master]],
    ['1.24', [controlPlane, master]],
    ['1.29', [controlPlane]],
  ])('with kubernetesVersion %s', (kubernetesVersion, expected) => {
    const manifest = accepted(masterTolerantManifest(MASTER_OWNER, 'node-exporter', { image: 'node-exporter:1', kubernetesVersion }));
    expect(podSpec(manifest).tolerations).toEqual(expected);
  });

  test('the kind tolerations come first, then the user ones, each written once', () => {
    const manifest = accepted(
      masterTolerantManifest(MASTER_OWNER, 'node-exporter', {
        image: 'node-exporter:1',
        tolerations: [
          ...Toleration.controlPlane(),
          Toleration.exists('dedicated', { effect: TaintEffect.NO_SCHEDULE }),
          Toleration.fromSpec({ key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' }),
        ],
      }),
    );
    expect(podSpec(manifest).tolerations).toEqual([controlPlane, master, { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }]);
  });

  test('a bad kubernetesVersion is rejected, naming kubernetesVersion', () => {
    const error = propsErrorOf(() => masterTolerantManifest(MASTER_OWNER, 'node-exporter', { image: 'node-exporter:1', kubernetesVersion: 'latest' }));
    expect(error.owner).toBe(MASTER_OWNER);
    expect(fields(error)).toEqual(['kubernetesVersion']);
    expect(error.message).toBe(`${MASTER_OWNER}: kubernetesVersion: must look like "1.29" or "v1.29.3" (got "latest")`);
  });

  test('other props are still checked', () => {
    expect(fields(propsErrorOf(() => masterTolerantManifest(MASTER_OWNER, 'NodeExporter', { image: 'node-exporter:1' })))).toEqual(['name']);
  });
});

describe('nodeFilteredDaemonManifest', () => {
  const FILTERED_OWNER = 'NodeFilteredDaemon agents/dcgm-exporter';
  const gpuProps = (props: Partial<NodeFilteredDaemonProps> = {}): NodeFilteredDaemonProps => ({
    image: 'nvcr.io/nvidia/k8s/dcgm-exporter:3.3.5',
    nodes: NodeFilter.gpu(),
    ...props,
  });

  test('without nodes is rejected, naming nodes', () => {
    const error = propsErrorOf(() => nodeFilteredDaemonManifest(FILTERED_OWNER, 'dcgm-exporter', { image: 'x' } as NodeFilteredDaemonProps));
    expect(error.owner).toBe(FILTERED_OWNER);
    expect(fields(error)).toEqual(['nodes']);
    expect(error.message.startsWith(`${FILTERED_OWNER}: nodes: `)).toBe(true);
  });

  test('with NodeFilter.gpu() writes required node affinity and the GPU toleration', () => {
    const spec = podSpec(accepted(nodeFilteredDaemonManifest(FILTERED_OWNER, 'dcgm-exporter', gpuProps())));
    expect(spec.affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'nvidia.com/gpu.present', operator: 'Exists' }] }],
        },
      },
    });
    expect(spec.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists' }]);
  });

  test('a user toleration that repeats the filter one is written once, after it', () => {
    const spec = podSpec(
      accepted(
        nodeFilteredDaemonManifest(
          FILTERED_OWNER,
          'dcgm-exporter',
          gpuProps({ tolerations: [Toleration.exists('nvidia.com/gpu'), Toleration.exists('dedicated')] }),
        ),
      ),
    );
    expect(spec.tolerations).toEqual([
      { key: 'nvidia.com/gpu', operator: 'Exists' },
      { key: 'dedicated', operator: 'Exists' },
    ]);
  });

  test('required and preferred affinity are written together', () => {
    const spec = podSpec(
      accepted(
        nodeFilteredDaemonManifest(
          FILTERED_OWNER,
          'dcgm-exporter',
          gpuProps({ preferredNodes: [{ weight: 20, nodes: NodeFilter.instanceTypes('p4d.24xlarge') }] }),
        ),
      ),
    );
    expect(spec.affinity!.nodeAffinity).toEqual({
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'nvidia.com/gpu.present', operator: 'Exists' }] }],
      },
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 20, preference: { matchExpressions: [{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['p4d.24xlarge'] }] } },
      ],
    });
  });

  test('a filter without tolerations writes none', () => {
    const spec = podSpec(accepted(nodeFilteredDaemonManifest(FILTERED_OWNER, 'win-agent', { image: 'x:1', nodes: NodeFilter.windows() })));
    expect(spec).not.toHaveProperty('tolerations');
    expect(spec.affinity!.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms).toEqual([
      { matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['windows'] }] },
    ]);
  });

  test('buildDaemonSet places tolerations of the kind, then of the filter, then of the user', () => {
    const manifest = accepted(
      buildDaemonSet(
        OWNER,
        'fluent-bit',
        { image: IMAGE, tolerations: [Toleration.exists('user')] },
        { tolerations: [Toleration.exists('kind')], requiredNodes: NodeFilter.gpu({ taintKey: 'filter' }) },
      ),
    );
    expect(podSpec(manifest).tolerations!.map((t) => t.key)).toEqual(['kind', 'filter', 'user']);
  });
});

describe('names and filters that are valid on their own but not where they are used', () => {
  test('a dotted DaemonSet name gives a container name without dots', () => {
    expect(agent(build({}, 'fluent-bit.logging')).name).toBe('fluent-bit-logging');
  });

  test('a NodeFilter shared by two daemons does not share arrays between their manifests', () => {
    const filter = NodeFilter.architecture('arm64');
    const a = nodeFilteredDaemonManifest(OWNER, 'a', { image: IMAGE, nodes: filter });
    const b = nodeFilteredDaemonManifest(OWNER, 'b', { image: IMAGE, nodes: filter });
    const valuesOf = (m: DaemonSetManifest) =>
      podSpec(m).affinity!.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms[0].matchExpressions![0]
        .values!;
    valuesOf(a).push('amd64');
    expect(valuesOf(b)).toEqual(['arm64']);
    expect(filter.toNodeSelectorTerms()[0].matchExpressions![0].values).toEqual(['arm64']);
  });

  test('a filter term with no requirement, which matches no node, is refused', () => {
    const error = propsErrorOf(() => nodeFilteredDaemonManifest(OWNER, 'a', { image: IMAGE, nodes: NodeFilter.notNamed() }));
    expect(fields(error)).toEqual(['nodes']);
    expect(error.message).toMatch(/matches no node/);
  });

  test('an image with surrounding spaces, which every pod would be refused for, is refused', () => {
    const error = propsErrorOf(() => buildDaemonSet(OWNER, 'a', { image: ' busybox ' }));
    expect(error.problems).toEqual([
      { field: 'image', message: 'must not have leading or trailing whitespace (got " busybox ")' },
    ]);
  });
});
