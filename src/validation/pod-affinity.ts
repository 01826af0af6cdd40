import { FieldError, FieldPath } from './field-error';
import { validateLabelSelector } from './label-selector';
import { dns1123LabelErrors, qualifiedNameErrors } from './names';
import { JsonObject, listAt, numberAt, objectAt, stringAt } from '../json/shape';

/** Mirrors apimachinery `ValidateLabelName`: a label key, reported at `path`. */
export function validateLabelName(name: string, path: FieldPath): FieldError[] {
  return qualifiedNameErrors(name).map((message) => path.invalid(name, message));
}

/**
 * Mirrors `validateMatchLabelKeysAndMismatchLabelKeys` in pkg/apis/core/validation/validation.go:
 * label keys whose values the scheduler copies from the incoming pod. They need a selector to add
 * to, and a key may not be both matched and mismatched.
 */
function validateLabelKeys(term: JsonObject, selector: JsonObject | undefined, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const matchKeys = listAt(term.matchLabelKeys).map(String);
  const mismatchKeys = listAt(term.mismatchLabelKeys).map(String);
  for (const [field, keys] of [['matchLabelKeys', matchKeys], ['mismatchLabelKeys', mismatchKeys]] as const) {
    if (keys.length === 0) continue;
    if (!selector) errors.push(path.child(field).forbidden('must not be specified when labelSelector is not set'));
    else keys.forEach((key, i) => errors.push(...validateLabelName(key, path.child(field).index(i))));
  }
  if (selector) {
    // A matchLabelKeys key that the selector already constrains twice cannot be narrowed further.
    const seen = new Set(Object.keys(objectAt(selector.matchLabels) ?? {}));
    for (const raw of listAt(selector.matchExpressions)) {
      const key = stringAt(objectAt(raw)?.key) ?? '';
      const i = matchKeys.lastIndexOf(key);
      // Upstream indexes the path from the term itself here, not from matchLabelKeys.
      if (i >= 0 && seen.has(key)) errors.push(path.index(i).invalid(key, 'exists in both matchLabelKeys and labelSelector'));
      seen.add(key);
    }
  }
  matchKeys.forEach((key, i) => {
    if (mismatchKeys.includes(key)) errors.push(path.child('matchLabelKeys').index(i).invalid(key, 'exists in both matchLabelKeys and mismatchLabelKeys'));
  });
  return errors;
}

/**
 * Mirrors `validatePodAffinityTerm` in pkg/apis/core/validation/validation.go. Bad namespace names
 * are reported at `namespace` (singular), as upstream.
 */
function validateTerm(term: JsonObject, path: FieldPath): FieldError[] {
  const selector = objectAt(term.labelSelector);
  const errors = [
    ...validateLabelSelector(selector, path.child('labelSelector')),
    ...validateLabelSelector(objectAt(term.namespaceSelector), path.child('namespaceSelector')),
  ];
  for (const raw of listAt(term.namespaces)) {
    const namespace = String(raw);
    errors.push(...dns1123LabelErrors(namespace).map((message) => path.child('namespace').invalid(namespace, message)));
  }
  errors.push(...validateLabelKeys(term, selector, path));
  const topologyKey = stringAt(term.topologyKey) ?? '';
  if (topologyKey.length === 0) errors.push(path.child('topologyKey').required('can not be empty'));
  errors.push(...validateLabelName(topologyKey, path.child('topologyKey')));
  return errors;
}

/**
 * Mirrors `validatePodAffinity` and `validatePodAntiAffinity` in
 * pkg/apis/core/validation/validation.go: required terms, and weighted preferred terms.
 */
export function validatePodAffinityKind(affinity: JsonObject | undefined, path: FieldPath): FieldError[] {
  if (!affinity) return [];
  const requiredPath = path.child('requiredDuringSchedulingIgnoredDuringExecution');
  const preferredPath = path.child('preferredDuringSchedulingIgnoredDuringExecution');
  const errors = listAt(affinity.requiredDuringSchedulingIgnoredDuringExecution).flatMap((raw, i) =>
    validateTerm(objectAt(raw) ?? {}, requiredPath.index(i)),
  );
  listAt(affinity.preferredDuringSchedulingIgnoredDuringExecution).forEach((raw, i) => {
    const weighted = objectAt(raw) ?? {};
    const weight = numberAt(weighted.weight) ?? 0;
    if (weight <= 0 || weight > 100) errors.push(preferredPath.index(i).child('weight').invalid(weight, 'must be in the range 1-100'));
    errors.push(...validateTerm(objectAt(weighted.podAffinityTerm) ?? {}, preferredPath.index(i).child('podAffinityTerm')));
  });
  return errors;
}
