/*
 * The JSON report is written as bytes copied from the verdict tables (src/placement/render):
 * it must be, byte for byte, the UTF-8 of JSON.stringify(report), whatever the node names,
 * the order of clean and failing nodes, or the kind of verdict table.
 */
import fc from 'fast-check';
import { evaluatePlacement, node, PlacementReport, renderJson } from '../../src';
import { reportJsonChunks } from '../../src/placement';
import { daemonSets, inventory, nodeByNodeCase } from '../placement/arbitraries';
import { daemonSet } from '../placement/fixtures';

function expectStringifiedBytes(report: PlacementReport): void {
  const written = Buffer.concat([...reportJsonChunks(report)]);
  expect(written.equals(Buffer.from(JSON.stringify(report), 'utf8'))).toBe(true);
  expect(renderJson(report)).toBe(JSON.stringify(report));
}

/** Each piece copied as it comes, as a writer that writes it out before asking for the next sees it. */
function copiesOf(pieces: Iterable<Uint8Array>): Buffer[] {
  return Array.from(pieces, (piece) => Buffer.from(piece));
}

/** A static pod's file for `nodeName`, as StaticPod writes it (the marker annotation and spec.nodeName). */
function staticPodFile(name: string, nodeName: string, spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'kube-system', annotations: { 'everynode.io/static-pod': 'true' } },
    spec: { nodeName, containers: [{ name, image: 'registry.example.com/agent:1.0' }], ...spec },
  };
}

const LINUX_ONLY = daemonSet('linux-agent', { nodeSelector: { 'kubernetes.io/os': 'linux' } });
const windows = (name: string) => node(name).os('windows');

describe('reportJsonChunks', () => {
  test.each([
    ['every node clean', ['a', 'b', 'c']],
    ['no node clean', ['!a', '!b']],
    ['a clean run first', ['a', 'b', '!c']],
    ['a clean run last', ['!a', 'b', 'c']],
    ['clean runs around a failing node', ['a', '!b', 'c', 'd']],
    ['failing nodes around a clean run', ['!a', 'b', 'c', '!d']],
    ['one clean node', ['a']],
    ['one failing node', ['!a']],
  ])('writes JSON.stringify(report) with %s', (_, names) => {
    const nodes = names.map((name) => (name.startsWith('!') ? windows(name.slice(1)) : node(name)));
    expectStringifiedBytes(evaluatePlacement([LINUX_ONLY], nodes));
  });

  test('writes names that need escaping or several bytes in UTF-8 as JSON.stringify does', () => {
    const names = ['quote"d', 'back\\slash', 'zürich-1', '東京-1', 'emoji-🚀', 'lone-\ud800', 'tab\t', 'line\u2028sep'];
    const nodes = names.map((name, i) => (i % 3 === 1 ? windows(name) : node(name)));
    expectStringifiedBytes(evaluatePlacement([LINUX_ONLY, daemonSet('everywhere', { tolerations: [{ operator: 'Exists' }] })], nodes));
  });

  test('writes variant family findings, with their nodes, as JSON.stringify does', () => {
    const family = (name: string, variant: string, podSpec: Record<string, unknown>) => {
      const manifest = daemonSet(`${name}-${variant}`, podSpec);
      manifest.metadata.labels = { 'everynode.io/family': name, 'everynode.io/variant': variant };
      return manifest;
    };
    const report = evaluatePlacement([family('agent', 'linux', {}), family('agent', 'default', LINUX_ONLY.spec.template.spec)], [node('a'), windows('w"1')]);
    expect(report.findings.map((f) => f.code)).toEqual(['VariantOverlap']);
    expectStringifiedBytes(report);
  });

  test('an inventory without nodes gives empty placements', () => {
    expectStringifiedBytes(evaluatePlacement([LINUX_ONLY], []));
  });

  test('yields a DaemonSet at a time, so a writer never holds the whole report; shared placements are yielded again, not copied', () => {
    const report = evaluatePlacement([LINUX_ONLY, daemonSet('b'), daemonSet('c')], [node('a'), windows('w')]);
    const pieces = [...reportJsonChunks(report)];
    const texts = pieces.map((piece) => Buffer.from(piece).toString('utf8'));

    expect(texts[0]).toBe('{"nodes":["a","w"],"daemonSets":[');
    // linux-agent alone: one piece.
    expect(texts[1]).toMatch(/^\{"namespace":"default","name":"linux-agent","placements":\[.*\],"desiredNumberScheduled":1,.*\}$/);
    // b and c run everywhere: opening, the placements they share, closing.
    expect(texts[2]).toBe(',{"namespace":"default","name":"b","placements":');
    expect(texts[3]).toBe(JSON.stringify(report.daemonSets[1].placements));
    expect(texts[4]).toMatch(/^,"desiredNumberScheduled":2,.*\}$/);
    expect(texts[5]).toBe(',{"namespace":"default","name":"c","placements":');
    expect(pieces[6]).toBe(pieces[3]);
    expect(texts[8]).toBe('],"findings":[]}');
    expect(texts).toHaveLength(9);
  });

  test('DaemonSets with the same verdict on every node are written alike, each under its own name', () => {
    const tolerant = (name: string) => daemonSet(name, { tolerations: [{ operator: 'Exists' }] });
    const nodes = [node('cp-1').controlPlane(), node('a'), windows('w'), node('b').cordoned()];
    const report = evaluatePlacement([tolerant('x'), LINUX_ONLY, tolerant('y'), daemonSet('linux-2', { nodeSelector: { 'kubernetes.io/os': 'linux' } }), tolerant('z')], nodes);

    expectStringifiedBytes(report);
    const placementsOf = (d: number) => JSON.stringify(report.daemonSets[d].placements);
    expect(placementsOf(2)).toBe(placementsOf(0));
    expect(placementsOf(3)).toBe(placementsOf(1));
  });

  test('with reuseBuffer, every piece is right when written before the next is asked for, and DaemonSets share one buffer', () => {
    const nodes = Array.from({ length: 50 }, (_, i) => (i % 7 === 3 ? windows(`w-${i}`) : node(`n-${i}`).labels(i % 5 === 0 ? { 'nvidia.com/gpu.present': 'true' } : {})));
    const tolerant = daemonSet('tolerant', { tolerations: [{ operator: 'Exists' }] });
    const gpu = daemonSet('gpu', { nodeSelector: { 'nvidia.com/gpu.present': 'true' } });
    const report = evaluatePlacement([gpu, LINUX_ONLY, tolerant, daemonSet('again', { nodeSelector: { 'kubernetes.io/os': 'linux' } })], nodes);

    expect(Buffer.concat(copiesOf(reportJsonChunks(report, { reuseBuffer: true }))).toString('utf8')).toBe(JSON.stringify(report));
    const daemonSetPieces = [...reportJsonChunks(report, { reuseBuffer: true })].slice(1, -1);
    expect(daemonSetPieces).toHaveLength(4);
    expect(new Set(daemonSetPieces.map((piece) => piece.buffer)).size).toBe(1);
  });

  test('with reuseBuffer, at every chunk size the pieces are the same bytes, none of a DaemonSet longer than a chunk', () => {
    // Clean runs, failing nodes between them, and a name longer than the smaller chunks.
    const names = ['a', '!w-1', 'b', 'c', '!a-much-longer-node-name-than-the-smaller-chunk-sizes', 'd', 'e', 'f', '!w-2', 'g'];
    const nodes = names.map((name) => (name.startsWith('!') ? windows(name.slice(1)) : node(name)));
    const report = evaluatePlacement([LINUX_ONLY, daemonSet('everywhere')], nodes);
    const expected = JSON.stringify(report);
    for (let chunkSize = 1; chunkSize <= expected.length; chunkSize++) {
      const pieces = copiesOf(reportJsonChunks(report, { reuseBuffer: true, chunkSize }));
      expect(Buffer.concat(pieces).toString('utf8')).toBe(expected);
      expect(pieces.slice(1, -1).filter((piece) => piece.length > chunkSize)).toEqual([]);
    }
  });

  test('property: with reuseBuffer and any chunk size, the pieces written in turn are JSON.stringify(report)', () => {
    fc.assert(
      fc.property(daemonSets, inventory, fc.integer({ min: 1, max: 600 }), (manifests, nodes, chunkSize) => {
        const report = evaluatePlacement(manifests, nodes);
        const written = Buffer.concat(copiesOf(reportJsonChunks(report, { reuseBuffer: true, chunkSize })));
        expect(written.equals(Buffer.from(JSON.stringify(report), 'utf8'))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  test('writes static pods, with their kind first and mirror pods last, as JSON.stringify does', () => {
    const nodes = [node('cp-1').controlPlane(), node('a'), windows('w')];
    const files = [staticPodFile('etcd', 'cp-1'), staticPodFile('etcd', 'w'), staticPodFile('agent', 'gone', { serviceAccountName: 'x' })];
    const report = evaluatePlacement([LINUX_ONLY, ...files], nodes);
    expect(report.daemonSets.map((entry) => entry.kind)).toEqual([undefined, 'StaticPod', 'StaticPod']);
    expectStringifiedBytes(report);
    const text = renderJson(report);
    expect(text).toContain('{"kind":"StaticPod","namespace":"kube-system","name":"etcd","placements":');
    expect(text).toContain('"mirrorPods":[{"node":"cp-1","name":"etcd-cp-1"},{"node":"w","name":"etcd-w"}]}');
    // A DaemonSet's entry is as it always was: no kind, no mirror pods.
    expect(text).toContain('{"namespace":"default","name":"linux-agent","placements":');
    expect(JSON.parse(text).daemonSets[0]).not.toHaveProperty('mirrorPods');
  });

  test('property: the bytes are JSON.stringify(report) for random DaemonSets and inventories with any node names', () => {
    const names = fc.uniqueArray(fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), { minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(daemonSets, inventory, names, (manifests, nodes, nodeNames) => {
        const renamed = nodes.map((n, i) => ({ ...n, metadata: { ...n.metadata, name: nodeNames[i] } }));
        expectStringifiedBytes(evaluatePlacement(manifests, renamed));
      }),
      { numRuns: 150 },
    );
  });

  test('property: the bytes are JSON.stringify(report) where reasons print nodes\' own values, whatever text they hold', () => {
    fc.assert(
      fc.property(nodeByNodeCase, ({ manifests, nodes }) => {
        const report = evaluatePlacement(manifests, nodes);
        expectStringifiedBytes(report);
        const written = Buffer.concat(copiesOf(reportJsonChunks(report, { reuseBuffer: true, chunkSize: 97 })));
        expect(written.equals(Buffer.from(JSON.stringify(report), 'utf8'))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  test('property: the bytes are JSON.stringify(report) with static pods among the DaemonSets, on any nodes', () => {
    const names = fc.uniqueArray(fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), { minLength: 12, maxLength: 12 });
    // A file: a static pod name, and the node it is for (an index into the inventory, or past its end: a node it lacks).
    const files = fc.array(fc.tuple(fc.constantFrom('etcd', 'boot-agent', 'q"uote'), fc.nat(14), fc.boolean()), { maxLength: 8 });
    fc.assert(
      fc.property(daemonSets, inventory, names, files, fc.boolean(), (manifests, nodes, nodeNames, picks, staticFirst) => {
        const renamed = nodes.map((n, i) => ({ ...n, metadata: { ...n.metadata, name: nodeNames[i] } }));
        const statics = picks.map(([name, at, refused]) =>
          staticPodFile(name, at < renamed.length ? nodeNames[at] : `absent-${at}`, refused ? { serviceAccountName: 'default' } : {}));
        const report = evaluatePlacement(staticFirst ? [...statics, ...manifests] : [...manifests, ...statics], renamed);
        expect(report.daemonSets.filter((entry) => entry.kind === 'StaticPod').length).toBe(new Set(picks.map(([name]) => name)).size);
        expectStringifiedBytes(report);
      }),
      { numRuns: 150 },
    );
  });
});
