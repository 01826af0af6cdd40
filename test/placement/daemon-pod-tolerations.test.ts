import { daemonSet, Manifest, only, verdict } from './fixtures';
import { evaluatePlacement, node, NodeBuilder } from '../../src';

const plain = daemonSet('agent');
const hostNetwork = daemonSet('agent', { hostNetwork: true });

describe('util.AddOrUpdateDaemonPodTolerations (pkg/controller/daemon/util/daemonset_util.go), as NewPod applies it before NodeShouldRunDaemonPod', () => {
  describe('added to every daemon pod', () => {
    it.each<[string, () => NodeBuilder]>([
      ['a cordoned node (node.kubernetes.io/unschedulable:NoSchedule)', () => node('n').cordoned()],
      ['memory pressure', () => node('n').taint('node.kubernetes.io/memory-pressure:NoSchedule')],
      ['disk pressure', () => node('n').taint('node.kubernetes.io/disk-pressure:NoSchedule')],
      ['pid pressure', () => node('n').taint('node.kubernetes.io/pid-pressure:NoSchedule')],
      ['not-ready, NoExecute half alone', () => node('n').taint('node.kubernetes.io/not-ready:NoExecute')],
      ['unreachable, NoExecute half alone', () => node('n').taint('node.kubernetes.io/unreachable:NoExecute')],
      ['every auto-tolerated taint at once', () => node('n').cordoned()
        .taint('node.kubernetes.io/memory-pressure:NoSchedule')
        .taint('node.kubernetes.io/disk-pressure:NoSchedule')
        .taint('node.kubernetes.io/pid-pressure:NoSchedule')
        .taint('node.kubernetes.io/not-ready:NoExecute')
        .taint('node.kubernetes.io/unreachable:NoExecute')],
    ])('a pod without tolerations lands on %s', (_, build) => {
      expect(verdict(plain, build())).toEqual({ node: 'n', shouldRun: true, shouldContinueRunning: true, reasons: [] });
    });

    it.each<[string, string]>([
      ['memory-pressure', 'node.kubernetes.io/memory-pressure:NoExecute'],
      ['disk-pressure', 'node.kubernetes.io/disk-pressure:NoExecute'],
      ['unschedulable', 'node.kubernetes.io/unschedulable:NoExecute'],
    ])('only the NoSchedule effect of %s is tolerated: a NoExecute one is not', (_, taint) => {
      const placement = verdict(plain, node('n').taint(taint));
      expect(placement.shouldRun).toBe(false);
      expect(placement.shouldContinueRunning).toBe(false);
    });

    it('a pod-level toleration for the same taint changes nothing (AddOrUpdateTolerationInPodSpec replaces it)', () => {
      const manifest = daemonSet('agent', {
        tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
      });
      expect(verdict(manifest, node('n').taint('node.kubernetes.io/not-ready:NoExecute')).shouldRun).toBe(true);
    });
  });

  describe('NotReady and unreachable nodes carry a NoSchedule half that is NOT auto-tolerated', () => {
    it.each<[string, () => NodeBuilder, string]>([
      ['NotReady', () => node('n').notReady(), 'node.kubernetes.io/not-ready'],
      ['unreachable', () => node('n').unreachable(), 'node.kubernetes.io/unreachable'],
    ])('%s: no new pod, but a running pod continues (its NoExecute half is auto-tolerated)', (_, build, key) => {
      expect(verdict(plain, build())).toEqual({
        node: 'n',
        shouldRun: false,
        shouldContinueRunning: true,
        reasons: [{ code: 'UntoleratedTaint', message: `taint ${key}:NoSchedule is not tolerated` }],
      });
    });

    it.each<[string, () => NodeBuilder, Record<string, unknown>]>([
      ['NotReady, not-ready:NoSchedule', () => node('n').notReady(), { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }],
      ['NotReady, not-ready any effect', () => node('n').notReady(), { key: 'node.kubernetes.io/not-ready', operator: 'Exists' }],
      ['unreachable, unreachable:NoSchedule', () => node('n').unreachable(), { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }],
      ['NotReady, tolerate everything', () => node('n').notReady(), { operator: 'Exists' }],
    ])('%s tolerated by the pod itself: the pod lands', (_, build, toleration) => {
      expect(verdict(daemonSet('agent', { tolerations: [toleration] }), build()).shouldRun).toBe(true);
    });

    it('tolerating not-ready:NoSchedule does not help on an unreachable node', () => {
      const manifest = daemonSet('agent', { tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }] });
      expect(verdict(manifest, node('n').unreachable()).shouldRun).toBe(false);
    });
  });

  describe('node.kubernetes.io/network-unavailable:NoSchedule is tolerated only with hostNetwork: true', () => {
    const netUnavailable = () => node('n').taint('node.kubernetes.io/network-unavailable:NoSchedule');

    it.each<[string, Manifest, boolean]>([
      ['hostNetwork: true', hostNetwork, true],
      ['hostNetwork unset', plain, false],
      ['hostNetwork: false', daemonSet('agent', { hostNetwork: false }), false],
    ])('%s → shouldRun %s', (_, manifest, expected) => {
      const placement = verdict(manifest, netUnavailable());
      expect(placement.shouldRun).toBe(expected);
      expect(placement.shouldContinueRunning).toBe(true);
    });

    it('its NoExecute effect is not tolerated, even with hostNetwork', () => {
      expect(verdict(hostNetwork, node('n').taint('node.kubernetes.io/network-unavailable:NoExecute')).shouldRun).toBe(false);
    });
  });

  describe('what the controller ignores', () => {
    it('spec.unschedulable without the taint changes nothing', () => {
      const cordonedWithoutTaint = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: { unschedulable: true } };
      expect(verdict(plain, cordonedWithoutTaint).shouldRun).toBe(true);
    });

    it('node conditions without taints change nothing', () => {
      const conditions = [
        { type: 'Ready', status: 'False' },
        { type: 'MemoryPressure', status: 'True' },
        { type: 'DiskPressure', status: 'True' },
        { type: 'PIDPressure', status: 'True' },
        { type: 'NetworkUnavailable', status: 'True' },
      ];
      const sick = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: {}, status: { conditions } };
      expect(verdict(plain, sick)).toEqual({ node: 'n', shouldRun: true, shouldContinueRunning: true, reasons: [] });
    });

    it('a whole troubled inventory: only NotReady and unreachable nodes lack the pod', () => {
      const report = evaluatePlacement([plain], [
        node('healthy'),
        node('cordoned').cordoned(),
        node('notready').notReady(),
        node('unreachable').unreachable(),
        node('mempressure').taint('node.kubernetes.io/memory-pressure:NoSchedule'),
        node('netunavailable').taint('node.kubernetes.io/network-unavailable:NoSchedule'),
      ]);
      expect(only(report).placements.map((p) => [p.node, p.shouldRun, p.shouldContinueRunning])).toEqual([
        ['healthy', true, true],
        ['cordoned', true, true],
        ['notready', false, true],
        ['unreachable', false, true],
        ['mempressure', true, true],
        ['netunavailable', false, true],
      ]);
      expect(only(report).desiredNumberScheduled).toBe(3);
    });
  });
});
