import fc from 'fast-check';
import { canonicalJson } from '../../src/json/canonical-json';

/*
 * canonicalJson is how a change compares what the API server would store: two manifests that
 * differ only in key order, or in an empty value written or left out, are the same intent
 * (apiequality.Semantic.DeepEqual). Checked against the plainest statement of that: drop every
 * empty value, sort every map's keys, then JSON.stringify.
 */
function normalized(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map((item) => normalized(item) ?? null);
  if (typeof value !== 'object') return value;
  const entries = Object.keys(value as object)
    .sort()
    .map((key) => [key, normalized((value as Record<string, unknown>)[key])] as const)
    .filter(([, item]) => item !== undefined);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constantFrom(null, '', 0, 1, true, 'a', 'b'), tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 3 }),
  map: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'image', 'z'), tie('value'), { maxKeys: 4 }),
})).value;

/** The same value with every map's keys in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).reverse().map((key) => [key, reversed((value as Record<string, unknown>)[key])]));
}

describe('canonicalJson', () => {
  test('is JSON.stringify of the value with empty values dropped and keys sorted', () => {
    fc.assert(fc.property(json, (value) => {
      expect(canonicalJson(value)).toBe(JSON.stringify(normalized(value) ?? null));
    }));
  });

  test('does not depend on key order', () => {
    fc.assert(fc.property(json, (value) => expect(canonicalJson(reversed(value))).toBe(canonicalJson(value))));
  });

  test('reads an empty map inside a map as absent, and keeps an empty value inside a list as null', () => {
    expect(canonicalJson({ spec: { template: { metadata: { labels: {} } } }, a: 1 })).toBe('{"a":1}');
    expect(canonicalJson({ args: ['', 'x'] })).toBe('{"args":[null,"x"]}');
  });
});
