import { daemonSet, only, placementOn, verdict } from './fixtures';
import { evaluatePlacement, node } from '../../src';

describe('NodeShouldRunDaemonPod: template nodeName check (pkg/controller/daemon/daemon_controller.go)', () => {
  // if !(ds.Spec.Template.Spec.NodeName == "" || ds.Spec.Template.Spec.NodeName == node.Name) { return false, false }
  const pinned = daemonSet('pinned', { nodeName: 'worker-1' });

  it.each<[string, string, boolean]>([
    ['the named node', 'worker-1', true],
    ['another node', 'worker-2', false],
    ['a node whose name only differs in case', 'Worker-1', false],
    ['a node whose name has the template name as prefix', 'worker-10', false],
  ])('a template nodeName runs the pod on %s only (%s → %s)', (_, nodeName, shouldRun) => {
    const placement = verdict(pinned, node(nodeName));
    expect(placement.shouldRun).toBe(shouldRun);
    expect(placement.shouldContinueRunning).toBe(shouldRun);
  });

  it('reports NodeNameMismatch with shouldRun=false and shouldContinueRunning=false', () => {
    expect(verdict(pinned, node('worker-2'))).toEqual({
      node: 'worker-2',
      shouldRun: false,
      shouldContinueRunning: false,
      reasons: [{ code: 'NodeNameMismatch', message: "template nodeName is 'worker-1'" }],
    });
  });

  it('an empty template nodeName selects every node', () => {
    const report = evaluatePlacement([daemonSet('any', { nodeName: '' })], [node('a'), node('b')]);
    expect(only(report).placements.map((p) => p.shouldRun)).toEqual([true, true]);
    expect(only(report).desiredNumberScheduled).toBe(2);
  });

  it('a nodeName that names no node of the inventory places no pod at all', () => {
    const report = evaluatePlacement([daemonSet('gone', { nodeName: 'decommissioned' })], [node('a'), node('b')]);
    expect(only(report).placements.every((p) => !p.shouldRun && !p.shouldContinueRunning)).toBe(true);
    expect(only(report).desiredNumberScheduled).toBe(0);
  });

  it('a nodeName mismatch evicts a running pod even where only a NoSchedule taint is untolerated', () => {
    // The nodeName check returns (false, false) before taints are looked at.
    const placement = verdict(pinned, node('worker-2').taint('dedicated=db:NoSchedule'));
    expect(placement.shouldRun).toBe(false);
    expect(placement.shouldContinueRunning).toBe(false);
    expect(placement.reasons.map((r) => r.code)).toEqual(['NodeNameMismatch', 'UntoleratedTaint']);
  });

  it('the named node still has to be tolerated: an untolerated NoSchedule taint there keeps a running pod', () => {
    const placement = verdict(pinned, node('worker-1').taint('dedicated=db:NoSchedule'));
    expect(placement).toEqual({
      node: 'worker-1',
      shouldRun: false,
      shouldContinueRunning: true,
      reasons: [{ code: 'UntoleratedTaint', message: 'taint dedicated=db:NoSchedule is not tolerated' }],
    });
  });

  it('the named node still has to match the nodeSelector', () => {
    const report = evaluatePlacement(
      [daemonSet('pinned-gpu', { nodeName: 'worker-1', nodeSelector: { gpu: 'true' } })],
      [node('worker-1'), node('worker-2').labels({ gpu: 'true' })],
    );
    expect(placementOn(report, 'worker-1').reasons.map((r) => r.code)).toEqual(['NodeSelectorMismatch']);
    expect(placementOn(report, 'worker-2').reasons.map((r) => r.code)).toEqual(['NodeNameMismatch']);
    expect(only(report).desiredNumberScheduled).toBe(0);
  });

  it('a pinned DaemonSet is judged node by node, even among nodes that look alike', () => {
    const nodes = ['w-1', 'w-2', 'w-3', 'w-4'].map((name) => node(name));
    const report = evaluatePlacement([daemonSet('pinned', { nodeName: 'w-3' }), daemonSet('everywhere')], nodes);
    expect(report.daemonSets[0].placements.map((p) => p.shouldRun)).toEqual([false, false, true, false]);
    expect(report.daemonSets[1].placements.map((p) => p.shouldRun)).toEqual([true, true, true, true]);
  });
});
