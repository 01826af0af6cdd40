import { PlacementReport } from '../placement';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether `value` has the shape of a `PlacementReport`: a `nodes` array and a `daemonSets` array
 * whose items have `placements`. Reports come from JSON files and other package copies as often
 * as from `evaluatePlacement`, so the shape decides, not a class.
 */
export function isPlacementReport(value: unknown): value is PlacementReport {
  if (!isObject(value) || !Array.isArray(value.nodes) || !Array.isArray(value.daemonSets)) return false;
  return value.daemonSets.every((daemonSet) => isObject(daemonSet) && Array.isArray(daemonSet.placements));
}
