import { FieldError, FieldPath } from './field-error';
import { qualifiedNameErrors } from './names';
import {
  compareQuantities,
  formatQuantity,
  parseQuantity,
  Quantity,
  quantitySign,
  readQuantity,
  roundUpToScale,
  scaledValue,
} from './quantity';
import { JsonObject, objectAt } from '../json/shape';

const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];
/** `standardResources` of pkg/apis/core/helper: names without a domain that the API server knows. */
const STANDARD_RESOURCES = [
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.storage',
  'services.nodeports',
  'services.loadbalancers',
];
const INTEGER_RESOURCES = [
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
];
const HUGEPAGES_PREFIX = 'hugepages-';
const MILLI = -3;

const isHugePages = (name: string) => name.startsWith(HUGEPAGES_PREFIX);
/** Unprefixed names and `kubernetes.io/` names are the cluster's own (`IsNativeResource`). */
const isNative = (name: string) => !name.includes('/') || name.includes('kubernetes.io/');
/** Device plugins' resources such as `nvidia.com/gpu` (`IsExtendedResourceName`). */
const isExtended = (name: string) =>
  !isNative(name) && !name.startsWith('requests.') && qualifiedNameErrors(`requests.${name}`).length === 0;
/** Only native, non-hugepages resources may be requested below their limit (`IsOvercommitAllowed`). */
const overcommitAllowed = (name: string) => isNative(name) && !isHugePages(name);

/**
 * Mirrors `validateResourceName` followed by `validateContainerResourceName` in
 * pkg/apis/core/validation/validation.go: the messages, each an error at the resource's path.
 */
function resourceNameMessages(name: string): string[] {
  const messages = qualifiedNameErrors(name);
  const unprefixed = !name.includes('/');
  const standard = STANDARD_RESOURCES.includes(name) || isHugePages(name) || name.startsWith(`requests.${HUGEPAGES_PREFIX}`);
  if (messages.length === 0 && unprefixed && !standard) {
    messages.push('must be a standard resource type or fully qualified');
  }
  if (unprefixed) {
    if (!STANDARD_CONTAINER_RESOURCES.includes(name) && !isHugePages(name)) messages.push('must be a standard resource for containers');
  } else if (!isNative(name) && !isExtended(name)) {
    messages.push("doesn't follow extended resource name standard");
  }
  return messages;
}

/**
 * Mirrors `ValidateResourceQuantityValue` in pkg/apis/core/validation/validation.go: never
 * negative, and whole numbers for countable resources.
 */
function validateQuantityValue(name: string, quantity: Quantity, listPath: FieldPath, errors: FieldError[]): void {
  if (quantitySign(quantity) < 0) errors.push(listPath.key(name).invalid(formatQuantity(quantity), 'must be greater than or equal to 0'));
  if ((INTEGER_RESOURCES.includes(name) || isExtended(name)) && scaledValue(quantity, MILLI) % 1000n !== 0n) {
    errors.push(listPath.key(name).invalid(formatQuantity(quantity), 'must be an integer'));
  }
}

/**
 * Mirrors `IsHugePageResourceValueDivisible` in pkg/apis/core/helper/helpers.go: a whole number of
 * pages of the size the name gives.
 */
function hugePagesDivisible(name: string, quantity: Quantity): boolean {
  const pageSize = parseQuantity(name.slice(HUGEPAGES_PREFIX.length));
  if (typeof pageSize === 'string' || quantitySign(pageSize) <= 0 || scaledValue(pageSize, MILLI) % 1000n !== 0n) return false;
  return scaledValue(quantity, 0) % scaledValue(pageSize, 0) === 0n;
}

/**
 * The quantities of `limits` or `requests` by resource name, as the API server has them after
 * decoding and defaulting (SetDefaults_ResourceList rounds up to milli-units). A value that does
 * not decode is reported with the decoder's message; upstream that fails the whole request.
 */
function readResourceList(list: JsonObject | undefined, path: FieldPath, errors: FieldError[]): Map<string, Quantity> {
  const quantities = new Map<string, Quantity>();
  if (!list) return quantities;
  for (const name of Object.keys(list)) {
    const raw = list[name];
    const quantity = readQuantity(raw);
    if (quantity === undefined) continue;
    if (typeof quantity === 'string') errors.push(path.key(name).invalid(raw, quantity));
    else quantities.set(name, roundUpToScale(quantity, MILLI));
  }
  return quantities;
}

/** What the entries of both lists add up to: hugepages are allowed only beside cpu or memory. */
interface ResourceKinds {
  cpuOrMemory: boolean;
  hugePages: boolean;
}

/** One resource of `limits` or `requests`; its path (`limits[cpu]`) is made only for an error. */
function validateEntry(name: string, quantity: Quantity, listPath: FieldPath, kinds: ResourceKinds, errors: FieldError[]): void {
  for (const message of resourceNameMessages(name)) errors.push(listPath.key(name).invalid(name, message));
  validateQuantityValue(name, quantity, listPath, errors);
  if (isHugePages(name)) {
    kinds.hugePages = true;
    if (!hugePagesDivisible(name, quantity)) {
      const value = formatQuantity(quantity);
      errors.push(listPath.key(name).invalid(value, `${value} is not positive integer multiple of ${name}`));
    }
  }
  if (name === 'cpu' || name === 'memory') kinds.cpuOrMemory = true;
}

/**
 * Mirrors `ValidateContainerResourceRequirements` in pkg/apis/core/validation/validation.go: known resource names, valid quantities,
 * requests no greater than limits (equal, for resources that cannot be overcommitted such as GPUs
 * and hugepages), and hugepages only beside cpu or memory. The request-over-limit error names
 * `requests` itself, not the resource, as the API server does.
 *
 * `resources.claims` (dynamic resource allocation) is not checked: it needs `spec.resourceClaims`,
 * which the API server drops unless the DynamicResourceAllocation feature is on.
 */
export function validateResourceRequirements(resources: JsonObject | undefined, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const limitsPath = path.child('limits');
  const requestsPath = path.child('requests');
  const limits = readResourceList(objectAt(resources?.limits), limitsPath, errors);
  const requests = readResourceList(objectAt(resources?.requests), requestsPath, errors);
  const kinds: ResourceKinds = { cpuOrMemory: false, hugePages: false };
  // Map#forEach rather than for...of: no entry arrays to make and take apart, in code that runs for
  // every container while it is still cold.
  limits.forEach((quantity, name) => validateEntry(name, quantity, limitsPath, kinds, errors));
  requests.forEach((quantity, name) => {
    validateEntry(name, quantity, requestsPath, kinds, errors);
    const limit = limits.get(name);
    if (limit === undefined) {
      if (!overcommitAllowed(name)) errors.push(limitsPath.required('Limit must be set for non overcommitable resources'));
      return;
    }
    const comparison = compareQuantities(quantity, limit);
    if (comparison !== 0 && !overcommitAllowed(name)) {
      errors.push(requestsPath.invalid(formatQuantity(quantity), `must be equal to ${name} limit of ${formatQuantity(limit)}`));
    } else if (comparison > 0) {
      errors.push(requestsPath.invalid(formatQuantity(quantity), `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`));
    }
  });
  if (kinds.hugePages && !kinds.cpuOrMemory) errors.push(path.forbidden('HugePages require cpu or memory'));
  return errors;
}
