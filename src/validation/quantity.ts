/*
 * Resource quantities ("500m", "1Gi", "2e3") as apimachinery's `resource.Quantity` reads, compares
 * and prints them. Values are kept exact (a BigInt mantissa times a power of ten), because the API
 * server compares requests with limits exactly and prints them in canonical form
 * ("must be less than or equal to cpu limit of 500m" for a limit written `0.5`).
 */

/** How a quantity was written, which decides how it is printed back. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** An exact quantity: `mantissa` × 10^`exponent`. */
export interface Quantity {
  readonly mantissa: bigint;
  readonly exponent: number;
  readonly format: QuantityFormat;
}

/** The decode error the API server returns for a malformed quantity (`ErrFormatWrong`). */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/** The decode error for a well-formed number with an unknown suffix such as `1mi` (`ErrSuffix`). */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";
/** The decode error for a numeric part too large to read (`ErrNumeric`). */
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';

const DECIMAL_SUFFIXES: Record<string, number> = { 'n': -9, 'u': -6, 'm': -3, '': 0, 'k': 3, 'M': 6, 'G': 9, 'T': 12, 'P': 15, 'E': 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_SUFFIX_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([suffix, exp]) => [exp, suffix]));
const BINARY_SUFFIX_BY_POWER = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const SUFFIX_LETTERS = 'eEinumkKMGTP';
const NANO = -9;
const MAX_INT64 = 2n ** 63n - 1n;
/**
 * Upstream accepts any int32 exponent; materialising 10^huge would exhaust memory here, so an
 * exponent this far out is reported as unreadable instead. No real manifest comes near it.
 */
const MAX_EXPONENT = 1000;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const pow10 = (n: number) => 10n ** BigInt(n);
const abs = (n: bigint) => (n < 0n ? -n : n);
const ZERO: Quantity = { mantissa: 0n, exponent: 0, format: 'DecimalSI' };

/** `suffixHandler.interpret`: the base and power a suffix stands for, or nothing for an unknown one. */
function interpretSuffix(suffix: string): { base: 10 | 2; exponent: number; format: QuantityFormat } | undefined {
  if (suffix in DECIMAL_SUFFIXES) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' };
  if (suffix in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    return { base: 10, exponent: Number(suffix.slice(1)), format: 'DecimalExponent' };
  }
  return undefined;
}

/** Rounds away from zero to a multiple of 10^`exponent`, as inf.Dec `RoundUp` does. */
function roundAwayFromZero(q: Quantity, exponent: number): Quantity {
  if (q.exponent >= exponent) return q;
  const factor = pow10(exponent - q.exponent);
  let mantissa = q.mantissa / factor;
  if (q.mantissa % factor !== 0n) mantissa += q.mantissa > 0n ? 1n : -1n;
  return { ...q, mantissa, exponent };
}

const MILLI_EXPONENT = -3;
const roundedToMilli = new WeakMap<Quantity, Quantity>();

/** At most this many quantities are remembered, so a long-running process stays small. */
const REMEMBERED_QUANTITIES = 4096;
const remembered = new Map<string, Quantity | string>();

/**
 * Reads a quantity as `resource.ParseQuantity` does (after JSON decoding trims spaces), or returns
 * the error message the API server's decoder reports. The same few quantities (`100m`, `128Mi`)
 * recur across an app's DaemonSets and are each checked by the decoder and by the resource rules:
 * results are remembered, and a Quantity is never changed once made.
 */
export function parseQuantity(input: string): Quantity | string {
  let result = remembered.get(input);
  if (result === undefined) {
    result = parseQuantityText(input);
    if (remembered.size >= REMEMBERED_QUANTITIES) remembered.clear();
    remembered.set(input, result);
  }
  return result;
}

function parseQuantityText(input: string): Quantity | string {
  const text = input.trim();
  if (text.length === 0) return QUANTITY_FORMAT_ERROR;
  if (text === '0') return ZERO;
  let pos = 0;
  let negative = false;
  if (text[0] === '-' || text[0] === '+') {
    negative = text[0] === '-';
    pos++;
  }
  while (text[pos] === '0') pos++;
  // A sign and zeros alone ("-", "000") read as zero upstream.
  if (pos >= text.length) return ZERO;
  const numStart = pos;
  while (isDigit(text[pos])) pos++;
  const num = text.slice(numStart, pos) || '0';
  let denom = '';
  if (text[pos] === '.') {
    pos++;
    const denomStart = pos;
    while (isDigit(text[pos])) pos++;
    denom = text.slice(denomStart, pos);
  }
  const suffixStart = pos;
  while (pos < text.length && SUFFIX_LETTERS.includes(text[pos])) pos++;
  if (text[pos] === '-' || text[pos] === '+') pos++;
  while (isDigit(text[pos])) pos++;
  if (pos < text.length) return QUANTITY_FORMAT_ERROR;

  const suffix = interpretSuffix(text.slice(suffixStart));
  if (!suffix) return QUANTITY_SUFFIX_ERROR;
  if (Math.abs(suffix.exponent) > MAX_EXPONENT) return QUANTITY_NUMERIC_ERROR;

  let mantissa = BigInt(num + denom);
  let exponent = -denom.length;
  if (suffix.base === 10) exponent += suffix.exponent;
  else mantissa *= 2n ** BigInt(suffix.exponent);
  let format = suffix.format;
  let q: Quantity = { mantissa, exponent, format };
  // Non-zero values finer than a nano are rounded up to one: asking for some gets some.
  if (mantissa !== 0n) q = roundAwayFromZero(q, NANO);
  if (format === 'BinarySI' && compareQuantities(q, { mantissa: MAX_INT64, exponent: 0, format }) > 0) {
    q = { mantissa: MAX_INT64, exponent: 0, format };
  }
  if (format === 'BinarySI' && q.mantissa !== 0n && compareQuantities(q, { mantissa: 1n, exponent: 0, format }) < 0) {
    format = 'DecimalSI';
  }
  return { mantissa: negative ? -q.mantissa : q.mantissa, exponent: q.exponent, format };
}

/**
 * Reads a quantity field of a manifest. JSON numbers are quantities too (`cpu: 1`); `null` is
 * the zero quantity; other shapes are the type-checking pass's to report, so they read as absent.
 */
export function readQuantity(value: unknown): Quantity | string | undefined {
  if (value === null) return ZERO;
  if (typeof value === 'number' && Number.isFinite(value)) return parseQuantity(String(value));
  if (typeof value === 'string') return parseQuantity(value);
  return undefined;
}

/** Negative, zero or positive as `a` is less than, equal to or greater than `b`. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  // A request and its limit are nearly always written with the same exponent once rounded to milli-units.
  if (a.exponent === b.exponent) return a.mantissa < b.mantissa ? -1 : a.mantissa > b.mantissa ? 1 : 0;
  const exponent = Math.min(a.exponent, b.exponent);
  const left = a.mantissa * pow10(a.exponent - exponent);
  const right = b.mantissa * pow10(b.exponent - exponent);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** -1, 0 or 1. */
export function quantitySign(q: Quantity): number {
  return q.mantissa < 0n ? -1 : q.mantissa > 0n ? 1 : 0;
}

/** `Quantity.RoundUp(scale)`: how v1 defaulting (`SetDefaults_ResourceList`) rounds resources to milli-units. */
export function roundUpToScale(q: Quantity, exponent: number): Quantity {
  // Parsed quantities are shared (see parseQuantity), and so is their rounding to milli-units,
  // which every resource list of every container asks for.
  if (exponent !== MILLI_EXPONENT) return roundAwayFromZero(q, exponent);
  let rounded = roundedToMilli.get(q);
  if (rounded === undefined) {
    rounded = roundAwayFromZero(q, exponent);
    roundedToMilli.set(q, rounded);
  }
  return rounded;
}


/** The value rounded up to a multiple of 10^`exponent`, as an integer count of that unit (`ScaledValue`). */
export function scaledValue(q: Quantity, exponent: number): bigint {
  const rounded = roundAwayFromZero(q, exponent);
  return rounded.mantissa * pow10(rounded.exponent - exponent);
}

/** `AsCanonicalBytes` with the suffix: no fraction, and the largest exponent that is a multiple of 3. */
function canonicalDecimal(mantissa: bigint, exponent: number, format: QuantityFormat): string {
  let m = mantissa;
  let e = exponent;
  while (m % 10n === 0n) {
    m /= 10n;
    e++;
  }
  while (e % 3 !== 0) {
    m *= 10n;
    e--;
  }
  if (e === 0) return m.toString();
  if (format === 'DecimalSI' && DECIMAL_SUFFIX_BY_EXPONENT.has(e)) return `${m}${DECIMAL_SUFFIX_BY_EXPONENT.get(e)}`;
  return `${m}e${e}`;
}

/** The canonical form the API server prints (`Quantity.String`): `1.5` is `1500m`, `1.5Gi` is `1536Mi`. */
export function formatQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return '0';
  if (q.format !== 'BinarySI') return canonicalDecimal(q.mantissa, q.exponent, q.format);
  const small = compareQuantities({ ...q, mantissa: abs(q.mantissa) }, { mantissa: 1024n, exponent: 0, format: q.format }) < 0;
  const integral = q.exponent >= 0 || q.mantissa % pow10(-q.exponent) === 0n;
  // Small or fractional binary values are printed in decimal rather than rounded.
  if (small || !integral) return canonicalDecimal(q.mantissa, q.exponent, 'DecimalSI');
  let value = q.exponent >= 0 ? q.mantissa * pow10(q.exponent) : q.mantissa / pow10(-q.exponent);
  let power = 0;
  while (power < BINARY_SUFFIX_BY_POWER.length - 1 && value % 1024n === 0n) {
    value /= 1024n;
    power++;
  }
  return `${value}${BINARY_SUFFIX_BY_POWER[power]}`;
}
