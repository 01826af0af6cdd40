import { FieldError, FieldPath } from './field-error';
import { qualifiedNameErrors } from './names';
import { formatQuantity, quantitySign, readQuantity } from './quantity';
import { JsonObject, stringAt } from '../json/shape';

/** The pod fields an environment variable may read (`validEnvDownwardAPIFieldPathExpressions`). */
export const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

/** The pod fields a downwardAPI volume file may hold (`validVolumeDownwardAPIFieldPathExpressions`). */
export const VOLUME_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.labels', 'metadata.annotations', 'metadata.uid'];

const CONTAINER_RESOURCES = [
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
];
const HUGEPAGES_PREFIXES = ['requests.hugepages-', 'limits.hugepages-'];

/**
 * Every field label the v1 downward API converts (`ConvertDownwardAPIFieldLabel`); `spec.host` is
 * the old name of `spec.nodeName`.
 */
const CONVERTIBLE_FIELD_PATHS = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

const BYTE_DIVISORS = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];

const sorted = (values: readonly string[]) => [...values].sort();

/** `metadata.labels['app']` split into path and subscript, as pkg/fieldpath `SplitMaybeSubscriptedPath` does. */
function splitSubscript(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const body = fieldPath.slice(0, -2);
  const at = body.indexOf("['");
  if (at <= 0) return undefined;
  return [body.slice(0, at), body.slice(at + 2)];
}

/** `ConvertDownwardAPIFieldLabel`: the internal field path, or the conversion error. */
function convertFieldLabel(apiVersion: string, label: string): { path: string } | { error: string } {
  if (apiVersion !== 'v1') return { error: `unsupported pod version: ${apiVersion}` };
  const subscripted = splitSubscript(label);
  if (subscripted) {
    return subscripted[0] === 'metadata.annotations' || subscripted[0] === 'metadata.labels'
      ? { path: label }
      : { error: `field label does not support subscript: ${label}` };
  }
  if (label === 'spec.host') return { path: 'spec.nodeName' };
  return CONVERTIBLE_FIELD_PATHS.includes(label) ? { path: label } : { error: `field label not supported: ${label}` };
}

/**
 * Mirrors `validateObjectFieldSelector` in pkg/apis/core/validation/validation.go. An empty
 * `apiVersion` is defaulted to `v1` (SetDefaults_ObjectFieldSelector), so it is never reported
 * missing.
 */
export function validateObjectFieldSelector(selector: JsonObject, allowed: readonly string[], path: FieldPath): FieldError[] {
  const apiVersion = stringAt(selector.apiVersion) || 'v1';
  const fieldPath = stringAt(selector.fieldPath) ?? '';
  if (fieldPath.length === 0) return [path.child('fieldPath').required()];
  const converted = convertFieldLabel(apiVersion, fieldPath);
  if ('error' in converted) return [path.child('fieldPath').invalid(fieldPath, `error converting fieldPath: ${converted.error}`)];
  const subscripted = splitSubscript(converted.path);
  if (subscripted) {
    // Annotation keys are matched case-insensitively, label keys exactly.
    const key = subscripted[0] === 'metadata.annotations' ? subscripted[1].toLowerCase() : subscripted[1];
    return qualifiedNameErrors(key).map((message) => path.invalid(key, message));
  }
  if (!allowed.includes(converted.path)) return [path.child('fieldPath').notSupported(converted.path, sorted(allowed))];
  return [];
}

/**
 * Mirrors `validateContainerResourceDivisor` in pkg/apis/core/validation/validation.go: the units
 * the kubelet can divide each resource by.
 */
function validateDivisor(resource: string, divisor: unknown, path: FieldPath): FieldError[] {
  const quantity = readQuantity(divisor);
  if (quantity === undefined) return [];
  if (typeof quantity === 'string') return [path.child('divisor').invalid(divisor, quantity)];
  if (quantitySign(quantity) === 0) return [];
  const canonical = formatQuantity(quantity);
  const invalid = (what: string) => [path.child('divisor').invalid(resource, what)];
  const bytes = `only divisor's values ${BYTE_DIVISORS.join(', ')} are supported with the`;
  switch (resource) {
    case 'limits.cpu':
    case 'requests.cpu':
      return ['1m', '1'].includes(canonical) ? [] : invalid("only divisor's values 1m and 1 are supported with the cpu resource");
    case 'limits.memory':
    case 'requests.memory':
      return BYTE_DIVISORS.includes(canonical) ? [] : invalid(`${bytes} memory resource`);
    case 'limits.ephemeral-storage':
    case 'requests.ephemeral-storage':
      return BYTE_DIVISORS.includes(canonical) ? [] : invalid(`${bytes} local ephemeral storage resource`);
    default:
      if (HUGEPAGES_PREFIXES.some((prefix) => resource.startsWith(prefix)) && !BYTE_DIVISORS.includes(canonical)) {
        return invalid(`${bytes} hugepages resource`);
      }
      return [];
  }
}

/**
 * Mirrors `validateContainerResourceFieldSelector` in pkg/apis/core/validation/validation.go. A
 * volume file must name its container (it is shared by all of them); an environment variable
 * defaults to its own.
 */
export function validateResourceFieldSelector(selector: JsonObject, path: FieldPath, inVolume: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const resource = stringAt(selector.resource) ?? '';
  if (inVolume && !stringAt(selector.containerName)) {
    errors.push(path.child('containerName').required());
  } else if (resource.length === 0) {
    errors.push(path.child('resource').required());
  } else if (!CONTAINER_RESOURCES.includes(resource) && !HUGEPAGES_PREFIXES.some((prefix) => resource.startsWith(prefix))) {
    errors.push(path.child('resource').notSupported(resource, sorted(CONTAINER_RESOURCES)));
  }
  errors.push(...validateDivisor(resource, selector.divisor, path));
  return errors;
}
