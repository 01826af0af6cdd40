import { clusterReport, daemonSet, exampleReport, MANIFESTS } from './fixtures';
import { evaluatePlacement, node, PlacementReport, renderTable } from '../../src';
import { placementSerializer } from '../../src/jest';

expect.addSnapshotSerializer(placementSerializer);

function print(report: unknown, indentation = ''): string {
  return placementSerializer.serialize(report, {}, indentation);
}

/** The matrix of the printed table: the cell of each node (row) and DaemonSet (`namespace/name`). */
function cellsOf(text: string): Map<string, Map<string, string>> {
  const lines = text.split('\n');
  const labels = new Map<string, string>();
  for (const line of lines) {
    const column = /^ {2}([A-Z]+) +(\S+\/\S+) +runs on/.exec(line);
    if (column) labels.set(column[1], column[2]);
  }
  const header = lines.findIndex((line) => line.startsWith('NODE'));
  const ids = lines[header].split(/ +/).slice(1).map((label) => labels.get(label)!);
  const cells = new Map<string, Map<string, string>>();
  for (const line of lines.slice(header + 1)) {
    if (line === '') break;
    const [nodeName, ...row] = line.split(/ +/);
    cells.set(nodeName, new Map(row.map((cell, i) => [ids[i], cell])));
  }
  return cells;
}

/** The nodes whose cell of `id` is a ✔. */
function runsOn(text: string, id: string): string[] {
  return [...cellsOf(text)].filter(([, row]) => row.get(id) === '✔').map(([nodeName]) => nodeName);
}

describe('placementSerializer on examples/cluster-agents with examples/inventory.yaml', () => {
  // Regenerate (npx jest -u test/jest) when the example or the inventory changes.
  test('prints the matrix with its reasons', () => {
    expect(exampleReport()).toMatchSnapshot();
  });

  test('the printed matrix has a row per node and a column per DaemonSet', () => {
    const cells = cellsOf(print(exampleReport()));
    expect([...cells.keys()]).toEqual(['cp-1', 'worker-1', 'worker-2', 'gpu-1', 'win-1', 'worker-cordoned', 'worker-notready']);
    expect([...cells.get('cp-1')!.keys()]).toEqual([
      'logging/fluent-bit',
      'monitoring/node-exporter',
      'kube-system/nvidia-device-plugin',
      'monitoring/windows-exporter',
      'security/node-agent-gpu',
      'security/node-agent-windows',
      'security/node-agent-default',
    ]);
  });

  test('the GPU device plugin runs only on gpu-1, the Windows exporter only on win-1', () => {
    const text = print(exampleReport());
    expect(runsOn(text, 'kube-system/nvidia-device-plugin')).toEqual(['gpu-1']);
    expect(runsOn(text, 'monitoring/windows-exporter')).toEqual(['win-1']);
    expect(text).toMatch(/^ {2}C {2}kube-system\/nvidia-device-plugin +runs on 1\/7; /m);
  });

  test('the legend explains the marks and numbers the reasons that the cells refer to', () => {
    const text = print(exampleReport());
    expect(text).toContain('✔ runs a pod   ◐ no new pod, a running one stays   ✘ no pod   (numbers: reasons)');
    const reasons = text.slice(text.indexOf('Reasons:\n'));
    expect(reasons).toMatch(/^ +\d+ {2}required node affinity: nvidia\.com\/gpu\.present Exists fails \(absent\)$/m);
    expect(reasons).toMatch(/^ +\d+ {2}required node affinity: kubernetes\.io\/os In \[windows\] fails \(node: 'linux'\)$/m);
    const affinity = /^ +(\d+) {2}required node affinity: nvidia\.com\/gpu\.present/m.exec(reasons)![1];
    expect(cellsOf(text).get('worker-1')!.get('kube-system/nvidia-device-plugin')).toBe(`✘${affinity}`);
  });
});

describe('placementSerializer', () => {
  test('prints what renderTable prints, without the trailing newline', () => {
    const report = clusterReport();
    expect(print(report)).toBe(renderTable(report).trimEnd());
  });

  test('is deterministic: two evaluations of the same input print the same text', () => {
    expect(print(clusterReport())).toBe(print(clusterReport()));
    expect(print(exampleReport())).toBe(print(exampleReport()));
  });

  test('claims a report that went through JSON', () => {
    expect(placementSerializer.test(JSON.parse(JSON.stringify(clusterReport())))).toBe(true);
    expect(placementSerializer.test({ nodes: [], daemonSets: [] })).toBe(true);
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'nodes'],
    ['an array', []],
    ['the manifests', MANIFESTS],
    ['a daemon set placement', clusterReport().daemonSets[0]],
    ['an object without daemonSets', { nodes: ['a'] }],
    ['an object without nodes', { daemonSets: [] }],
    ['nodes that are not an array', { nodes: 'a', daemonSets: [] }],
    ['daemonSets without placements', { nodes: ['a'], daemonSets: [{ name: 'x' }] }],
    ['daemonSets that are not objects', { nodes: ['a'], daemonSets: ['x'] }],
  ])('does not claim %s', (_, value) => {
    expect(placementSerializer.test(value)).toBe(false);
  });

  test('keeps the indentation of a report nested in another value', () => {
    const lines = print(clusterReport(), '    ').split('\n');
    expect(lines[0]).toBe('DaemonSets (7) on 6 nodes:');
    expect(lines.filter((line) => line !== '').slice(1).every((line) => line.startsWith('    '))).toBe(true);
  });

  test('prints every advisory, where the table cuts them at 20', () => {
    const nodes = Array.from({ length: 15 }, (_, i) => node(`node-${i + 1}`));
    const hostPort = { containers: [{ name: 'agent', image: 'busybox', ports: [{ containerPort: 9100, hostPort: 9100 }] }] };
    const report: PlacementReport = evaluatePlacement(
      [daemonSet('default', 'exporter-a', hostPort), daemonSet('default', 'exporter-b', hostPort)],
      nodes,
    );
    const advisories = report.daemonSets.flatMap((ds) => ds.advisories);
    expect(advisories.length).toBeGreaterThan(20);
    const text = print(report);
    expect(text).not.toContain('more (see --output json)');
    expect(text.split('\n').filter((line) => line.includes(': HostPortConflict: '))).toHaveLength(advisories.length);
  });

  test('refuses to print something else', () => {
    expect(() => print({ nodes: [] })).toThrow(/only prints a PlacementReport/);
  });
});
