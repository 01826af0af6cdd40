import { taintsOf } from './taint-lists';
import { JsonObject, objectAt, stringAt } from '../json/shape';

/** A taint as the controller reads it: a missing value is "". */
export interface Taint {
  readonly key: string;
  readonly value: string;
  readonly effect: string;
}

/** A read-only string map over a parsed JSON object. */
export interface StringLookup {
  get(key: string): string | undefined;
}

/**
 * Whether a string read from `object` is its own: no property Object.prototype inherits is a
 * string, so for a parsed JSON object (or one without a prototype) a string is an own label.
 * Read for every node, where the own-property check was most of the cost.
 */
export function readsOwnStrings(object: JsonObject): boolean {
  const prototype = Object.getPrototypeOf(object);
  return prototype === Object.prototype || prototype === null;
}

/**
 * `labels`' own label `key`, so that a label named `constructor` or `__proto__` is just a label
 * and never the prototype's.
 * @param plain `readsOwnStrings(labels)`, found once per object
 */
export function ownLabel(labels: JsonObject, key: string, plain: boolean): string | undefined {
  const own = labels[key];
  if (plain && typeof own === 'string') return own;
  if (!Object.prototype.hasOwnProperty.call(labels, key)) return undefined;
  // Go decodes `key: null` into a map[string]string as the key with "": the label is there.
  return own === undefined || own === null ? '' : String(own);
}

/**
 * Reads the object's own properties only. Wraps the parsed object instead of copying it into a
 * Map: an inventory of 15,000 nodes is read once, not twice.
 */
class OwnProperties implements StringLookup {
  private static readonly EMPTY: JsonObject = {};
  private readonly plain: boolean;

  constructor(private readonly object: JsonObject = OwnProperties.EMPTY) {
    this.plain = readsOwnStrings(object);
  }

  get(key: string): string | undefined {
    return ownLabel(this.object, key, this.plain);
  }
}

/** What placement reads of a v1 Node. */
export interface NodeView {
  readonly name: string;
  readonly labels: StringLookup;
  readonly taints: readonly Taint[];
}

/**
 * The placement view of a parsed v1 Node that `nodeProblem` found nothing wrong with.
 * @param taints its `spec.taints`, when already read (an inventory shares each list among its nodes)
 */
export function nodeView(node: JsonObject, taints: readonly Taint[] = taintsOf(node)): NodeView {
  const metadata = objectAt(node.metadata);
  return {
    name: stringAt(metadata?.name) ?? '',
    labels: new OwnProperties(objectAt(metadata?.labels)),
    taints,
  };
}

/** `key=value:Effect`, or `key:Effect` without a value, as kubectl prints a taint. */
export function describeTaint(taint: Taint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}
