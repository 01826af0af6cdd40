import { daemonSet, only } from './fixtures';
import { evaluatePlacement, node, NodeBuilder, RolloutPlan } from '../../src';

/** `count` untainted worker nodes. */
function workers(count: number): NodeBuilder[] {
  return Array.from({ length: count }, (_, i) => node(`worker-${i + 1}`));
}

/** The rollout of a DaemonSet with `updateStrategy` placed on `count` nodes. */
function rollout(updateStrategy: unknown, count: number): RolloutPlan {
  return only(evaluatePlacement([daemonSet('agent', {}, { updateStrategy })], workers(count))).rollout;
}

function rollingUpdate(maxUnavailable: unknown, maxSurge?: unknown) {
  return { type: 'RollingUpdate', rollingUpdate: maxSurge === undefined ? { maxUnavailable } : { maxUnavailable, maxSurge } };
}

describe('updatedDesiredNodeCounts (pkg/controller/daemon/update.go)', () => {
  it('desiredNumberScheduled counts the nodes where shouldRun is true, and the rollout resolves against it', () => {
    const report = evaluatePlacement([daemonSet('agent', {}, { updateStrategy: rollingUpdate('50%') })], [
      ...workers(3),
      node('tainted').taint('dedicated=db:NoSchedule'),
      node('notready').notReady(), // shouldContinueRunning, but not shouldRun: not counted
      node('cordoned').cordoned(), // daemon pods tolerate it: counted
    ]);
    expect(only(report).desiredNumberScheduled).toBe(4);
    expect(only(report).rollout).toEqual({ strategy: 'RollingUpdate', maxUnavailable: 2, maxSurge: 0, waves: 2 });
  });

  it('each DaemonSet of a report gets its own count', () => {
    const report = evaluatePlacement(
      [daemonSet('all'), daemonSet('gpu', { nodeSelector: { gpu: 'true' } })],
      [...workers(4), node('gpu-1').labels({ gpu: 'true' })],
    );
    expect(report.daemonSets.map((d) => d.desiredNumberScheduled)).toEqual([5, 1]);
  });

  it('both zero while pods are desired: maxUnavailable becomes 1', () => {
    expect(rollout(rollingUpdate(0, 0), 3)).toEqual({ strategy: 'RollingUpdate', maxUnavailable: 1, maxSurge: 0, waves: 3 });
    expect(rollout(rollingUpdate('0%', '0%'), 3)).toEqual({ strategy: 'RollingUpdate', maxUnavailable: 1, maxSurge: 0, waves: 3 });
    // The fallback needs at least one desired pod.
    expect(rollout(rollingUpdate(0, 0), 0)).toEqual({ strategy: 'RollingUpdate', maxUnavailable: 0, maxSurge: 0, waves: 0 });
  });
});

describe('util.UnavailableCount / util.SurgeCount: intstr.GetScaledValueFromIntOrPercent(roundUp=true) (pkg/controller/daemon/util/daemonset_util.go)', () => {
  it.each<[unknown, number, number]>([
    // [maxUnavailable, desired, expected]
    ['10%', 15, 2], // 1.5 rounds up (a Deployment would round down to 1)
    ['1%', 1, 1],
    ['25%', 10, 3], // 2.5 → 3
    ['33%', 3, 1], // 0.99 → 1
    ['50%', 4, 2],
    ['100%', 7, 7],
    ['30%', 10, 3], // exact
    [2, 5, 2],
    [10, 3, 10], // an integer is not capped at the node count
  ])('maxUnavailable %p of %p desired → %p', (maxUnavailable, desired, expected) => {
    const plan = rollout(rollingUpdate(maxUnavailable, 0), desired);
    expect(plan).toEqual({ strategy: 'RollingUpdate', maxUnavailable: expected, maxSurge: 0, waves: Math.ceil(desired / expected) });
  });

  it.each<[unknown, number, number]>([
    // [maxSurge, desired, expected]
    ['10%', 15, 2],
    ['1%', 1, 1],
    ['25%', 10, 3],
    ['20%', 10, 2],
    [3, 10, 3],
  ])('maxSurge %p of %p desired → %p (maxUnavailable 0)', (maxSurge, desired, expected) => {
    const plan = rollout(rollingUpdate(0, maxSurge), desired);
    expect(plan).toEqual({ strategy: 'RollingUpdate', maxUnavailable: 0, maxSurge: expected, waves: Math.ceil(desired / expected) });
  });

  it('a percentage of 0 desired pods is 0', () => {
    expect(rollout(rollingUpdate('50%'), 0)).toEqual({ strategy: 'RollingUpdate', maxUnavailable: 0, maxSurge: 0, waves: 0 });
    expect(rollout(rollingUpdate(0, '50%'), 0)).toEqual({ strategy: 'RollingUpdate', maxUnavailable: 0, maxSurge: 0, waves: 0 });
  });
});

describe('defaults (SetDefaults_DaemonSet, pkg/apis/apps/v1/defaults.go) and waves', () => {
  it.each<[string, unknown]>([
    ['no updateStrategy', undefined],
    ['an empty updateStrategy', {}],
    ['RollingUpdate without rollingUpdate', { type: 'RollingUpdate' }],
    ['RollingUpdate with an empty rollingUpdate', { type: 'RollingUpdate', rollingUpdate: {} }],
  ])('%s → RollingUpdate, maxUnavailable 1, maxSurge 0', (_, updateStrategy) => {
    expect(rollout(updateStrategy, 5)).toEqual({ strategy: 'RollingUpdate', maxUnavailable: 1, maxSurge: 0, waves: 5 });
  });

  it('the default maxUnavailable 1 stays 1 with 0 desired pods, and 0 desired pods take 0 waves', () => {
    expect(rollout(undefined, 0)).toEqual({ strategy: 'RollingUpdate', maxUnavailable: 1, maxSurge: 0, waves: 0 });
  });

  it.each<[string, unknown, number, number]>([
    // waves = ceil(desired / (maxSurge if > 0 else maxUnavailable))
    ['maxUnavailable 1 over 7', rollingUpdate(1, 0), 7, 7],
    ['maxUnavailable 3 over 7', rollingUpdate(3, 0), 7, 3],
    ['maxUnavailable 7 over 7', rollingUpdate(7, 0), 7, 1],
    ['maxUnavailable 10% over 15 (2)', rollingUpdate('10%', 0), 15, 8],
    ['maxSurge 2 over 7 (surge decides)', rollingUpdate(0, 2), 7, 4],
    ['maxSurge 10% over 15 (2)', rollingUpdate(0, '10%'), 15, 8],
    ['maxSurge 100% over 7', rollingUpdate(0, '100%'), 7, 1],
    // Rejected by validation, but the controller surges whenever maxSurge > 0 (update.go rollingUpdate).
    ['maxUnavailable 1 and maxSurge 3 over 9', rollingUpdate(1, 3), 9, 3],
    ['maxUnavailable 10% and maxSurge 20% over 10', rollingUpdate('10%', '20%'), 10, 5],
  ])('%s → %p waves', (_, updateStrategy, desired, waves) => {
    const plan = rollout(updateStrategy, desired);
    expect(plan.strategy).toBe('RollingUpdate');
    expect(plan.strategy === 'RollingUpdate' && plan.waves).toBe(waves);
  });

  it('OnDelete → { strategy: "OnDelete" } and nothing else', () => {
    expect(rollout({ type: 'OnDelete' }, 5)).toEqual({ strategy: 'OnDelete' });
    expect(Object.keys(rollout({ type: 'OnDelete' }, 5))).toEqual(['strategy']);
  });

  it('OnDelete ignores a leftover rollingUpdate', () => {
    expect(rollout({ type: 'OnDelete', rollingUpdate: { maxUnavailable: 3 } }, 5)).toEqual({ strategy: 'OnDelete' });
  });
});
