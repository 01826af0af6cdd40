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
}

/**
 * The inventory's values of the label keys that DaemonSets select on node by node, numbered once
 * for all of them (many DaemonSets select on the same rack label). A requirement is then checked once per id, not once per node: a rack
 * label has hundreds of values over 15,000 nodes. Keys with a value per node are numbered by
 * node, not interned: a hash-table entry per node would share nothing.
 */
export class LabelColumns {
  private readonly columns = new Map<string, LabelColumn>();

  /**
   * @param nodeValues every node's values of `keys`, as `readInventory` reads them
   * @param unique the keys nearly every node has a value of its own of
   */
  constructor(keys: readonly string[], nodeValues: ReadonlyArray<ReadonlyArray<string | undefined>>, unique: ReadonlySet<string>) {
    keys.forEach((key, k) => this.columns.set(key, unique.has(key) ? numberedByNode(nodeValues[k]) : interned(nodeValues[k])));
  }

  of(key: string): LabelColumn {
    const column = this.columns.get(key);
    if (!column) throw new Error(`label column ${key} was not read`);
    return column;
  }
}

function interned(nodeValues: ReadonlyArray<string | undefined>): LabelColumn {
  const ids = new Map<string, number>();
  const values: Array<string | undefined> = [undefined];
  const idOf = new Int32Array(nodeValues.length);
  for (let i = 0; i < nodeValues.length; i++) {
    const value = nodeValues[i];
    if (value === undefined) continue;
    let id = ids.get(value);
    if (id === undefined) {
      ids.set(value, (id = values.length));
      values.push(value);
    }
    idOf[i] = id;
  }
  return { idOf, values, numberedByNode: false };
}

function numberedByNode(nodeValues: ReadonlyArray<string | undefined>): LabelColumn {
  const idOf = new Int32Array(nodeValues.length);
  for (let i = 0; i < nodeValues.length; i++) idOf[i] = nodeValues[i] === undefined ? 0 : i + 1;
  return { idOf, values: [undefined, ...nodeValues], numberedByNode: true };
}
