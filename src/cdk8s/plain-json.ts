/*
 * cdk8s resolves a value at synthesis only when it is not plain data (a `Lazy`, an object with a
 * `resolve()` method, a number-or-string union class); plain data synthesizes as it is, so what
 * was checked at construction is what is written.
 */

/** Whether `value` holds only strings, numbers, booleans, null, arrays and plain objects. */
export function isPlainJson(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return true;
    case 'object':
      if (Array.isArray(value)) return value.every(isPlainJson);
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      for (const key in value) if (!isPlainJson((value as Record<string, unknown>)[key])) return false;
      return true;
    default:
      return false;
  }
}

/** A deep copy of plain data, for `sameJson` to compare with later; undefined when it is not plain. */
export function copyPlainJson<T>(value: T): T | undefined {
  const copied = copyIfPlain(value);
  return copied === NOT_PLAIN ? undefined : (copied as T);
}

const NOT_PLAIN = Symbol('not plain');

/** `isPlainJson` and the copy in one walk: a construct copies its metadata once, when it is made. */
function copyIfPlain(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'object': {
      if (Array.isArray(value)) {
        const items: unknown[] = [];
        for (const item of value) {
          const copied = copyIfPlain(item);
          if (copied === NOT_PLAIN) return NOT_PLAIN;
          items.push(copied);
        }
        return items;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return NOT_PLAIN;
      const result: Record<string, unknown> = {};
      for (const key in value) {
        const copied = copyIfPlain((value as Record<string, unknown>)[key]);
        if (copied === NOT_PLAIN) return NOT_PLAIN;
        result[key] = copied;
      }
      return result;
    }
    default:
      return NOT_PLAIN;
  }
}

/**
 * Whether two values are the same plain data, whatever the order of their keys (a key set to
 * `undefined` is absent). Anything that is not plain data (a `Lazy`, a class instance) is never
 * the same as anything, since cdk8s may resolve it to another value at each synthesis.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'object' && typeof a !== 'function' ? true : a === null || isPlainJson(a);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key in left) if (!sameJson(left[key], right[key])) return false;
  for (const key in right) if (!(key in left) && right[key] !== undefined) return false;
  return true;
}

/**
 * Plain data as cdk8s writes it at synthesis: object keys sorted, and object fields that are null
 * or undefined left out (in a list, such an item stays, as undefined). For plain data, resolving
 * changes nothing, so this is what `ApiObject.toJson()` makes of it, without resolving every value.
 *
 * @param dropEmpty leave out empty lists and objects too, as cdk8s does in metadata
 */
export function sortedPlainJson(value: unknown, dropEmpty = false): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (dropEmpty && value.length === 0) return undefined;
    const items = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) items[i] = sortedPlainJson(value[i], dropEmpty);
    return items;
  }
  const object = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  let empty = true;
  for (const key of sortedKeys(object)) {
    const field = sortedPlainJson(object[key], dropEmpty);
    if (field !== undefined) {
      result[key] = field;
      empty = false;
    }
  }
  return dropEmpty && empty ? undefined : result;
}

const SORTED_IN_PLACE = 16;

/**
 * The keys in the order `Array.prototype.sort` gives strings (UTF-16 code units, which `<`
 * compares too). Manifest objects have a handful of keys, where inserting each in place is much
 * cheaper than the general sort, mostly run before the JIT has optimized it.
 */
function sortedKeys(object: Record<string, unknown>): string[] {
  const keys = Object.keys(object);
  if (keys.length > SORTED_IN_PLACE) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}
