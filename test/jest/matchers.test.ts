import { clusterReport, exampleReport, failureOf, largeReport } from './fixtures';
import { PlacementReport } from '../../src';
import { placementMatchers } from '../../src/jest';

expect.extend(placementMatchers);

const report: PlacementReport = clusterReport();

describe('toRunOn', () => {
  test('passes on exactly the nodes with a pod, in any order, by name or namespace/name', () => {
    expect(report).toRunOn('linux-only', ['worker-2', 'worker-1']);
    expect(report).toRunOn('monitoring/linux-only', ['worker-1', 'worker-2', 'worker-1']);
    expect(report).toRunOn('kube-system/gpu-plugin', ['gpu-1']);
    expect(report).toRunOn('pinned', ['worker-2']);
    expect(report).toRunOn('nowhere', []);
  });

  test('fails with the missing nodes and their reasons, and the unexpected nodes', () => {
    const message = failureOf(() => expect(report).toRunOn('linux-only', ['worker-1', 'cp-1', 'win-1']));
    expect(message).toContain('expect(report).toRunOn(daemonSet, nodes)');
    expect(message).toContain('DaemonSet monitoring/linux-only runs on 2 of 6 nodes.');
    expect(message).toContain('Expected: ["worker-1", "cp-1", "win-1"]\nReceived: ["worker-1", "worker-2"]');
    expect(message).toContain([
      'Missing (2), with the reasons they get no new pod:',
      '  cp-1: no new pod, a running one stays',
      '    UntoleratedTaint: taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated',
      '  win-1: no pod',
      "    NodeSelectorMismatch: nodeSelector kubernetes.io/os=linux not matched (node: 'windows')",
      '    UntoleratedTaint: taint os=windows:NoSchedule is not tolerated',
    ].join('\n'));
    expect(message).toContain('Unexpected (1), a pod runs there:\n  worker-2');
  });

  test('fails with only the unexpected nodes when none is missing', () => {
    const message = failureOf(() => expect(report).toRunOn('everywhere', ['cp-1']));
    expect(message).not.toContain('Missing');
    expect(message).toContain('Unexpected (5), a pod runs there:\n  worker-1\n  worker-2\n  gpu-1\n  win-1\n  worker-notready');
  });

  test('counts rather than prints long node lists, and lists at most 10 nodes', () => {
    const message = failureOf(() => expect(largeReport()).toRunOn('tolerant', []));
    expect(message).toContain('Expected: []\nReceived: 15 nodes\n');
    expect(message).toContain('  node-10\n  ... and 5 more');
    expect(message).not.toContain('node-11');
  });

  test('.not fails when the DaemonSet runs on exactly these nodes', () => {
    expect(report).not.toRunOn('gpu-plugin', ['gpu-1', 'worker-1']);
    expect(report).not.toRunOn('gpu-plugin', []);
    const message = failureOf(() => expect(report).not.toRunOn('gpu-plugin', ['gpu-1']));
    expect(message).toContain('expect(report).not.toRunOn(daemonSet, nodes)');
    expect(message).toContain('DaemonSet kube-system/gpu-plugin runs on exactly these nodes.\nExpected: not ["gpu-1"]\nReceived: ["gpu-1"]');
  });

  test('refuses nodes that are not an array of names', () => {
    expect(() => expect(report).toRunOn('everywhere', 'win-1' as any)).toThrow(/nodes.* must be an array of node names/);
    expect(() => expect(report).toRunOn('everywhere', [1] as any)).toThrow(/must be an array of node names/);
  });
});

describe('toRunOnEveryNode', () => {
  test('passes when every node gets a pod', () => {
    expect(report).toRunOnEveryNode('everywhere');
    expect(report).not.toRunOnEveryNode('linux-only');
  });

  test('fails with each skipped node and its reasons', () => {
    const message = failureOf(() => expect(report).toRunOnEveryNode('linux-only'));
    expect(message).toContain('expect(report).toRunOnEveryNode(daemonSet)');
    expect(message).toContain([
      'DaemonSet monitoring/linux-only runs on 2 of 6 nodes; it skips 4:',
      '  cp-1: no new pod, a running one stays',
      '    UntoleratedTaint: taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated',
      '  gpu-1: no new pod, a running one stays',
      '    UntoleratedTaint: taint nvidia.com/gpu=true:NoSchedule is not tolerated',
      '  win-1: no pod',
      "    NodeSelectorMismatch: nodeSelector kubernetes.io/os=linux not matched (node: 'windows')",
      '    UntoleratedTaint: taint os=windows:NoSchedule is not tolerated',
      '  worker-notready: no new pod, a running one stays',
      '    UntoleratedTaint: taint node.kubernetes.io/not-ready:NoSchedule is not tolerated',
    ].join('\n'));
  });

  test('lists at most 10 skipped nodes', () => {
    const message = failureOf(() => expect(largeReport()).toRunOnEveryNode('intolerant'));
    expect(message).toContain('DaemonSet default/intolerant runs on 0 of 15 nodes; it skips 15:');
    expect(message).toContain('  node-10: no new pod, a running one stays\n    UntoleratedTaint: taint dedicated=db:NoSchedule is not tolerated\n  ... and 5 more');
    expect(message).not.toContain('node-11');
  });

  test('.not fails when every node gets a pod', () => {
    const message = failureOf(() => expect(report).not.toRunOnEveryNode('everywhere'));
    expect(message).toContain('expect(report).not.toRunOnEveryNode(daemonSet)');
    expect(message).toContain('DaemonSet logging/everywhere runs on every node (6 of 6 nodes).');
  });
});

describe('toRunOnNoNode', () => {
  test('passes when no node gets a pod', () => {
    expect(report).toRunOnNoNode('nowhere');
    expect(report).not.toRunOnNoNode('pinned');
  });

  test('fails with the nodes that get a pod', () => {
    const message = failureOf(() => expect(report).toRunOnNoNode('linux-only'));
    expect(message).toContain('DaemonSet monitoring/linux-only runs on 2 of 6 nodes:\n  worker-1\n  worker-2');
  });

  test('.not fails with the skipped nodes and their reasons', () => {
    const message = failureOf(() => expect(report).not.toRunOnNoNode('nowhere'));
    expect(message).toContain('expect(report).not.toRunOnNoNode(daemonSet)');
    expect(message).toContain('DaemonSet default/nowhere runs on no node (0 of 6 nodes); it skips:\n  cp-1: no pod\n    NodeSelectorMismatch: nodeSelector pool=none not matched (absent)');
  });
});

describe('toSkip', () => {
  test('passes when the node gets no new pod, for any reason or for the given one', () => {
    expect(report).toSkip('linux-only', 'win-1');
    expect(report).toSkip('linux-only', 'win-1', 'NodeSelectorMismatch');
    expect(report).toSkip('linux-only', 'win-1', 'UntoleratedTaint');
    expect(report).toSkip('gpu-plugin', 'worker-1', 'NodeAffinityMismatch');
    expect(report).toSkip('pinned', 'worker-1', 'NodeNameMismatch');
    // A running pod stays, but no new one is created: that is a skip.
    expect(report).toSkip('linux-only', 'worker-notready', 'UntoleratedTaint');
  });

  test('fails when the node gets a pod', () => {
    const message = failureOf(() => expect(report).toSkip('linux-only', 'worker-1'));
    expect(message).toContain('expect(report).toSkip(daemonSet, node)');
    expect(message).toContain('DaemonSet monitoring/linux-only runs a pod on worker-1.');
  });

  test('fails with the actual reasons when none has the given code', () => {
    const message = failureOf(() => expect(report).toSkip('linux-only', 'win-1', 'NodeAffinityMismatch'));
    expect(message).toContain('expect(report).toSkip(daemonSet, node, reasonCode)');
    expect(message).toContain([
      'DaemonSet monitoring/linux-only skips win-1 (no pod), but not for NodeAffinityMismatch. Its reasons:',
      "  NodeSelectorMismatch: nodeSelector kubernetes.io/os=linux not matched (node: 'windows')",
      '  UntoleratedTaint: taint os=windows:NoSchedule is not tolerated',
    ].join('\n'));
  });

  test('.not passes when the node gets a pod or is skipped for other reasons', () => {
    expect(report).not.toSkip('linux-only', 'worker-1');
    expect(report).not.toSkip('linux-only', 'worker-1', 'UntoleratedTaint');
    expect(report).not.toSkip('linux-only', 'win-1', 'NodeAffinityMismatch');
  });

  test('.not fails with the reasons when the node is skipped', () => {
    const any = failureOf(() => expect(report).not.toSkip('linux-only', 'cp-1'));
    expect(any).toContain('expect(report).not.toSkip(daemonSet, node)');
    expect(any).toContain(
      'DaemonSet monitoring/linux-only skips cp-1 (no new pod, a running one stays). Its reasons:\n' +
      '  UntoleratedTaint: taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated',
    );
    const byCode = failureOf(() => expect(report).not.toSkip('linux-only', 'win-1', 'UntoleratedTaint'));
    expect(byCode).toContain('DaemonSet monitoring/linux-only skips win-1 for UntoleratedTaint (no pod). Its reasons:');
  });

  test('refuses a reason code it does not know, also under .not', () => {
    // @ts-expect-error the type lists the reason codes
    const message = failureOf(() => expect(report).not.toSkip('linux-only', 'win-1', 'Untolerated'));
    expect(message).toContain(
      'Matcher error: reasonCode must be one of NodeNameMismatch, NodeSelectorMismatch, NodeAffinityMismatch, UntoleratedTaint\n\nReceived: "Untolerated"',
    );
  });
});

describe('naming DaemonSets and nodes', () => {
  const names = 'DaemonSets in the report: logging/everywhere, monitoring/linux-only, kube-system/gpu-plugin, kube-system/pinned, ' +
    'monitoring/agent, logging/agent, default/nowhere';

  test('an unknown DaemonSet is a matcher error that lists the DaemonSets, also under .not', () => {
    for (const run of [
      () => expect(report).toRunOn('fluent-bit', []),
      () => expect(report).not.toRunOn('fluent-bit', []),
      () => expect(report).not.toRunOnEveryNode('fluent-bit'),
      () => expect(report).not.toRunOnNoNode('fluent-bit'),
      () => expect(report).not.toSkip('fluent-bit', 'cp-1'),
    ]) {
      const message = failureOf(run);
      expect(message).toContain('Matcher error: no DaemonSet "fluent-bit" in the report');
      expect(message).toContain(names);
    }
  });

  test('a namespace/name in the wrong namespace is unknown', () => {
    expect(() => expect(report).toRunOnEveryNode('kube-system/everywhere')).toThrow(/no DaemonSet "kube-system\/everywhere" in the report/);
  });

  test('a name held in two namespaces is ambiguous; namespace/name tells them apart', () => {
    const message = failureOf(() => expect(report).not.toRunOnNoNode('agent'));
    expect(message).toContain('Matcher error: the DaemonSet "agent" is ambiguous');
    expect(message).toContain('Name one of them as namespace/name: monitoring/agent, logging/agent.');
    expect(message).toContain(names);
    expect(report).toRunOn('monitoring/agent', ['worker-1', 'worker-2']);
    expect(report).toRunOn('logging/agent', ['worker-1', 'worker-2']);
  });

  test('a namespace/name held twice is ambiguous too', () => {
    const twice: PlacementReport = { ...report, daemonSets: [...report.daemonSets, report.daemonSets[0]] };
    expect(() => expect(twice).toRunOnEveryNode('logging/everywhere')).toThrow(/"logging\/everywhere" is ambiguous[\s\S]*The manifests hold 2 DaemonSets named logging\/everywhere\./);
  });

  test('a DaemonSet that is not a string is a matcher error', () => {
    expect(() => expect(report).toRunOnEveryNode(undefined as any)).toThrow(/the DaemonSet must be given as `name` or `namespace\/name`/);
  });

  test('an unknown node is a matcher error that lists the nodes, also under .not', () => {
    for (const run of [
      () => expect(report).toRunOn('everywhere', ['worker-1', 'worker-3']),
      () => expect(report).not.toRunOn('everywhere', ['worker-3']),
      () => expect(report).toSkip('everywhere', 'worker-3'),
      () => expect(report).not.toSkip('everywhere', 'worker-3', 'UntoleratedTaint'),
    ]) {
      const message = failureOf(run);
      expect(message).toContain('Matcher error: no node "worker-3" in the inventory');
      expect(message).toContain('Nodes in the inventory: cp-1, worker-1, worker-2, gpu-1, win-1, worker-notready');
    }
  });

  test('the messages say when the report holds no DaemonSet or no node', () => {
    expect(() => expect({ nodes: ['a'], daemonSets: [] }).toRunOnEveryNode('x')).toThrow(/no DaemonSet "x" in the report\n\nThe report holds no DaemonSet\./);
    const empty = { nodes: [], daemonSets: [{ ...report.daemonSets[0], placements: [] }] };
    expect(() => expect(empty).toSkip('everywhere', 'cp-1')).toThrow(/no node "cp-1" in the inventory\n\nNodes in the inventory: \(none\)/);
  });

  test('something else than a report is a matcher error that says how to get one', () => {
    const message = failureOf(() => expect([{ kind: 'DaemonSet' }]).not.toRunOnEveryNode('everywhere'));
    expect(message).toContain('Matcher error: received value must be a PlacementReport\n\nReceived: an array of 1');
    expect(message).toContain('evaluateChart(chart, inventory)');
    expect(() => expect(new Map()).toRunOnEveryNode('x')).toThrow(/Received: an instance of Map/);
    expect(() => expect(undefined).toRunOnEveryNode('x')).toThrow(/Received: undefined/);
  });
});

describe('on examples/cluster-agents', () => {
  const example = exampleReport();

  test('the GPU device plugin runs only on the GPU node, the Windows exporter only on the Windows node', () => {
    expect(example).toRunOn('nvidia-device-plugin', ['gpu-1']);
    expect(example).toRunOn('monitoring/windows-exporter', ['win-1']);
    expect(example).toSkip('nvidia-device-plugin', 'worker-1', 'NodeAffinityMismatch');
    expect(example).toSkip('windows-exporter', 'gpu-1', 'NodeAffinityMismatch');
  });
});
