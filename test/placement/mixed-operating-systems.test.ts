import fc from 'fast-check';
import { daemonSets, inventory } from './arbitraries';
import { daemonSet, Manifest, withRequiredTerms } from './fixtures';
import { Advisory, evaluatePlacement, node, PlacementReport } from '../../src';
import { daemonSetView } from '../../src/placement/daemon-set-view';
import { selectsOperatingSystem } from '../../src/placement/operating-systems';

const EVERYTHING = [{ operator: 'Exists' }];

/** Three Linux nodes and a Windows node, the Windows one without the taint clusters usually add. */
const mixedCluster = () => [node('linux-1'), node('linux-2'), node('linux-3'), node('win-1').os('windows')];

function advisoriesOf(report: PlacementReport, name: string): readonly Advisory[] {
  const placement = report.daemonSets.find((d) => d.name === name);
  if (!placement) throw new Error(`no DaemonSet ${name}`);
  return placement.advisories;
}

const osAdvisories = (report: PlacementReport, name: string) => advisoriesOf(report, name).filter((a) => a.code === 'MixedOperatingSystems');

// Upstream: NodeShouldRunDaemonPod (pkg/controller/daemon/daemon_controller.go) reads nodeName,
// nodeSelector, required node affinity and taints only; the kubelet sets kubernetes.io/os to its
// runtime.GOOS, and an image without a build for that OS fails to pull there.
describe('advisories: MixedOperatingSystems (the DaemonSet controller does not check the node OS; kubernetes.io/os is the kubelet\'s well-known label)', () => {
  it('a DaemonSet without an OS constraint on Linux and Windows nodes: an advisory on the Windows node, and shouldRun stays true there', () => {
    const report = evaluatePlacement([daemonSet('agent')], mixedCluster());
    expect(osAdvisories(report, 'agent')).toEqual([
      {
        code: 'MixedOperatingSystems',
        node: 'win-1',
        message:
          'no node selector or required affinity on kubernetes.io/os, and the pods land on linux (3 nodes) and windows (1 node): ' +
          'an image built for linux, the OS of most of them, fails to pull or start on this windows node',
      },
    ]);
    expect(report.daemonSets[0].placements.map((p) => p.shouldRun)).toEqual([true, true, true, true]);
    expect(report.daemonSets[0].desiredNumberScheduled).toBe(4);
  });

  it('advisories never change a verdict: the report without OS labels has the same placements', () => {
    const unlabeled = mixedCluster().map((n) => {
      const json = n.toJSON() as Manifest;
      delete json.metadata.labels['kubernetes.io/os'];
      return json;
    });
    const withOs = evaluatePlacement([daemonSet('agent')], mixedCluster());
    const withoutOs = evaluatePlacement([daemonSet('agent')], unlabeled);
    expect(withOs.daemonSets[0].placements).toEqual(withoutOs.daemonSets[0].placements);
    expect(withoutOs.daemonSets[0].advisories).toEqual([]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['nodeSelector kubernetes.io/os: linux', { nodeSelector: { 'kubernetes.io/os': 'linux' } }],
    ['the deprecated nodeSelector beta.kubernetes.io/os: linux', { nodeSelector: { 'beta.kubernetes.io/os': 'linux' } }],
    ['required affinity kubernetes.io/os In [linux] (NodeFilter.linux())', {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }] }] } } },
    }],
    ['required affinity kubernetes.io/os NotIn [windows]', {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'NotIn', values: ['windows'] }] }] } } },
    }],
  ])('%s, even tolerating everything: no advisory', (_, podSpec) => {
    const cluster = [...mixedCluster(), node('win-2').os('windows').taint('os=windows:NoSchedule')];
    const report = evaluatePlacement([daemonSet('agent', { ...podSpec, tolerations: EVERYTHING })], cluster);
    expect(report.daemonSets[0].advisories).toEqual([]);
  });

  it('an OS selector that allows both OSes is a choice (a multi-OS image): no advisory', () => {
    const both = withRequiredTerms('agent', [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux', 'windows'] }] }]);
    const report = evaluatePlacement([both], mixedCluster());
    expect(report.daemonSets[0].desiredNumberScheduled).toBe(4);
    expect(report.daemonSets[0].advisories).toEqual([]);
  });

  it('one affinity term without an OS requirement lets pods onto any OS: the advisory is back', () => {
    const orNamed = withRequiredTerms('agent', [
      { matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }] },
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['win-1'] }] },
    ]);
    const report = evaluatePlacement([orNamed], mixedCluster());
    expect(osAdvisories(report, 'agent').map((a) => a.node)).toEqual(['win-1']);
  });

  it('spec.os.name does not keep the pod off a node (only the kubelet checks it): the advisory says the kubelet rejects it', () => {
    const report = evaluatePlacement([daemonSet('agent', { os: { name: 'linux' } })], mixedCluster());
    expect(osAdvisories(report, 'agent')).toEqual([
      expect.objectContaining({ node: 'win-1', message: expect.stringContaining('spec.os.name is linux, so the kubelet on this windows node rejects the pod (PodOSNotSupported)') }),
    ]);
  });

  it('spec.os.name decides which OS is the odd one out, even against the majority', () => {
    const report = evaluatePlacement([daemonSet('agent', { os: { name: 'windows' } })], mixedCluster());
    expect(osAdvisories(report, 'agent').map((a) => a.node)).toEqual(['linux-1', 'linux-2', 'linux-3']);
  });

  it('the OS of most placed nodes is taken as the image\'s; Linux on a tie', () => {
    const mostlyWindows = [node('linux-1'), node('win-1').os('windows'), node('win-2').os('windows')];
    expect(osAdvisories(evaluatePlacement([daemonSet('agent')], mostlyWindows), 'agent').map((a) => a.node)).toEqual(['linux-1']);

    const tie = [node('win-1').os('windows'), node('linux-1')];
    const advisories = osAdvisories(evaluatePlacement([daemonSet('agent')], tie), 'agent');
    expect(advisories.map((a) => a.node)).toEqual(['win-1']);
    expect(advisories[0].message).toContain('linux (1 node) and windows (1 node): an image built for linux fails');
  });

  it('only nodes that get a pod count: a Windows node the DaemonSet skips for its taint gives no advisory', () => {
    const tainted = [node('linux-1'), node('win-1').os('windows').taint('os=windows:NoSchedule')];
    const report = evaluatePlacement([daemonSet('intolerant'), daemonSet('tolerant', { tolerations: EVERYTHING })], tainted);
    expect(advisoriesOf(report, 'intolerant')).toEqual([]);
    expect(osAdvisories(report, 'tolerant').map((a) => a.node)).toEqual(['win-1']);
  });

  it('a node without an OS label is neither counted nor advised', () => {
    const unlabeled = { kind: 'Node', metadata: { name: 'bare', labels: {} } };
    const report = evaluatePlacement([daemonSet('agent')], [node('linux-1').toJSON(), unlabeled]);
    expect(report.daemonSets[0].advisories).toEqual([]);
    const mixed = evaluatePlacement([daemonSet('agent')], [node('linux-1').toJSON(), unlabeled, node('win-1').os('windows').toJSON()]);
    expect(osAdvisories(mixed, 'agent').map((a) => a.node)).toEqual(['win-1']);
  });

  it('three OSes: every node not of the majority OS is advised, and the message counts them all', () => {
    const cluster = [...mixedCluster(), node('bsd-1').os('freebsd')];
    const advisories = osAdvisories(evaluatePlacement([daemonSet('agent')], cluster), 'agent');
    expect(advisories.map((a) => a.node)).toEqual(['win-1', 'bsd-1']);
    expect(advisories[0].message).toContain('linux (3 nodes), freebsd (1 node) and windows (1 node)');
  });

  it('a DaemonSet pinned by kubernetes.io/hostname to a Linux and a Windows node (evaluated node by node) gets the advisory too', () => {
    const cluster = Array.from({ length: 80 }, (_, i) => (i % 10 === 0 ? node(`win-${i}`).os('windows') : node(`linux-${i}`)));
    const pinned = withRequiredTerms('pinned', [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['linux-1', 'linux-2', 'win-10'] }] }]);
    const report = evaluatePlacement([pinned, daemonSet('everywhere')], cluster);
    expect(osAdvisories(report, 'pinned').map((a) => a.node)).toEqual(['win-10']);
    expect(osAdvisories(report, 'everywhere').map((a) => a.node)).toEqual(['win-0', 'win-10', 'win-20', 'win-30', 'win-40', 'win-50', 'win-60', 'win-70']);
    expect(osAdvisories(report, 'everywhere')[0].message).toContain('linux (72 nodes) and windows (8 nodes)');
  });

  it('comes after the scheduler\'s advisories of the same node', () => {
    const greedy = daemonSet('greedy', { containers: [{ name: 'agent', image: 'busybox', resources: { requests: { cpu: '8' } } }] });
    const report = evaluatePlacement([greedy], [node('linux-1'), node('win-1').os('windows').allocatable({ cpu: '2', memory: '4Gi', pods: '110' })]);
    expect(advisoriesOf(report, 'greedy').map((a) => `${a.node} ${a.code}`)).toEqual(['win-1 InsufficientResource', 'win-1 MixedOperatingSystems']);
  });
});

describe('selectsOperatingSystem: what counts as an OS constraint', () => {
  const selects = (podSpec: Record<string, unknown>) => selectsOperatingSystem(daemonSetView(daemonSet('agent', podSpec)));
  const terms = (...nodeSelectorTerms: unknown[]) => ({
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } },
  });
  const osTerm = { matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }] };
  const pool = { key: 'pool', operator: 'In', values: ['a'] };
  const poolTerm = { matchExpressions: [pool] };
  const osExists = { key: 'kubernetes.io/os', operator: 'Exists' };

  it.each<[string, Record<string, unknown>, boolean]>([
    ['nothing', {}, false],
    ['a nodeSelector on another label', { nodeSelector: { pool: 'a' } }, false],
    ['a nodeSelector on kubernetes.io/os', { nodeSelector: { 'kubernetes.io/os': 'windows' } }, true],
    ['every required term on kubernetes.io/os', terms(osTerm, { matchExpressions: [osExists, pool] }), true],
    ['one required term without it', terms(osTerm, poolTerm), false],
    ['a required term without it beside an empty one (which matches nothing)', terms(osTerm, {}), true],
    ['spec.os.name only (validation and kubelet admission, not placement)', { os: { name: 'linux' } }, false],
    ['preferred affinity only', {
      affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: osTerm }] } },
    }, false],
    ['a toleration of the Windows taint only', { tolerations: [{ key: 'os', operator: 'Equal', value: 'windows', effect: 'NoSchedule' }] }, false],
  ])('%s: %s', (_, podSpec, expected) => {
    expect(selects(podSpec)).toBe(expected);
  });
});

/** The rule computed the slow way, node by node from the report's placements. */
function expectedOsAdvisories(manifests: Manifest[], nodes: Manifest[], report: PlacementReport): string[][] {
  const labelsOf = new Map<string, Record<string, string>>(nodes.map((n) => [n.metadata.name, n.metadata.labels ?? {}]));
  const osOf = (name: string) => {
    const labels = labelsOf.get(name) ?? {};
    return labels['kubernetes.io/os'] || labels['beta.kubernetes.io/os'] || '';
  };
  return report.daemonSets.map((ds, d) => {
    if (selectsOperatingSystem(daemonSetView(manifests[d]))) return [];
    const counts = new Map<string, number>();
    for (const p of ds.placements) if (p.shouldRun && osOf(p.node)) counts.set(osOf(p.node), (counts.get(osOf(p.node)) ?? 0) + 1);
    if (counts.size < 2) return [];
    const max = Math.max(...counts.values());
    const top = [...counts].filter(([, n]) => n === max).map(([os]) => os).sort();
    const expected = top.includes('linux') ? 'linux' : top[0];
    return ds.placements.filter((p) => p.shouldRun && osOf(p.node) && osOf(p.node) !== expected).map((p) => p.node);
  });
}

describe('properties: MixedOperatingSystems', () => {
  it('equals the rule computed node by node, whether nodes are evaluated by class or one by one', () => {
    fc.assert(
      fc.property(daemonSets, inventory, (manifests, nodes) => {
        const report = evaluatePlacement(manifests, nodes);
        const actual = report.daemonSets.map((ds) => ds.advisories.filter((a) => a.code === 'MixedOperatingSystems').map((a) => a.node));
        expect(actual).toEqual(expectedOsAdvisories(manifests, nodes, report));
        for (const ds of report.daemonSets) {
          const running = new Set(ds.placements.filter((p) => p.shouldRun).map((p) => p.node));
          expect(ds.advisories.every((a) => running.has(a.node))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
