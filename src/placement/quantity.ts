/*
 * Resource quantities (`100m`, `64Mi`, `3902960Ki`, `1e3`), read as apimachinery
 * `resource.ParseQuantity` reads them, as a plain number of base units. Advisories compare sums
 * against allocatable, so a double's precision is enough.
 */

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/;

const SUFFIX: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** @returns the quantity in base units (cores, bytes, pods), or undefined when it does not parse */
export function parseQuantity(text: string): number | undefined {
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const [, number, exponent, suffix] = match;
  const value = Number(number);
  if (exponent) return value * 10 ** Number(exponent.slice(1));
  return suffix ? value * SUFFIX[suffix] : value;
}

/** `1.5 cores`, `256Mi`: a quantity as people read it, for advisory messages. */
export function formatQuantity(resource: string, value: number): string {
  if (resource === 'memory' || resource.endsWith('storage')) {
    for (const [suffix, size] of [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
      if (value >= size) return `${Number((value / size).toFixed(2))}${suffix}`;
    }
    return `${value}`;
  }
  if (resource === 'cpu') return value < 1 ? `${Math.round(value * 1000)}m` : `${Number(value.toFixed(3))}`;
  return `${Number(value.toFixed(3))}`;
}
