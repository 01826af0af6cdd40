import { daemonSet, failureOf } from './fixtures';
import { evaluatePlacement, node, PlacementReport } from '../../src';
import { placementMatchers } from '../../src/jest';

expect.extend(placementMatchers);

const CLUSTER = [
  node('worker-1'),
  node('worker-2'),
  node('gpu-1').labels({ 'nvidia.com/gpu.present': 'true' }).taint('nvidia.com/gpu=true:NoSchedule'),
  node('win-1').os('windows').taint('os=windows:NoSchedule'),
];

// The DaemonSet controller does not check the node's OS (NodeShouldRunDaemonPod), so an agent
// that tolerates everything and selects no kubernetes.io/os gets a pod on the Windows node too.
const report: PlacementReport = evaluatePlacement(
  [
    daemonSet('logging', 'no-os', { tolerations: [{ operator: 'Exists' }] }),
    daemonSet('logging', 'linux', { tolerations: [{ operator: 'Exists' }], nodeSelector: { 'kubernetes.io/os': 'linux' } }),
  ],
  CLUSTER,
);

const ADVISORY =
  '  win-1: MixedOperatingSystems: no node selector or required affinity on kubernetes.io/os, and the pods land on ' +
  'linux (3 nodes) and windows (1 node): an image built for linux, the OS of most of them, fails to pull or start on this windows node';

describe('matcher messages list the DaemonSet\'s advisories (MixedOperatingSystems)', () => {
  test('toRunOn: the Linux nodes were expected, the Windows node is unexpected, and the advisory says why it matters', () => {
    const message = failureOf(() => expect(report).toRunOn('no-os', ['worker-1', 'worker-2', 'gpu-1']));
    expect(message).toContain('Unexpected (1), a pod runs there:\n  win-1\n');
    expect(message).toContain(`\nAdvisories (1), pods the controller creates that would not run:\n${ADVISORY}`);
  });

  test('not.toRunOnEveryNode: the pass that looks right still shows the advisory', () => {
    const message = failureOf(() => expect(report).not.toRunOnEveryNode('no-os'));
    expect(message).toContain('DaemonSet logging/no-os runs on every node (4 of 4 nodes).\n\nAdvisories (1)');
    expect(message).toContain(ADVISORY);
  });

  test('toRunOnEveryNode on a failure: skipped nodes first, then the advisories', () => {
    const withNotReady = evaluatePlacement(
      [daemonSet('logging', 'no-os', { tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }] })],
      [...CLUSTER, node('db-1').taint('dedicated=db:NoExecute')],
    );
    const message = failureOf(() => expect(withNotReady).toRunOnEveryNode('no-os'));
    expect(message).toMatch(/it skips 1:\n {2}db-1: no pod\n[\s\S]*\n\nAdvisories \(1\), pods the controller creates that would not run:\n {2}win-1: MixedOperatingSystems: /);
  });

  test('toSkip on the Windows node: it runs a pod there, and the advisory of that node follows', () => {
    const message = failureOf(() => expect(report).toSkip('no-os', 'win-1'));
    expect(message).toContain(`DaemonSet logging/no-os runs a pod on win-1.\n\nAdvisories (1), pods the controller creates that would not run:\n${ADVISORY}`);
    expect(failureOf(() => expect(report).toSkip('no-os', 'worker-1'))).not.toContain('Advisories');
  });

  test('toRunOnNoNode: the nodes it runs on, then the advisories', () => {
    expect(failureOf(() => expect(report).toRunOnNoNode('no-os'))).toContain(ADVISORY);
  });

  test('a DaemonSet with nodeSelector kubernetes.io/os: linux has no advisory to show', () => {
    expect(report).toRunOn('linux', ['worker-1', 'worker-2', 'gpu-1']);
    expect(report).toSkip('linux', 'win-1', 'NodeSelectorMismatch');
    expect(failureOf(() => expect(report).toRunOnEveryNode('linux'))).not.toContain('Advisories');
  });

  test('other advisories show the same way', () => {
    const greedy = daemonSet('default', 'greedy', { containers: [{ name: 'greedy', image: 'g', resources: { requests: { cpu: '8' } } }] });
    const small = evaluatePlacement([greedy], [node('small').allocatable({ cpu: '2', memory: '4Gi', pods: '110' })]);
    expect(failureOf(() => expect(small).not.toRunOn('greedy', ['small']))).toContain(
      'Advisories (1), pods the controller creates that would not run:\n  small: InsufficientResource: daemon pods request 8 cpu, allocatable is 2 (default/greedy)',
    );
  });

  test('at most 10 advisories are listed', () => {
    const nodes = [...Array.from({ length: 12 }, (_, i) => node(`win-${i + 1}`).os('windows')), ...Array.from({ length: 13 }, (_, i) => node(`linux-${i + 1}`))];
    const many = evaluatePlacement([daemonSet('default', 'agent')], nodes);
    const message = failureOf(() => expect(many).toRunOnNoNode('agent'));
    expect(message).toContain('Advisories (12)');
    expect(message).toContain('  win-10: MixedOperatingSystems');
    expect(message).toContain('  ... and 2 more');
    expect(message).not.toContain('win-11: ');
  });
});
