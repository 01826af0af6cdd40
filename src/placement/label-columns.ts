/**
 * One label key's values over the inventory, numbered: node i has the value `values[idOf[i]]`,
 * id 0 standing for "absent". Nodes with equal ids have equal values; for a key whose values are
 * (nearly) all distinct, equal values may have different ids, which only means less sharing.
 */
export interface LabelColumn {
  readonly idOf: Int32Array;
  /** The values, by id; entry 0 is undefined. */
  readonly values: ReadonlyArray<string | undefined>;
  /** Ids are node numbers, not interned values: nearly every node has a value of its own. */
  readonly numberedByNode: boolean;
  /** The ids of any of `values`: one per value it has, or (numbered by node) every node that has one. */
  idsOfAny(values: readonly string[]): number[];
}

/**
 * The inventory's values of the label keys that DaemonSets select on node by node, numbered once
 * for all of them (many DaemonSets select on the same rack label), and the nodes' names. A
 * requirement is then checked once per id, not once per node: a rack label has hundreds of values
 * over 15,000 nodes. Keys with a value per node are numbered by node, not interned: a hash-table
 * entry per node would share nothing.
 */
export class LabelColumns {
  private readonly columns = new Map<string, LabelColumn>();
  /** `metadata.name`, which a template nodeName and matchFields select on. */
  readonly names: LabelColumn;

  /**
   * @param nodeValues every node's values of `keys`, as `readInventory` reads them
   * @param unique the keys nearly every node has a value of its own of
   * @param names every node's name, by inventory index
   */
  constructor(
    keys: readonly string[],
    nodeValues: ReadonlyArray<ReadonlyArray<string | undefined>>,
    unique: ReadonlySet<string>,
    names: readonly string[],
  ) {
    keys.forEach((key, k) => this.columns.set(key, unique.has(key) ? new NumberedByNode(nodeValues[k]) : internedColumn(nodeValues[k])));
    this.names = new NumberedByNode(names);
  }

  of(key: string): LabelColumn {
    const column = this.columns.get(key);
    if (!column) throw new Error(`label column ${key} was not read`);
    return column;
  }
}

/** Node values numbered as first seen, 0 standing for "absent": equal values share an id. */
export function internedColumn(nodeValues: ReadonlyArray<string | undefined>): LabelColumn {
  return new Interned(nodeValues);
}

class Interned implements LabelColumn {
  readonly idOf: Int32Array;
  readonly values: Array<string | undefined> = [undefined];
  readonly numberedByNode = false;
  private readonly ids = new Map<string, number>();

  constructor(nodeValues: ReadonlyArray<string | undefined>) {
    this.idOf = new Int32Array(nodeValues.length);
    for (let i = 0; i < nodeValues.length; i++) {
      const value = nodeValues[i];
      if (value === undefined) continue;
      let id = this.ids.get(value);
      if (id === undefined) {
        this.ids.set(value, (id = this.values.length));
        this.values.push(value);
      }
      this.idOf[i] = id;
    }
  }

  idsOfAny(values: readonly string[]): number[] {
    return values.flatMap((value) => this.ids.get(value) ?? []);
  }
}

/**
 * Up to this many values are found by comparing every node's value with those of its length,
 * which costs less than hashing every node's value once to build the index (a string comparison
 * stops at the first differing character; a hash reads the whole string).
 */
const SCANNED_VALUES = 64;

/**
 * A column whose id is the node's number + 1. Checking each node's value against a requirement's
 * list through a set would hash 15,000 strings for every DaemonSet that selects on it. A few
 * values are compared with every node's instead; more are looked up in an index of the column,
 * built the first time it is needed and shared by every later check.
 */
class NumberedByNode implements LabelColumn {
  readonly idOf: Int32Array;
  readonly values: ReadonlyArray<string | undefined>;
  readonly numberedByNode = true;
  /** The first id of each value, and the next id of the same value (0: none), by id. */
  private index?: { readonly first: Map<string, number>; readonly next: Int32Array };

  constructor(nodeValues: ReadonlyArray<string | undefined>) {
    this.idOf = new Int32Array(nodeValues.length);
    for (let i = 0; i < nodeValues.length; i++) this.idOf[i] = nodeValues[i] === undefined ? 0 : i + 1;
    // Copied by index: the values hold holes where nodes lack the label, which spreading would iterate over.
    const values: Array<string | undefined> = new Array(nodeValues.length + 1);
    for (let i = 0; i < nodeValues.length; i++) values[i + 1] = nodeValues[i];
    this.values = values;
  }

  idsOf(value: string): number[] {
    const { first, next } = (this.index ??= this.buildIndex());
    const ids: number[] = [];
    for (let id = first.get(value) ?? 0; id !== 0; id = next[id]) ids.push(id);
    return ids;
  }

  idsOfAny(values: readonly string[]): number[] {
    if (this.index || values.length > SCANNED_VALUES) return values.flatMap((value) => this.idsOf(value));
    // Values by length: most nodes' values are compared with none, and a length is read from
    // the string's header where a hash would read every character.
    const byLength: string[][] = [];
    for (const value of values) (byLength[value.length] ??= []).push(value);
    const ids: number[] = [];
    for (let id = 1; id < this.values.length; id++) {
      const value = this.values[id];
      if (value === undefined) continue;
      const sameLength = byLength[value.length];
      if (sameLength !== undefined && sameLength.includes(value)) ids.push(id);
    }
    return ids;
  }

  private buildIndex(): { first: Map<string, number>; next: Int32Array } {
    const first = new Map<string, number>();
    const next = new Int32Array(this.values.length);
    // From the last id down, so that each value's chain runs in node order.
    for (let id = this.values.length - 1; id > 0; id--) {
      const value = this.values[id];
      if (value === undefined) continue;
      next[id] = first.get(value) ?? 0;
      first.set(value, id);
    }
    return { first, next };
  }
}
