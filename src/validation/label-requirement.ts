import { labelValueErrors, qualifiedNameErrors } from './names';
/** What a requirement reads labels through: a Map, or a node's label view. */
export interface LabelLookup {
  get(key: string): string | undefined;
}

/** A node selector requirement that parsed, ready to match node labels. */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  readonly values: readonly string[];
  /** For Gt / Lt: the bound. */
  readonly bound?: bigint;
}

const INT64 = /^[+-]?\d+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Reads an integer as Go's `strconv.ParseInt(s, 10, 64)` does; undefined when it cannot. */
export function parseInt64(text: string): bigint | undefined {
  if (!INT64.test(text)) return undefined;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}

const SHORT_INTEGER = /^[+-]?\d{1,15}$/;
const SAFE_BOUND = 2n ** 53n;

/**
 * The sign of `text` - `bound`, `text` read as `parseInt64` reads it; undefined when it is no
 * int64. An integer of up to 15 digits is exact as a double: compared without a BigInt, which
 * a `Gt` on a serial-number label would otherwise build for each of 15,000 nodes.
 */
export function compareInt64(text: string, bound: bigint): number | undefined {
  if (SHORT_INTEGER.test(text) && bound > -SAFE_BOUND && bound < SAFE_BOUND) return Math.sign(Number(text) - Number(bound));
  const value = parseInt64(text);
  if (value === undefined) return undefined;
  return value > bound ? 1 : value < bound ? -1 : 0;
}

/**
 * Parses one `matchExpressions` entry as apimachinery `labels.NewRequirement` does (through
 * component-helpers `nodeSelectorRequirementsAsSelector`).
 * @returns the requirement, or why it does not parse (then its term matches no node)
 */
export function parseLabelRequirement(raw: { key?: unknown; operator?: unknown; values?: unknown }): LabelRequirement | string {
  const key = typeof raw.key === 'string' ? raw.key : '';
  const operator = raw.operator;
  const values = Array.isArray(raw.values) ? raw.values.map(String) : [];
  const keyErrors = qualifiedNameErrors(key);
  if (keyErrors.length > 0) return `invalid label key ${JSON.stringify(key)}: ${keyErrors[0]}`;
  let bound: bigint | undefined;
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) return `${key} ${operator} needs at least one value`;
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) return `${key} ${operator} takes no values`;
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) return `${key} ${operator} needs exactly one value`;
      bound = parseInt64(values[0]);
      if (bound === undefined) return `${key} ${operator} ${values[0]}: the value is not an integer`;
      break;
    default:
      return `${JSON.stringify(operator ?? '')} is not a valid node selector operator`;
  }
  for (const value of values) {
    if (labelValueErrors(value).length > 0) return `invalid label value ${JSON.stringify(value)} for ${key}`;
  }
  return { key, operator, values, bound };
}

/** Mirrors `labels.Requirement.Matches`. */
export function requirementMatches(requirement: LabelRequirement, labels: LabelLookup): boolean {
  return requirementMatchesValue(requirement, labels.get(requirement.key));
}

/** `requirementMatches` for a node whose value of the requirement's key is `value` (undefined: absent). */
export function requirementMatchesValue(requirement: LabelRequirement, value: string | undefined): boolean {
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && requirement.values.includes(value);
    case 'NotIn':
      return value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined) return false;
      const order = compareInt64(value, requirement.bound!);
      if (order === undefined) return false;
      return requirement.operator === 'Gt' ? order > 0 : order < 0;
    }
  }
}

/**
 * `requirementMatchesValue` as a function of the value, for checking one requirement against
 * many values: `In` and `NotIn` look the value up in a set, so a list of hundreds of racks is not
 * scanned for each, and `Gt` / `Lt` compare with the bound as a number where it is one exactly.
 */
export function requirementValueMatcher(requirement: LabelRequirement): (value: string | undefined) => boolean {
  switch (requirement.operator) {
    case 'In':
    case 'NotIn': {
      const values = new Set(requirement.values);
      return requirement.operator === 'In' ? (value) => value !== undefined && values.has(value) : (value) => value === undefined || !values.has(value);
    }
    case 'Gt':
    case 'Lt': {
      const bound = requirement.bound!;
      if (bound <= -SAFE_BOUND || bound >= SAFE_BOUND) return (value) => requirementMatchesValue(requirement, value);
      const limit = Number(bound);
      const greater = requirement.operator === 'Gt';
      return (value) => {
        if (value === undefined) return false;
        if (!SHORT_INTEGER.test(value)) return requirementMatchesValue(requirement, value);
        const number = Number(value);
        return greater ? number > limit : number < limit;
      };
    }
    default:
      return (value) => requirementMatchesValue(requirement, value);
  }
}

/** `kubernetes.io/os In [linux]`, as reasons print a requirement. */
export function describeRequirement(requirement: LabelRequirement): string {
  const { key, operator, values } = requirement;
  if (operator === 'Exists' || operator === 'DoesNotExist') return `${key} ${operator}`;
  if (operator === 'Gt' || operator === 'Lt') return `${key} ${operator} ${values[0]}`;
  return `${key} ${operator} [${values.join(',')}]`;
}
