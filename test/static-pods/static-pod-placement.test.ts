/*
 * Static pods in the placement report. Upstream facts the entries follow:
 * - the kubelet's file source sets spec.nodeName to its own node and tolerates every NoExecute
 *   taint (`applyDefaults` in pkg/kubelet/config/common.go);
 * - the kubelet's admission skips the taint check for static pods (`generalFilter` in
 *   pkg/kubelet/lifecycle/predicate.go, `!types.IsStaticPod(pod)`);
 * - the mirror pod is named `<name>-<node>` (`generatePodName`, same file);
 * - two pods of one full name from one source: the second is ignored (`filterInvalidPods` in
 *   pkg/kubelet/config/config.go).
 */
import { evaluatePlacement, node } from '../../src';
import { staticPodFiles } from '../../src/static-pods';
import { isStaticPodObject } from '../../src/static-pods/static-pod-marker';
import { daemonSet } from '../placement/fixtures';

const nodes = () => [
  node('cp-1').controlPlane(),
  node('cp-2').controlPlane().taint('dedicated=etcd:NoExecute'),
  node('worker-1').labels({ pool: 'general' }),
];

const bootAgent = staticPodFiles("StaticPod 'boot-agent'", 'boot-agent', { nodes: ['cp-1', 'cp-2'], image: 'registry.example.com/boot-agent:1.0' })
  .map((file) => file.manifest);

/** A hand-written static pod file: the marker annotation and spec.nodeName. */
function staticPodFile(name: string, nodeName: string | undefined, spec: Record<string, unknown> = {}, namespace = 'kube-system'): any {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, annotations: { 'everynode.io/static-pod': 'true' } },
    spec: { ...(nodeName === undefined ? {} : { nodeName }), containers: [{ name, image: 'registry.example.com/agent:1.0' }], ...spec },
  };
}

describe('static pods in evaluatePlacement', () => {
  test('GIVEN a StaticPod\'s files for two nodes WHEN evaluated THEN one entry runs on exactly those nodes, tainted or not, with no reasons', () => {
    const report = evaluatePlacement([daemonSet('fluent-bit'), ...bootAgent], nodes());
    expect(report.daemonSets.map((entry) => [entry.kind, entry.name])).toEqual([[undefined, 'fluent-bit'], ['StaticPod', 'boot-agent']]);
    const [, entry] = report.daemonSets;
    expect(entry.placements).toEqual([
      { node: 'cp-1', shouldRun: true, shouldContinueRunning: true, reasons: [] },
      { node: 'cp-2', shouldRun: true, shouldContinueRunning: true, reasons: [] },
      { node: 'worker-1', shouldRun: false, shouldContinueRunning: false, reasons: [] },
    ]);
    expect(entry.desiredNumberScheduled).toBe(2);
    expect(entry.namespace).toBe('kube-system');
    expect(entry.mirrorPods).toEqual([{ node: 'cp-1', name: 'boot-agent-cp-1' }, { node: 'cp-2', name: 'boot-agent-cp-2' }]);
    expect(entry.rollout).toEqual({ strategy: 'ManifestFile' });
    expect(entry).toMatchObject({ advisories: [], errors: [], warnings: [] });
    // The same files are no DuplicateObject: kubectl never applies them.
    expect(report.findings).toEqual([]);
    // The DaemonSet beside it is the entry it always was: its keys, and the control-plane taint as a reason.
    expect(Object.keys(report.daemonSets[0])).toEqual(['namespace', 'name', 'placements', 'desiredNumberScheduled', 'rollout', 'advisories', 'errors', 'warnings']);
    expect(report.daemonSets[0].placements[0].reasons.map((r) => r.code)).toEqual(['UntoleratedTaint']);
  });

  test('the entry\'s keys: kind first, mirrorPods last, in the DaemonSet entry\'s shape between', () => {
    const [entry] = evaluatePlacement(bootAgent, nodes()).daemonSets;
    expect(Object.keys(entry)).toEqual(['kind', 'namespace', 'name', 'placements', 'desiredNumberScheduled', 'rollout', 'advisories', 'errors', 'warnings', 'mirrorPods']);
  });

  test('placements follow the inventory\'s order, not the files\'', () => {
    const files = [staticPodFile('etcd', 'worker-1'), staticPodFile('etcd', 'cp-1')];
    const [entry] = evaluatePlacement(files, nodes()).daemonSets;
    expect(entry.placements.map((p) => [p.node, p.shouldRun])).toEqual([['cp-1', true], ['cp-2', false], ['worker-1', true]]);
    expect(entry.mirrorPods!.map((m) => m.node)).toEqual(['worker-1', 'cp-1']);
  });

  test('taints keep nothing off: no toleration, and the node\'s NoExecute taint changes nothing', () => {
    const file = staticPodFile('agent', 'cp-2', { tolerations: [] });
    const [entry] = evaluatePlacement([file], nodes()).daemonSets;
    expect(entry.placements.filter((p) => p.shouldRun).map((p) => p.node)).toEqual(['cp-2']);
  });

  test('one entry per namespace and name, in the order of their first files', () => {
    const files = [staticPodFile('b', 'cp-1'), staticPodFile('a', 'cp-1'), staticPodFile('b', 'cp-2'), staticPodFile('b', 'cp-1', {}, 'other')];
    const report = evaluatePlacement(files, nodes());
    expect(report.daemonSets.map((e) => `${e.namespace}/${e.name}:${e.desiredNumberScheduled}`)).toEqual(['kube-system/b:2', 'kube-system/a:1', 'other/b:1']);
  });

  test('a Pod without the annotation is a bare Pod, not a static pod: ignored like every other kind', () => {
    const bare = { ...staticPodFile('web', 'cp-1'), metadata: { name: 'web' } };
    const notTrue = { ...staticPodFile('web', 'cp-1'), metadata: { name: 'web', annotations: { 'everynode.io/static-pod': 'false' } } };
    expect(evaluatePlacement([bare, notTrue], nodes()).daemonSets).toEqual([]);
    expect(isStaticPodObject(bare)).toBe(false);
    expect(isStaticPodObject({ ...staticPodFile('x', 'cp-1'), kind: 'DaemonSet' })).toBe(false);
  });

  test('an inherited annotation does not make a static pod (untrusted input)', () => {
    const annotations = Object.create({ 'everynode.io/static-pod': 'true' });
    expect(isStaticPodObject({ kind: 'Pod', metadata: { name: 'x', annotations }, spec: { nodeName: 'cp-1' } })).toBe(false);
  });

  describe('nodes the inventory does not hold', () => {
    test('a NodeNotInInventory warning names them; the mirror pods list them; placements do not', () => {
      const files = [staticPodFile('etcd', 'cp-1'), staticPodFile('etcd', 'cp-9'), staticPodFile('etcd', 'cp-8')];
      const report = evaluatePlacement(files, nodes());
      const [entry] = report.daemonSets;
      expect(entry.desiredNumberScheduled).toBe(1);
      expect(entry.mirrorPods!.map((m) => m.name)).toEqual(['etcd-cp-1', 'etcd-cp-9', 'etcd-cp-8']);
      expect(report.findings).toEqual([{
        code: 'NodeNotInInventory',
        severity: 'warning',
        objects: ['Pod kube-system/etcd'],
        nodes: ['cp-9', 'cp-8'],
        message: 'static pod kube-system/etcd has files for nodes cp-9, cp-8, not in the inventory: their kubelets run it, and no placement shows it there',
      }]);
    });
  });

  test('two files for one node: one entry, counted once, and a DuplicateStaticPod warning', () => {
    const report = evaluatePlacement([staticPodFile('etcd', 'cp-1'), staticPodFile('etcd', 'cp-1', { hostNetwork: true })], nodes());
    expect(report.daemonSets).toHaveLength(1);
    expect(report.daemonSets[0].desiredNumberScheduled).toBe(1);
    expect(report.daemonSets[0].mirrorPods).toEqual([{ node: 'cp-1', name: 'etcd-cp-1' }]);
    expect(report.findings.map((f) => [f.code, f.nodes, f.message])).toEqual([[
      'DuplicateStaticPod',
      ['cp-1'],
      'static pod kube-system/etcd has two files for node cp-1: the kubelet runs one of them and ignores the other (duplicate pod name)',
    ]]);
  });

  describe('errors: what the API server refuses in the Pod or its mirror pod', () => {
    test('a ServiceAccount and a Secret: the mirror-pod rules, at their field paths, each once over several files', () => {
      const refused = { serviceAccountName: 'boot', volumes: [{ name: 'creds', secret: { secretName: 'boot-creds' } }] };
      const [entry] = evaluatePlacement([staticPodFile('boot', 'cp-1', refused), staticPodFile('boot', 'cp-2', refused)], nodes()).daemonSets;
      expect(entry.errors.map((e) => `${e.field}: ${e.type}`)).toEqual(['spec.serviceAccountName: Forbidden', 'spec.volumes[0].secret: Forbidden']);
      // Still shown where it runs: the kubelet runs it whether or not the API server takes its mirror pod.
      expect(entry.desiredNumberScheduled).toBe(2);
    });

    test('a file without spec.nodeName: Required, and it runs nowhere the report can show', () => {
      const [entry] = evaluatePlacement([staticPodFile('etcd', undefined)], nodes()).daemonSets;
      expect(entry.errors.map((e) => `${e.field}: ${e.type}`)).toEqual(['spec.nodeName: Required']);
      expect(entry.desiredNumberScheduled).toBe(0);
      expect(entry.mirrorPods).toEqual([]);
    });

    test('pod validation too (the kubelet ignores a file that fails it)', () => {
      const [entry] = evaluatePlacement([staticPodFile('etcd', 'cp-1', { containers: [] })], nodes()).daemonSets;
      expect(entry.errors.map((e) => `${e.field}: ${e.type}`)).toContain('spec.containers: Required');
    });
  });
});
