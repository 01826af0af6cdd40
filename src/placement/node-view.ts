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
 * Reads the object's own properties only, so a label named `constructor` or `__proto__` is just a
 * label and never the prototype's. Wraps the parsed object instead of copying it into a Map:
 * an inventory of 15,000 nodes is read once, not twice.
 */
class OwnProperties implements StringLookup {
  private static readonly EMPTY: JsonObject = {};

  /**
   * Whether a string read from the object is its own: no property Object.prototype inherits is a
   * string, so for a parsed JSON object a string is an own label. Read for every node and
   * DaemonSet that selects node by node, where the own-property check was most of the cost.
   */
  private readonly plain: boolean;

  constructor(private readonly object: JsonObject = OwnProperties.EMPTY) {
    const prototype = Object.getPrototypeOf(object);
    this.plain = prototype === Object.prototype || prototype === null;
  }

  get(key: string): string | undefined {
    const own = this.object[key];
    if (this.plain && typeof own === 'string') return own;
    if (!Object.prototype.hasOwnProperty.call(this.object, key)) return undefined;
    // Go decodes `key: null` into a map[string]string as the key with "": the label is there.
    const value = this.object[key];
    return value === undefined || value === null ? '' : String(value);
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
