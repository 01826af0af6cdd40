import { daemonSet, Manifest } from './fixtures';
import { Advisory, evaluatePlacement, node, NodeBuilder, PlacementReport } from '../../src';

type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };

function container(name: string, resources: Resources = {}, extra: Record<string, unknown> = {}) {
  return { name, image: 'busybox', resources, ...extra };
}

/** A DaemonSet with one container asking for `resources`. */
function asking(name: string, resources: Resources, podSpec: Record<string, unknown> = {}): Manifest {
  return daemonSet(name, { containers: [container('main', resources)], ...podSpec });
}

/** A DaemonSet whose one container holds `ports`. */
function withPorts(name: string, ports: Array<Record<string, unknown>>, podSpec: Record<string, unknown> = {}): Manifest {
  return daemonSet(name, { containers: [container('main', {}, { ports })], ...podSpec });
}

function advisoriesOf(report: PlacementReport, name: string): readonly Advisory[] {
  const placement = report.daemonSets.find((d) => d.name === name);
  if (!placement) throw new Error(`no DaemonSet ${name}`);
  return placement.advisories;
}

function codesOn(report: PlacementReport, name: string, nodeName: string): string[] {
  return advisoriesOf(report, name).filter((a) => a.node === nodeName).map((a) => a.code);
}

const small = () => node('small').allocatable({ cpu: '1', memory: '2Gi', pods: '110' });

describe('advisories: InsufficientResource (the scheduler NodeResourcesFit filter, pkg/scheduler/framework/plugins/noderesources/fit.go, with component-helpers resource.PodRequests)', () => {
  it('the summed requests of all DaemonSets placed on a node above its allocatable cpu: every DaemonSet asking for cpu is told', () => {
    const report = evaluatePlacement([asking('a', { requests: { cpu: '600m' } }), asking('b', { requests: { cpu: '600m' } })], [small()]);
    for (const name of ['a', 'b']) {
      expect(advisoriesOf(report, name)).toEqual([
        { code: 'InsufficientResource', node: 'small', message: expect.stringContaining('cpu') },
      ]);
    }
    expect(advisoriesOf(report, 'a')[0].message).toBe('daemon pods request 1.2 cpu, allocatable is 1 (default/a, default/b)');
  });

  it('exactly the allocatable is fine', () => {
    const report = evaluatePlacement([asking('a', { requests: { cpu: '500m' } }), asking('b', { requests: { cpu: '0.5' } })], [small()]);
    expect(report.daemonSets.flatMap((d) => d.advisories)).toEqual([]);
  });

  it.each<[string, Resources, Resources, boolean]>([
    ['memory above allocatable', { requests: { memory: '1Gi' } }, { requests: { memory: '1025Mi' } }, true],
    ['memory within allocatable', { requests: { memory: '1Gi' } }, { requests: { memory: '1Gi' } }, false],
    ['limits count when requests are absent', { limits: { cpu: '800m' } }, { limits: { cpu: '300m' } }, true],
    ['requests win over limits', { requests: { cpu: '100m' }, limits: { cpu: '4' } }, { requests: { cpu: '100m' }, limits: { cpu: '4' } }, false],
    ['limits count per resource: a memory request does not hide a cpu limit', { requests: { memory: '1Mi' }, limits: { cpu: '2' } }, {}, true],
    ['no resources at all', {}, {}, false],
  ])('%s', (_, first, second, expected) => {
    const report = evaluatePlacement([asking('a', first), asking('b', second)], [small()]);
    const all = report.daemonSets.flatMap((d) => d.advisories);
    expect(all.length > 0).toBe(expected);
    expect(all.every((a) => a.code === 'InsufficientResource' && a.node === 'small')).toBe(true);
  });

  it('a DaemonSet checked node by node (it selects on hostnames) adds its requests on exactly the nodes it runs on', () => {
    // 100 distinct hostnames: too many to class nodes by, so the hostname requirement is checked per node.
    const nodes = Array.from({ length: 100 }, (_, i) =>
      node(`n-${i}`).labels({ 'kubernetes.io/hostname': `n-${i}` }).allocatable({ cpu: '1', memory: '2Gi', pods: '110' }));
    const spared = ['n-3', 'n-57'];
    const notSpared = { key: 'kubernetes.io/hostname', operator: 'NotIn', values: spared };
    const required = { nodeSelectorTerms: [{ matchExpressions: [notSpared] }] };
    const pinned = asking('pinned', { requests: { cpu: '600m' } }, { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: required } } });
    const report = evaluatePlacement([asking('everywhere', { requests: { cpu: '600m' } }), pinned], nodes);
    const crowded = report.nodes.filter((name) => !spared.includes(name));
    for (const name of ['everywhere', 'pinned']) {
      expect(advisoriesOf(report, name).map((a) => a.node)).toEqual(crowded);
    }
  });

  it('pods count too: one pod per DaemonSet', () => {
    const daemonSets = [asking('a', {}), asking('b', {})];
    const full = evaluatePlacement(daemonSets, [node('n').allocatable({ cpu: '8', memory: '8Gi', pods: '1' })]);
    expect(codesOn(full, 'a', 'n')).toEqual(['InsufficientResource']);
    expect(advisoriesOf(full, 'a')[0].message).toContain('pods');
    const roomy = evaluatePlacement(daemonSets, [node('n').allocatable({ cpu: '8', memory: '8Gi', pods: '2' })]);
    expect(roomy.daemonSets.flatMap((d) => d.advisories)).toEqual([]);
  });

  it('init containers count as their maximum, not their sum with the app containers', () => {
    const fits = daemonSet('a', {
      initContainers: [container('init-1', { requests: { cpu: '800m' } }), container('init-2', { requests: { cpu: '900m' } })],
      containers: [container('main', { requests: { cpu: '300m' } })],
    });
    expect(evaluatePlacement([fits], [small()]).daemonSets[0].advisories).toEqual([]);

    const tooBig = daemonSet('a', {
      initContainers: [container('init', { requests: { cpu: '1200m' } })],
      containers: [container('main', { requests: { cpu: '300m' } })],
    });
    expect(codesOn(evaluatePlacement([tooBig], [small()]), 'a', 'small')).toEqual(['InsufficientResource']);
  });

  it('restartable init containers (restartPolicy: Always) run beside the app containers and add up', () => {
    const sidecar = daemonSet('a', {
      initContainers: [container('sidecar', { requests: { cpu: '800m' } }, { restartPolicy: 'Always' })],
      containers: [container('main', { requests: { cpu: '300m' } })],
    });
    expect(codesOn(evaluatePlacement([sidecar], [small()]), 'a', 'small')).toEqual(['InsufficientResource']);
  });

  it('a plain init container runs beside the sidecars started before it', () => {
    // sidecar 500m, then init 600m while the sidecar runs: peak 1.1 > 1, though app containers need only 0.6.
    const pod = daemonSet('a', {
      initContainers: [
        container('sidecar', { requests: { cpu: '500m' } }, { restartPolicy: 'Always' }),
        container('init', { requests: { cpu: '600m' } }),
      ],
      containers: [container('main', { requests: { cpu: '100m' } })],
    });
    expect(codesOn(evaluatePlacement([pod], [small()]), 'a', 'small')).toEqual(['InsufficientResource']);
  });

  it('a node that reports no allocatable is not checked', () => {
    const report = evaluatePlacement([asking('a', { requests: { cpu: '64', memory: '1Ti' } })], [node('unknown')]);
    expect(report.daemonSets[0].advisories).toEqual([]);
  });

  it('only DaemonSets placed on the node count', () => {
    const report = evaluatePlacement(
      [asking('a', { requests: { cpu: '600m' } }), asking('gpu-only', { requests: { cpu: '600m' } }, { nodeSelector: { gpu: 'true' } })],
      [small(), node('gpu').labels({ gpu: 'true' }).allocatable({ cpu: '1', memory: '2Gi', pods: '110' })],
    );
    expect(codesOn(report, 'a', 'small')).toEqual([]);
    expect(codesOn(report, 'a', 'gpu')).toEqual(['InsufficientResource']);
    expect(codesOn(report, 'gpu-only', 'gpu')).toEqual(['InsufficientResource']);
    expect(codesOn(report, 'gpu-only', 'small')).toEqual([]);
  });

  it('DaemonSets pinned by node name count on their node', () => {
    const pinned = daemonSet('pinned', { nodeName: 'b', containers: [container('main', { requests: { cpu: '600m' } })] });
    const report = evaluatePlacement([asking('all', { requests: { cpu: '600m' } }), pinned], [
      node('a').allocatable({ cpu: '1', pods: '110' }),
      node('b').allocatable({ cpu: '1', pods: '110' }),
    ]);
    expect(codesOn(report, 'all', 'a')).toEqual([]);
    expect(codesOn(report, 'all', 'b')).toEqual(['InsufficientResource']);
    expect(codesOn(report, 'pinned', 'b')).toEqual(['InsufficientResource']);
  });

  it('advisories never change shouldRun', () => {
    const report = evaluatePlacement([asking('a', { requests: { cpu: '2' } })], [small()]);
    expect(report.daemonSets[0].advisories).toHaveLength(1);
    expect(report.daemonSets[0].placements).toEqual([{ node: 'small', shouldRun: true, shouldContinueRunning: true, reasons: [] }]);
    expect(report.daemonSets[0].desiredNumberScheduled).toBe(1);
  });
});

describe('advisories: HostPortConflict (the scheduler NodePorts filter, pkg/scheduler/framework/plugins/nodeports/node_ports.go)', () => {
  const nodes = (): NodeBuilder[] => [node('w-1'), node('w-2')];

  it('two DaemonSets that want the same hostPort and protocol on one node: both are told, on every such node', () => {
    const report = evaluatePlacement([withPorts('a', [{ containerPort: 9100, hostPort: 9100 }]), withPorts('b', [{ containerPort: 9101, hostPort: 9100 }])], nodes());
    expect(advisoriesOf(report, 'a')).toEqual([
      { code: 'HostPortConflict', node: 'w-1', message: 'host port 9100/TCP is also wanted by default/b' },
      { code: 'HostPortConflict', node: 'w-2', message: 'host port 9100/TCP is also wanted by default/b' },
    ]);
    expect(advisoriesOf(report, 'b').map((a) => [a.code, a.node, a.message])).toEqual([
      ['HostPortConflict', 'w-1', 'host port 9100/TCP is also wanted by default/a'],
      ['HostPortConflict', 'w-2', 'host port 9100/TCP is also wanted by default/a'],
    ]);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, boolean]>([
    ['same port, TCP and UDP', { containerPort: 53, hostPort: 53, protocol: 'TCP' }, { containerPort: 53, hostPort: 53, protocol: 'UDP' }, false],
    ['same port, protocol omitted (TCP) and TCP', { containerPort: 80, hostPort: 80 }, { containerPort: 80, hostPort: 80, protocol: 'TCP' }, true],
    ['same port, both UDP', { containerPort: 8125, hostPort: 8125, protocol: 'UDP' }, { containerPort: 8125, hostPort: 8125, protocol: 'UDP' }, true],
    ['different ports', { containerPort: 80, hostPort: 80 }, { containerPort: 80, hostPort: 81 }, false],
    ['containerPort only, no hostNetwork: no host port at all', { containerPort: 80 }, { containerPort: 80 }, false],
    ['two distinct host IPs', { containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }, { containerPort: 80, hostPort: 80, hostIP: '10.0.0.2' }, false],
    ['the same host IP', { containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }, { containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }, true],
    ['no host IP (0.0.0.0) and a host IP', { containerPort: 80, hostPort: 80 }, { containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }, true],
    ['0.0.0.0 and a host IP', { containerPort: 80, hostPort: 80, hostIP: '0.0.0.0' }, { containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }, true],
    // HostPortInfo.CheckConflict widens only 0.0.0.0 (what "" becomes), not the IPv6 any-address.
    ['"::" and a host IP', { containerPort: 80, hostPort: 80, hostIP: '::' }, { containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }, false],
  ])('%s → conflict %s', (_, first, second, expected) => {
    const report = evaluatePlacement([withPorts('a', [first]), withPorts('b', [second])], nodes());
    expect(codesOn(report, 'a', 'w-1')).toEqual(expected ? ['HostPortConflict'] : []);
    expect(codesOn(report, 'b', 'w-1')).toEqual(expected ? ['HostPortConflict'] : []);
  });

  it('a hostNetwork pod holds its containerPorts on the node (pod defaulting sets hostPort = containerPort)', () => {
    const report = evaluatePlacement(
      [withPorts('exporter', [{ containerPort: 9100 }], { hostNetwork: true }), withPorts('other', [{ containerPort: 9100, hostPort: 9100 }])],
      nodes(),
    );
    expect(codesOn(report, 'exporter', 'w-1')).toEqual(['HostPortConflict']);
    expect(codesOn(report, 'other', 'w-2')).toEqual(['HostPortConflict']);
  });

  it('two hostNetwork pods on the same containerPort conflict', () => {
    const report = evaluatePlacement(
      [withPorts('a', [{ containerPort: 10250 }], { hostNetwork: true }), withPorts('b', [{ containerPort: 10250 }], { hostNetwork: true })],
      nodes(),
    );
    expect(codesOn(report, 'a', 'w-1')).toEqual(['HostPortConflict']);
  });

  it('no conflict on a node where only one of the two is placed', () => {
    const report = evaluatePlacement(
      [withPorts('a', [{ containerPort: 80, hostPort: 80 }]), withPorts('b', [{ containerPort: 80, hostPort: 80 }], { nodeSelector: { edge: 'true' } })],
      [node('plain'), node('edge').labels({ edge: 'true' }), node('tainted').labels({ edge: 'true' }).taint('dedicated=x:NoSchedule')],
    );
    expect(codesOn(report, 'a', 'plain')).toEqual([]);
    expect(codesOn(report, 'a', 'edge')).toEqual(['HostPortConflict']);
    expect(codesOn(report, 'b', 'edge')).toEqual(['HostPortConflict']);
    expect(codesOn(report, 'a', 'tainted')).toEqual([]);
    expect(codesOn(report, 'b', 'tainted')).toEqual([]);
  });

  it('a DaemonSet selected by matchFields conflicts only on its node', () => {
    const pinned = withPorts('pinned', [{ containerPort: 80, hostPort: 80 }], {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['w-2'] }] }],
          },
        },
      },
    });
    const report = evaluatePlacement([withPorts('a', [{ containerPort: 80, hostPort: 80 }]), pinned], nodes());
    expect(codesOn(report, 'a', 'w-1')).toEqual([]);
    expect(codesOn(report, 'a', 'w-2')).toEqual(['HostPortConflict']);
    expect(codesOn(report, 'pinned', 'w-2')).toEqual(['HostPortConflict']);
  });

  it('advisories never change shouldRun', () => {
    const report = evaluatePlacement([withPorts('a', [{ containerPort: 80, hostPort: 80 }]), withPorts('b', [{ containerPort: 80, hostPort: 80 }])], nodes());
    for (const daemonSetPlacement of report.daemonSets) {
      expect(daemonSetPlacement.advisories.length).toBeGreaterThan(0);
      expect(daemonSetPlacement.placements.every((p) => p.shouldRun && p.shouldContinueRunning && p.reasons.length === 0)).toBe(true);
      expect(daemonSetPlacement.desiredNumberScheduled).toBe(2);
    }
  });
});

describe('advisories: host ports of init containers (scheduler util GetHostPorts)', () => {
  const initWithPort = (name: string, restartPolicy?: string) =>
    daemonSet(name, {
      initContainers: [{ name: 'init', image: 'busybox', ports: [{ containerPort: 80, hostPort: 80 }], ...(restartPolicy ? { restartPolicy } : {}) }],
    });

  it.each<[string, string | undefined, boolean]>([
    ['a plain init container, which has exited before the pod runs, holds no port', undefined, false],
    ['a restartable (sidecar) init container holds its port', 'Always', true],
  ])('%s', (_, restartPolicy, conflict) => {
    const report = evaluatePlacement([initWithPort('a', restartPolicy), withPorts('b', [{ containerPort: 80, hostPort: 80 }])], [node('w-1')]);
    expect(codesOn(report, 'b', 'w-1')).toEqual(conflict ? ['HostPortConflict'] : []);
  });
});
