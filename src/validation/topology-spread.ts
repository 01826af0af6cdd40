import { FieldError, FieldPath } from './field-error';
import { validateLabelSelector } from './label-selector';
import { validateLabelName } from './pod-affinity';
import { JsonObject, listAt, numberAt, objectAt, stringAt } from '../json/shape';

const WHEN_UNSATISFIABLE = ['DoNotSchedule', 'ScheduleAnyway'];
const INCLUSION_POLICIES = ['Honor', 'Ignore'];

const isSet = (value: unknown) => value !== undefined && value !== null;

/** Mirrors `validateMatchLabelKeysInTopologySpread` in pkg/apis/core/validation/validation.go. */
function validateMatchLabelKeys(constraint: JsonObject, path: FieldPath): FieldError[] {
  const keys = listAt(constraint.matchLabelKeys).map(String);
  if (keys.length === 0) return [];
  const selector = objectAt(constraint.labelSelector);
  const errors: FieldError[] = [];
  if (!selector) errors.push(path.forbidden('must not be specified when labelSelector is not set'));
  const selectorKeys = new Set([
    ...Object.keys(objectAt(selector?.matchLabels) ?? {}),
    ...listAt(selector?.matchExpressions).map((raw) => stringAt(objectAt(raw)?.key) ?? ''),
  ]);
  keys.forEach((key, i) => {
    errors.push(...validateLabelName(key, path.index(i)));
    if (selectorKeys.has(key)) errors.push(path.index(i).invalid(key, 'exists in both matchLabelKeys and labelSelector'));
  });
  return errors;
}

/**
 * Mirrors `validateTopologySpreadConstraints` in pkg/apis/core/validation/validation.go. The
 * topology key itself is only required, not checked as a label key, as upstream.
 */
export function validateTopologySpreadConstraints(constraints: unknown, path: FieldPath): FieldError[] {
  const list = listAt(constraints).map((raw) => objectAt(raw) ?? {});
  const errors: FieldError[] = [];
  list.forEach((constraint, i) => {
    const itemPath = path.index(i);
    const maxSkew = numberAt(constraint.maxSkew) ?? 0;
    if (maxSkew <= 0) errors.push(itemPath.child('maxSkew').invalid(maxSkew, 'must be greater than zero'));
    const topologyKey = stringAt(constraint.topologyKey) ?? '';
    if (topologyKey.length === 0) errors.push(itemPath.child('topologyKey').required('can not be empty'));
    const action = stringAt(constraint.whenUnsatisfiable) ?? '';
    if (!WHEN_UNSATISFIABLE.includes(action)) errors.push(itemPath.child('whenUnsatisfiable').notSupported(action, WHEN_UNSATISFIABLE));
    // Two constraints on one topology key and action would be one constraint counted twice.
    const repeated = list.slice(i + 1).some((other) => (stringAt(other.topologyKey) ?? '') === topologyKey && (stringAt(other.whenUnsatisfiable) ?? '') === action);
    if (repeated) errors.push(itemPath.child('{topologyKey, whenUnsatisfiable}').duplicate(`{${topologyKey}, ${action}}`));
    if (isSet(constraint.minDomains)) {
      const minDomains = numberAt(constraint.minDomains) ?? 0;
      if (minDomains <= 0) errors.push(itemPath.child('minDomains').invalid(minDomains, 'must be greater than zero'));
      if (action !== 'DoNotSchedule') {
        errors.push(itemPath.child('minDomains').invalid(minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`));
      }
    }
    for (const key of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      const policy = constraint[key];
      if (isSet(policy) && !INCLUSION_POLICIES.includes(String(policy))) errors.push(itemPath.child(key).notSupported(policy, INCLUSION_POLICIES));
    }
    errors.push(...validateMatchLabelKeys(constraint, itemPath.child('matchLabelKeys')));
    errors.push(...validateLabelSelector(objectAt(constraint.labelSelector), itemPath.child('labelSelector')));
  });
  return errors;
}
