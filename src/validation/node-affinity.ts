import { FieldError, FieldPath } from './field-error';
import { dns1123SubdomainErrors, labelValueErrors, qualifiedNameErrors } from './names';
import { JsonObject, listAt, numberAt, objectAt, stringAt } from '../json/shape';

/** The only node field a `matchFields` requirement may select on. */
const NODE_NAME_FIELD = 'metadata.name';

/**
 * Mirrors `ValidateNodeSelectorRequirement`. A `Gt`/`Lt` value that is not an integer is accepted
 * here as the API server accepts it; `nonIntegerComparisons` warns about it.
 */
function validateLabelRequirement(requirement: JsonObject, path: FieldPath, checkValues: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const operator = stringAt(requirement.operator) ?? '';
  const values = listAt(requirement.values);
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        errors.push(path.child('values').required("must be specified when `operator` is 'In' or 'NotIn'"));
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errors.push(path.child('values').forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      }
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) {
        errors.push(path.child('values').required("must be specified single value when `operator` is 'Lt' or 'Gt'"));
      }
      break;
    default:
      errors.push(path.child('operator').invalid(operator, 'not a valid selector operator'));
  }
  const key = stringAt(requirement.key) ?? '';
  for (const message of qualifiedNameErrors(key)) errors.push(path.child('key').invalid(key, message));
  if (checkValues) {
    values.forEach((value, i) => {
      for (const message of labelValueErrors(String(value))) errors.push(path.child('values').index(i).invalid(value, message));
    });
  }
  return errors;
}

/** Mirrors `ValidateNodeFieldSelectorRequirement`: only `metadata.name`, In/NotIn, one value. */
function validateFieldRequirement(requirement: JsonObject, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const operator = stringAt(requirement.operator) ?? '';
  const values = listAt(requirement.values);
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length !== 1) {
      errors.push(
        path.child('values').required("must be only one value when `operator` is 'In' or 'NotIn' for node field selector"),
      );
    }
  } else {
    errors.push(path.child('operator').invalid(operator, 'not a valid selector operator'));
  }
  const key = stringAt(requirement.key) ?? '';
  if (key !== NODE_NAME_FIELD) {
    errors.push(path.child('key').invalid(key, 'not a valid field selector key'));
  } else {
    values.forEach((value, i) => {
      for (const message of dns1123SubdomainErrors(String(value))) {
        errors.push(path.child('values').index(i).invalid(value, message));
      }
    });
  }
  return errors;
}

/**
 * Mirrors `ValidateNodeSelectorTerm`. Label values are checked in required terms only, as the API
 * server does for new objects (`AllowInvalidLabelValueInRequiredNodeAffinity` is off for them).
 */
export function validateNodeSelectorTerm(term: JsonObject | undefined, path: FieldPath, required: boolean): FieldError[] {
  const errors: FieldError[] = [];
  listAt(term?.matchExpressions).forEach((raw, j) => {
    errors.push(...validateLabelRequirement(objectAt(raw) ?? {}, path.child('matchExpressions').index(j), required));
  });
  listAt(term?.matchFields).forEach((raw, j) => {
    errors.push(...validateFieldRequirement(objectAt(raw) ?? {}, path.child('matchFields').index(j)));
  });
  return errors;
}

/** Mirrors `ValidateNodeSelector`: at least one term. */
function validateNodeSelector(selector: JsonObject, path: FieldPath): FieldError[] {
  const termsPath = path.child('nodeSelectorTerms');
  const terms = listAt(selector.nodeSelectorTerms);
  if (terms.length === 0) return [termsPath.required('must have at least one node selector term')];
  return terms.flatMap((term, i) => validateNodeSelectorTerm(objectAt(term), termsPath.index(i), true));
}

/** Mirrors `validatePreferredSchedulingTerms`: weight 1..100 and a valid preference. */
function validatePreferredTerms(terms: unknown, path: FieldPath): FieldError[] {
  return listAt(terms).flatMap((raw, i) => {
    const term = objectAt(raw) ?? {};
    const errors: FieldError[] = [];
    const weight = numberAt(term.weight) ?? 0;
    if (weight <= 0 || weight > 100) {
      errors.push(path.index(i).child('weight').invalid(term.weight ?? 0, 'must be in the range 1-100'));
    }
    errors.push(...validateNodeSelectorTerm(objectAt(term.preference), path.index(i).child('preference'), false));
    return errors;
  });
}

/** Mirrors `validateNodeAffinity`. */
export function validateNodeAffinity(nodeAffinity: JsonObject | undefined, path: FieldPath): FieldError[] {
  if (!nodeAffinity) return [];
  const errors: FieldError[] = [];
  const required = objectAt(nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution);
  if (required) {
    errors.push(...validateNodeSelector(required, path.child('requiredDuringSchedulingIgnoredDuringExecution')));
  }
  errors.push(
    ...validatePreferredTerms(
      nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution,
      path.child('preferredDuringSchedulingIgnoredDuringExecution'),
    ),
  );
  return errors;
}
