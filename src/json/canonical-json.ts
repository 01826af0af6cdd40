import { objectAt } from './shape';

/**
 * One text for every way of writing the same value as `apiequality.Semantic.DeepEqual` sees it
 * (and as the API server stores it): key order does not matter, and an empty string, list or map
 * equals an absent one.
 */
export function canonicalJson(value: unknown): string {
  return canonicalText(value) ?? 'null';
}

/**
 * The canonical text of `value`, or undefined where it is empty: null, "", an empty list, or a map
 * whose every value is empty. One pass: each value is read once, whatever its depth.
 */
function canonicalText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : `[${value.map((item) => canonicalText(item) ?? 'null').join(',')}]`;
  const object = objectAt(value);
  if (!object) return JSON.stringify(value);
  const fields: string[] = [];
  for (const key of Object.keys(object).sort()) {
    const text = canonicalText(object[key]);
    if (text !== undefined) fields.push(`${JSON.stringify(key)}:${text}`);
  }
  return fields.length === 0 ? undefined : `{${fields.join(',')}}`;
}
