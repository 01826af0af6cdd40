import { JsonObject, listAt, objectAt, stringAt } from '../json/shape';

/** A taint as the controller reads it: a missing value is "". */
export interface Taint {
  readonly key: string;
  readonly value: string;
  readonly effect: string;
}

/** What placement reads of a v1 Node. */
export interface NodeView {
  readonly name: string;
  /** Labels in a Map, so that a label named `constructor` or `__proto__` is just a label. */
  readonly labels: ReadonlyMap<string, string>;
  readonly taints: readonly Taint[];
  /** `status.allocatable`, as quantities (`"3902960Ki"`, `"2"`, `"110"`). */
  readonly allocatable: ReadonlyMap<string, string>;
}

function stringMap(value: unknown): Map<string, string> {
  const object = objectAt(value);
  const map = new Map<string, string>();
  if (!object) return map;
  for (const key of Object.keys(object)) {
    const entry = object[key];
    if (entry !== undefined && entry !== null) map.set(key, String(entry));
  }
  return map;
}

/** The placement view of a parsed v1 Node; `name` is required and checked by the caller. */
export function nodeView(node: JsonObject): NodeView {
  const metadata = objectAt(node.metadata);
  const spec = objectAt(node.spec);
  const taints = listAt(spec?.taints).map((raw) => {
    const taint = objectAt(raw) ?? {};
    return { key: stringAt(taint.key) ?? '', value: stringAt(taint.value) ?? '', effect: stringAt(taint.effect) ?? '' };
  });
  return {
    name: stringAt(metadata?.name) ?? '',
    labels: stringMap(metadata?.labels),
    taints,
    allocatable: stringMap(objectAt(node.status)?.allocatable),
  };
}

/** `key=value:Effect`, or `key:Effect` without a value, as kubectl prints a taint. */
export function describeTaint(taint: Taint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}
