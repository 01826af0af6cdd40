import { ENV_FIELD_PATHS, validateObjectFieldSelector, validateResourceFieldSelector } from './downward-api';
import { FieldError, FieldPath } from './field-error';
import { configMapKeyErrors, dns1123SubdomainErrors, dns1123SubdomainPrefixErrors, envVarNameErrors } from './names';
import { JsonObject, listAt, objectAt, stringAt } from '../json/shape';

/**
 * Mirrors `validateConfigMapKeySelector` / `validateSecretKeySelector` in
 * pkg/apis/core/validation/validation.go. The name is checked even when empty, so an empty name is
 * an invalid value rather than a missing one.
 */
function validateKeySelector(selector: JsonObject, path: FieldPath): FieldError[] {
  const name = stringAt(selector.name) ?? '';
  const errors = dns1123SubdomainErrors(name).map((message) => path.child('name').invalid(name, message));
  const key = stringAt(selector.key) ?? '';
  if (key.length === 0) errors.push(path.child('key').required());
  else errors.push(...configMapKeyErrors(key).map((message) => path.child('key').invalid(key, message)));
  return errors;
}

/**
 * Mirrors `validateEnvVarValueFrom` in pkg/apis/core/validation/validation.go: exactly one source,
 * and no literal `value` beside it.
 */
function validateValueFrom(envVar: JsonObject, path: FieldPath): FieldError[] {
  const valueFrom = objectAt(envVar.valueFrom);
  if (!valueFrom) return [];
  const errors: FieldError[] = [];
  let sources = 0;
  const fieldRef = objectAt(valueFrom.fieldRef);
  if (fieldRef) {
    sources++;
    errors.push(...validateObjectFieldSelector(fieldRef, ENV_FIELD_PATHS, path.child('fieldRef')));
  }
  const resourceFieldRef = objectAt(valueFrom.resourceFieldRef);
  if (resourceFieldRef) {
    sources++;
    errors.push(...validateResourceFieldSelector(resourceFieldRef, path.child('resourceFieldRef'), false));
  }
  for (const source of ['configMapKeyRef', 'secretKeyRef']) {
    const selector = objectAt(valueFrom[source]);
    if (selector) {
      sources++;
      errors.push(...validateKeySelector(selector, path.child(source)));
    }
  }
  if (sources === 0) {
    errors.push(path.invalid('', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  } else if (stringAt(envVar.value)) {
    errors.push(path.invalid('', 'may not be specified when `value` is not empty'));
  } else if (sources > 1) {
    errors.push(path.invalid('', 'may not have more than one field specified at a time'));
  }
  return errors;
}

/**
 * Mirrors `ValidateEnv` in pkg/apis/core/validation/validation.go. Repeating a name is allowed: the
 * API server only warns that the later definition hides the earlier one.
 */
export function validateEnv(env: unknown, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  listAt(env).forEach((raw, i) => {
    const envVar = objectAt(raw) ?? {};
    const itemPath = path.index(i);
    const name = stringAt(envVar.name) ?? '';
    if (name.length === 0) errors.push(itemPath.child('name').required());
    else errors.push(...envVarNameErrors(name).map((message) => itemPath.child('name').invalid(name, message)));
    errors.push(...validateValueFrom(envVar, itemPath.child('valueFrom')));
  });
  return errors;
}

/**
 * Mirrors `ValidateEnvFrom` in pkg/apis/core/validation/validation.go. The source count errors name
 * the list itself (`envFrom`), not the entry, as the API server does.
 */
export function validateEnvFrom(envFrom: unknown, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  listAt(envFrom).forEach((raw, i) => {
    const source = objectAt(raw) ?? {};
    const itemPath = path.index(i);
    const prefix = stringAt(source.prefix) ?? '';
    if (prefix.length > 0) {
      errors.push(...envVarNameErrors(prefix).map((message) => itemPath.child('prefix').invalid(prefix, message)));
    }
    let sources = 0;
    for (const kind of ['configMapRef', 'secretRef']) {
      const ref = objectAt(source[kind]);
      if (!ref) continue;
      sources++;
      const name = stringAt(ref.name) ?? '';
      const namePath = itemPath.child(kind, 'name');
      if (name.length === 0) errors.push(namePath.required());
      else errors.push(...dns1123SubdomainPrefixErrors(name).map((message) => namePath.invalid(name, message)));
    }
    if (sources === 0) errors.push(path.invalid('', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1) errors.push(path.invalid('', 'may not have more than one field specified at a time'));
  });
  return errors;
}
