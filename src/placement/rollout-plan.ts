import { RolloutPlan } from './report';
import { JsonObject, objectAt } from '../json/shape';
import { scaledIntOrPercent, withApiServerDefaults } from '../validation';

/**
 * Mirrors `updatedDesiredNodeCounts` in pkg/controller/daemon/update.go: the rollout numbers
 * resolved against `desiredNumberScheduled`, and `maxUnavailable` 1 when both resolve to 0 while
 * pods are desired. A value the controller cannot read counts as 0 here (the controller reports
 * an error and does not roll; `errors` names the field).
 */
export function rolloutPlan(manifest: JsonObject, desiredNumberScheduled: number): RolloutPlan {
  const defaulted = withApiServerDefaults(manifest);
  const strategy = objectAt(objectAt(defaulted.spec)?.updateStrategy) ?? {};
  if (strategy.type !== 'RollingUpdate') return { strategy: 'OnDelete' };
  const rollingUpdate = objectAt(strategy.rollingUpdate) ?? {};
  let maxUnavailable = scaledIntOrPercent(rollingUpdate.maxUnavailable, desiredNumberScheduled) ?? 0;
  const maxSurge = scaledIntOrPercent(rollingUpdate.maxSurge, desiredNumberScheduled) ?? 0;
  if (desiredNumberScheduled > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  const perWave = podsPerWave({ strategy: 'RollingUpdate', maxUnavailable, maxSurge, waves: 0 });
  const waves = desiredNumberScheduled === 0 || perWave <= 0 ? 0 : Math.ceil(desiredNumberScheduled / perWave);
  return { strategy: 'RollingUpdate', maxUnavailable, maxSurge, waves };
}

/**
 * Pods replaced per round of a rollout: the controller surges when maxSurge > 0 and replaces in
 * place otherwise (`rollingUpdate` in pkg/controller/daemon/update.go). OnDelete replaces none.
 */
export function podsPerWave(plan: RolloutPlan): number {
  if (plan.strategy !== 'RollingUpdate') return 0;
  return plan.maxSurge > 0 ? plan.maxSurge : plan.maxUnavailable;
}
