import { FieldError, FieldPath } from './field-error';
import { dns1123LabelErrors, dns1123SubdomainErrors, labelValueErrors, qualifiedNameErrors } from './names';
import { JsonObject, objectAt, stringAt, stringEntries } from '../json/shape';

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** Mirrors apimachinery `ValidateLabels`: keys are qualified names, values label values. */
export function validateLabels(labels: unknown, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const map = objectAt(labels);
  if (!map) return errors;
  // Keys rather than stringEntries: every DaemonSet has three label maps, nearly always valid.
  for (const key of Object.keys(map)) {
    const value = String(map[key] ?? '');
    for (const message of qualifiedNameErrors(key)) errors.push(path.invalid(key, message));
    for (const message of labelValueErrors(value)) errors.push(path.invalid(value, message));
  }
  return errors;
}

/** Mirrors apimachinery `ValidateAnnotations`: lower-cased keys are qualified names; 256 KiB in total. */
export function validateAnnotations(annotations: unknown, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  let totalSize = 0;
  for (const [key, value] of stringEntries(annotations)) {
    for (const message of qualifiedNameErrors(key.toLowerCase())) errors.push(path.invalid(key, message));
    totalSize += key.length + value.length;
  }
  if (totalSize > TOTAL_ANNOTATION_SIZE_LIMIT) {
    errors.push(path.tooLong(`may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes`));
  }
  return errors;
}

/**
 * Mirrors apimachinery `ValidateObjectMeta` with `ValidateDaemonSetName` (a DNS subdomain).
 * The namespace may be omitted in a manifest: the API server takes it from the request.
 */
export function validateObjectMeta(metadata: JsonObject | undefined, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const name = stringAt(metadata?.name);
  const generateName = stringAt(metadata?.generateName);
  if (!name && !generateName) {
    errors.push(path.child('name').required('name or generateName is required'));
  } else if (name) {
    for (const message of dns1123SubdomainErrors(name)) errors.push(path.child('name').invalid(name, message));
  }
  const namespace = stringAt(metadata?.namespace);
  if (namespace) {
    for (const message of dns1123LabelErrors(namespace)) errors.push(path.child('namespace').invalid(namespace, message));
  }
  errors.push(...validateLabels(objectAt(metadata?.labels), path.child('labels')));
  errors.push(...validateAnnotations(objectAt(metadata?.annotations), path.child('annotations')));
  return errors;
}
