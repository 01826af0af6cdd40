/*
 * Manifests arrive as untrusted JSON: any field may be missing, null or of the wrong type.
 * These readers let each rule look at the shape it expects and treat anything else as absent,
 * so validation reports errors instead of throwing.
 */

export type JsonObject = { readonly [key: string]: unknown };

export function objectAt(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function listAt(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function stringAt(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function numberAt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Own string-valued entries of a map such as `labels` or `nodeSelector`. */
export function stringEntries(value: unknown): Array<[string, string]> {
  const map = objectAt(value);
  if (!map) return [];
  return Object.keys(map).map((key) => [key, String(map[key] ?? '')]);
}
