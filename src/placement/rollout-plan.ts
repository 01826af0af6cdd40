import { RolloutPlan } from './report';
import { JsonObject, objectAt } from '../json/shape';
import { withApiServerDefaults } from '../validation/defaults';

const PERCENT = /^(\d+)%$/;

/**
 * Mirrors intstr `GetScaledValueFromIntOrPercent(value, total, roundUp=true)`, which the
 * DaemonSet controller uses for both maxUnavailable and maxSurge (Deployments round
 * maxUnavailable down; DaemonSets do not).
 * @returns the count, or undefined when the value is neither an integer nor a percentage
 */
export function scaledValue(value: unknown, total: number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const percent = PERCENT.exec(value);
  // A string is read only as a percentage: "5" is an error, not 5.
  return percent ? Math.ceil((Number(percent[1]) * total) / 100) : undefined;
}

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
  let maxUnavailable = scaledValue(rollingUpdate.maxUnavailable, desiredNumberScheduled) ?? 0;
  const maxSurge = scaledValue(rollingUpdate.maxSurge, desiredNumberScheduled) ?? 0;
  if (desiredNumberScheduled > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  // The controller surges when maxSurge > 0 and replaces in place otherwise (rollingUpdate).
  const perWave = maxSurge > 0 ? maxSurge : maxUnavailable;
  const waves = desiredNumberScheduled === 0 || perWave <= 0 ? 0 : Math.ceil(desiredNumberScheduled / perWave);
  return { strategy: 'RollingUpdate', maxUnavailable, maxSurge, waves };
}
