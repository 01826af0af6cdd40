/*
 * How Kubernetes reads an int-or-string such as `maxUnavailable`: a number is a count, a string is
 * a percentage written as digits and `%` (apimachinery `IsValidPercent`); no other string counts.
 */

const PERCENT = /^([0-9]+)%$/;

/** The number of a percentage string (`"10%"` is 10), or undefined when it is not one. */
export function percentOf(value: string): number | undefined {
  const match = PERCENT.exec(value);
  return match ? Number(match[1]) : undefined;
}

/**
 * Mirrors `getIntOrPercentValue` in pkg/apis/apps/validation/validation.go: a percentage's number,
 * or a string read by `intstr.IntValue()`, whose `strconv.Atoi` yields 0 unless the whole string
 * is an integer.
 */
export function intOrPercentValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return 0;
  const percent = percentOf(value);
  if (percent !== undefined) return percent;
  return /^[+-]?\d+$/.test(value) ? Number(value) : 0;
}

/**
 * Mirrors intstr `GetScaledValueFromIntOrPercent(value, total, roundUp=true)`, which the
 * DaemonSet controller uses for both maxUnavailable and maxSurge (Deployments round
 * maxUnavailable down; DaemonSets do not). A string is read only as a percentage: "5" is an error,
 * not 5.
 * @returns the count, or undefined when the value is neither an integer nor a percentage
 */
export function scaledIntOrPercent(value: unknown, total: number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const percent = percentOf(value);
  return percent === undefined ? undefined : Math.ceil((percent * total) / 100);
}
