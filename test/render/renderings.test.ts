import { evaluatePlacement, node, NodeBuilder, PlacementReport, renderJson, renderMarkdown, renderTable } from '../../src';
import { exclusiveFamily, NOT_WINDOWS, variant } from '../placement/family-fixtures';

function daemonSet(name: string, podSpec: Record<string, unknown> = {}, namespace = 'kube-system') {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name, image: `${name}:1` }], ...podSpec } },
    },
  };
}

const LINUX_ONLY = daemonSet('linux-agent', { nodeSelector: { 'kubernetes.io/os': 'linux' } });
const EVERYWHERE = daemonSet('everywhere', { tolerations: [{ operator: 'Exists' }] });

/** A family whose default runs beside the gpu variant on GPU nodes, and on no Windows node. */
const BROKEN_FAMILY = [...exclusiveFamily().slice(0, 1), variant('node-agent', 'default', [NOT_WINDOWS])];
const FAMILY_MESSAGES = [
  'family node-agent (observability): 2 nodes run more than one variant: gpu-1 runs gpu and default, gpu-2 runs gpu and default',
  'family node-agent (observability): 1 node runs none of its variants gpu and default, though it has a default: win-1',
];

function familyCluster(): NodeBuilder[] {
  return [node('worker-1'), node('gpu-1').labels({ 'nvidia.com/gpu.present': 'true' }), node('gpu-2').labels({ 'nvidia.com/gpu.present': 'true' }), node('win-1').os('windows')];
}

function cluster(workers: number): NodeBuilder[] {
  return [
    node('cp-1').controlPlane(),
    ...Array.from({ length: workers }, (_, i) => node(`worker-${i + 1}`)),
    node('win-1').os('windows'),
  ];
}

describe('renderJson', () => {
  test.each([
    ['a small cluster', evaluatePlacement([LINUX_ONLY, EVERYWHERE], cluster(2))],
    ['a report whose placements were read first', (() => {
      const report = evaluatePlacement([LINUX_ONLY, EVERYWHERE], cluster(3));
      void report.daemonSets[0].placements[0];
      return report;
    })()],
    ['a report without DaemonSets', evaluatePlacement([], cluster(1))],
    ['a report with variant family findings, which list nodes', evaluatePlacement(BROKEN_FAMILY, familyCluster())],
  ])('writes exactly JSON.stringify(report) for %s', (_, report) => {
    expect(renderJson(report)).toBe(JSON.stringify(report));
    expect(JSON.parse(renderJson(report))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  test('writes a plain report object, as a user could build one, the same way', () => {
    const report: PlacementReport = JSON.parse(JSON.stringify(evaluatePlacement([LINUX_ONLY], cluster(1))));
    expect(renderJson(report)).toBe(JSON.stringify(report));
  });
});

describe('renderTable', () => {
  test('one row per node for a small inventory, with a mark and the reason numbers per cell', () => {
    const table = renderTable(evaluatePlacement([LINUX_ONLY, EVERYWHERE], cluster(1)));
    expect(table).toMatch(/^NODE\s+A\s+B$/m);
    expect(table).toMatch(/^cp-1\s+◐1\s+✔$/m);
    expect(table).toMatch(/^worker-1\s+✔\s+✔$/m);
    expect(table).toMatch(/^win-1\s+✘2\s+✔$/m);
    expect(table).toContain('1  taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated');
    expect(table).toContain("2  nodeSelector kubernetes.io/os=linux not matched (node: 'windows')");
  });

  test('folds a large inventory into one row per distinct verdict, so thousands of nodes fit a screen', () => {
    const table = renderTable(evaluatePlacement([LINUX_ONLY, EVERYWHERE], cluster(5000)));
    const rows = table.split('\n').filter((line) => /^(cp-1|worker-1|win-1)\b/.test(line));
    expect(rows).toEqual([
      expect.stringMatching(/^cp-1\s+◐1\s+✔$/),
      expect.stringMatching(/^worker-1 and 4999 more \(5000 nodes\)\s+✔\s+✔$/),
      expect.stringMatching(/^win-1\s+✘2\s+✔$/),
    ]);
    expect(table.split('\n').length).toBeLessThan(25);
  });

  test('never folds when asked not to, and always folds when asked to', () => {
    const report = evaluatePlacement([LINUX_ONLY], cluster(40));
    expect(renderTable(report, { groupNodes: 'never' })).toMatch(/^worker-40\s+✔$/m);
    expect(renderTable(evaluatePlacement([LINUX_ONLY], cluster(2)), { groupNodes: 'always' })).toMatch(
      /^worker-1 and 1 more \(2 nodes\)\s+✔$/m,
    );
  });

  test('lists validation errors and advisories after the matrix', () => {
    const invalid = daemonSet('broken', { restartPolicy: 'Never' });
    const greedy = daemonSet('greedy', { containers: [{ name: 'greedy', image: 'g', resources: { requests: { cpu: '8' } } }] });
    const report = evaluatePlacement([invalid, greedy], [node('small').allocatable({ cpu: '2', memory: '4Gi', pods: '110' })]);
    const table = renderTable(report);
    expect(table).toContain('kube-system/broken: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"');
    expect(table).toContain('kube-system/greedy on small: InsufficientResource: daemon pods request 8 cpu, allocatable is 2 (kube-system/greedy)');
  });

  test('lists errors across DaemonSets (variant families), one line each, before the warnings', () => {
    const table = renderTable(evaluatePlacement([...BROKEN_FAMILY, LINUX_ONLY, LINUX_ONLY], familyCluster()));
    expect(table).toContain(`\nErrors across DaemonSets (each is fine alone, not together):\n${FAMILY_MESSAGES.map((m) => `  error: ${m}\n`).join('')}\nWarnings`);
    expect(renderTable(evaluatePlacement(exclusiveFamily(), familyCluster()))).not.toContain('Errors across DaemonSets');
  });
});

describe('renderMarkdown', () => {
  test('a GitHub table with the DaemonSets, the matrix and the reasons', () => {
    const markdown = renderMarkdown(evaluatePlacement([LINUX_ONLY], cluster(1)));
    expect(markdown).toContain('| A | `kube-system/linux-agent` | 1/3 |');
    expect(markdown).toContain('| cp-1 | ◐1 |');
    expect(markdown).toContain('1. taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated');
  });

  test('escapes what would break a table cell', () => {
    const piped = daemonSet('piped', { nodeSelector: { pool: 'a|b' } });
    const markdown = renderMarkdown(evaluatePlacement([piped], [node('n1')]));
    expect(markdown).toContain('nodeSelector pool=a\\|b not matched (absent)');
  });

  test('lists errors across DaemonSets (variant families)', () => {
    const markdown = renderMarkdown(evaluatePlacement(BROKEN_FAMILY, familyCluster()));
    expect(markdown).toContain(`\n**Errors across DaemonSets**\n\n${FAMILY_MESSAGES.map((m) => `- error: ${m}\n`).join('')}`);
    expect(renderMarkdown(evaluatePlacement(exclusiveFamily(), familyCluster()))).not.toContain('Errors across DaemonSets');
  });
});

describe('static pods in the renderings', () => {
  /** A static pod's file for `nodeName`, as StaticPod writes it. */
  const staticPodFile = (name: string, nodeName: string, spec: Record<string, unknown> = {}) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'kube-system', annotations: { 'everynode.io/static-pod': 'true' } },
    spec: { nodeName, containers: [{ name, image: `${name}:1` }], ...spec },
  });
  const ETCD = [staticPodFile('etcd', 'cp-1'), staticPodFile('etcd', 'worker-2')];

  test('the table counts them apart, says static pod and names the mirror pods in the legend, and marks their cells', () => {
    const table = renderTable(evaluatePlacement([LINUX_ONLY, ...ETCD], cluster(2)));
    expect(table).toContain('DaemonSets (1) and static pods (1) on 4 nodes:');
    expect(table).toMatch(/^ {2}B {2}kube-system\/etcd {9}static pod, runs on 2\/4 \(mirror pods etcd-cp-1, etcd-worker-2\); ManifestFile: /m);
    expect(table).toMatch(/^cp-1\s+◐1\s+◆$/m);
    expect(table).toMatch(/^worker-1\s+✔\s+·$/m);
    expect(table).toMatch(/^worker-2\s+✔\s+◆$/m);
    expect(table).toMatch(/^win-1\s+✘2\s+·$/m);
    expect(table).toContain('◆ static pod: the node\'s kubelet runs it from its file, whatever its taints   · no file for this node');
  });

  test('static pods alone are counted alone', () => {
    expect(renderTable(evaluatePlacement(ETCD, cluster(1)))).toMatch(/^Static pods \(1\) on 3 nodes:$/m);
  });

  test('a report without static pods reads as it always did: no static legend, no static count', () => {
    const table = renderTable(evaluatePlacement([LINUX_ONLY], cluster(1)));
    expect(table).toContain('DaemonSets (1) on 3 nodes:');
    expect(table).not.toContain('static pod');
    expect(renderMarkdown(evaluatePlacement([LINUX_ONLY], cluster(1)))).not.toContain('static pod');
  });

  test('a static pod folds with the nodes it is not on when nodes are grouped', () => {
    const table = renderTable(evaluatePlacement([LINUX_ONLY, ...ETCD], cluster(40)));
    expect(table).toMatch(/^worker-1 and 38 more \(39 nodes\)\s+✔\s+·$/m);
    expect(table).toMatch(/^worker-2\s+✔\s+◆$/m);
  });

  test('errors of a static pod are named as a static pod\'s, under a heading that says mirror pods', () => {
    const report = evaluatePlacement([staticPodFile('agent', 'cp-1', { serviceAccountName: 'agent' })], cluster(1));
    const table = renderTable(report);
    expect(table).toContain('Validation errors (the API server would reject these DaemonSets or mirror pods):');
    expect(table).toContain('  kube-system/agent (static pod): spec.serviceAccountName: Forbidden: a mirror pod may not reference service accounts');
    expect(renderMarkdown(report)).toContain('- `kube-system/agent` (static pod): spec.serviceAccountName: Forbidden: a mirror pod may not reference service accounts');
  });

  test('markdown: static pod and mirror pods beside the name, marks in the cells, and the legend', () => {
    const markdown = renderMarkdown(evaluatePlacement([LINUX_ONLY, ...ETCD], cluster(1)));
    expect(markdown).toContain('| B | `kube-system/etcd` (static pod; mirror pods etcd-cp-1, etcd-worker-2) | 1/3 | ManifestFile: the kubelet replaces the pod when its file changes |');
    expect(markdown).toContain('| cp-1 | ◐1 | ◆ |');
    expect(markdown).toContain('| worker-1 | ✔ | · |');
    expect(markdown).toContain('◆ static pod: the node\'s kubelet runs it from its file, whatever its taints; · no file for this node');
  });

  test('JSON: exactly JSON.stringify(report), the static pod\'s placements read first or not', () => {
    const report = evaluatePlacement([LINUX_ONLY, ...ETCD], cluster(2));
    expect(renderJson(report)).toBe(JSON.stringify(report));
    void report.daemonSets[1].placements[0];
    expect(renderJson(report)).toBe(JSON.stringify(report));
  });
});
