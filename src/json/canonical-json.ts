import { objectAt } from './shape';

/** Null, "", an empty list, or a map whose every value is one of these. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  const object = objectAt(value);
  return object !== undefined && Object.keys(object).every((k) => isEmpty(object[k]));
}

/**
 * One text for every way of writing the same value as `apiequality.Semantic.DeepEqual` sees it
 * (and as the API server stores it): key order does not matter, and an empty string, list or map
 * equals an absent one.
 */
export function canonicalJson(value: unknown): string {
  if (isEmpty(value)) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const object = objectAt(value);
  if (object) {
    const keys = Object.keys(object).filter((k) => !isEmpty(object[k])).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
