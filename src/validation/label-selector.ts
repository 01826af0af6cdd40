import { FieldError, FieldPath } from './field-error';
import { LabelLookup, LabelRequirement, requirementMatches } from './label-requirement';
import { labelValueErrors, qualifiedNameErrors } from './names';
import { validateLabels } from './object-meta';
import { JsonObject, listAt, objectAt, stringAt } from '../json/shape';

const SET_OPERATORS = ['In', 'NotIn'];
const EXISTENCE_OPERATORS = ['Exists', 'DoesNotExist'];

/** Mirrors apimachinery `ValidateLabelSelector` (metav1 validation). */
export function validateLabelSelector(selector: JsonObject | undefined, path: FieldPath): FieldError[] {
  if (!selector) return [];
  const errors = validateLabels(selector.matchLabels, path.child('matchLabels'));
  listAt(selector.matchExpressions).forEach((raw, i) => {
    const requirementPath = path.child('matchExpressions').index(i);
    const requirement = objectAt(raw) ?? {};
    const operator = stringAt(requirement.operator) ?? '';
    const values = listAt(requirement.values);
    if (SET_OPERATORS.includes(operator)) {
      if (values.length === 0) {
        errors.push(requirementPath.child('values').required("must be specified when `operator` is 'In' or 'NotIn'"));
      }
    } else if (EXISTENCE_OPERATORS.includes(operator)) {
      if (values.length > 0) {
        errors.push(
          requirementPath.child('values').forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        );
      }
    } else {
      errors.push(requirementPath.child('operator').invalid(operator, 'not a valid selector operator'));
    }
    const key = stringAt(requirement.key) ?? '';
    for (const message of qualifiedNameErrors(key)) errors.push(requirementPath.child('key').invalid(key, message));
    values.forEach((value, j) => {
      for (const message of labelValueErrors(String(value))) {
        errors.push(requirementPath.child('values').index(j).invalid(value, message));
      }
    });
  });
  return errors;
}

/**
 * Whether a label selector selects a set of labels, as metav1 `LabelSelectorAsSelector`
 * followed by `Matches` decides: every matchLabels pair and every expression must hold.
 */
export function labelSelectorMatches(selector: JsonObject, labels: unknown): boolean {
  const present = labelLookup(objectAt(labels));
  const matchLabels = objectAt(selector.matchLabels) ?? {};
  for (const key of Object.keys(matchLabels)) {
    if (present.get(key) !== String(matchLabels[key] ?? '')) return false;
  }
  // The selector parsed (the caller checks that first), so each expression is a requirement whose
  // operator is one of the four a label selector has.
  return listAt(selector.matchExpressions).every((raw) => {
    const requirement = objectAt(raw) ?? {};
    return requirementMatches(
      { key: stringAt(requirement.key) ?? '', operator: requirement.operator as LabelRequirement['operator'], values: listAt(requirement.values).map(String) },
      present,
    );
  });
}

const SELECTOR_PATH = FieldPath.root('selector');

/**
 * A DaemonSet's (or any controller's) `spec.selector` as metav1 `LabelSelectorAsSelector` turns
 * it into a `labels.Selector`: a missing (nil) selector selects nothing, an empty one (no
 * matchLabels, no matchExpressions) every set of labels, and one that does not parse (an unknown
 * operator, an invalid key or value) is an error, which controllers treat as claiming no pods.
 *
 * @returns whether the selector selects a set of labels, or undefined when it does not parse
 */
export function labelSelectorAsSelector(selector: unknown): ((labels: unknown) => boolean) | undefined {
  const object = objectAt(selector);
  if (selector === undefined || selector === null) return () => false;
  if (!object || validateLabelSelector(object, SELECTOR_PATH).length > 0) return undefined;
  return (labels) => labelSelectorMatches(object, labels);
}

/** Reads a label map in place: a selector is matched once per template, and most have few labels. */
function labelLookup(labels: JsonObject | undefined): LabelLookup {
  // A JSON null decodes to the empty string, as Go decodes it into a map[string]string.
  return { get: (key) => (labels !== undefined && Object.prototype.hasOwnProperty.call(labels, key) ? String(labels[key] ?? '') : undefined) };
}
