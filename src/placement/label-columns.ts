import { NodeView } from './node-view';

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
 * The inventory's values of the label keys that DaemonSets select on node by node, read in one
 * pass over the nodes (many DaemonSets select on the same rack label, and a node's labels are
 * read while in cache). A requirement is then checked once per id, not once per node: a rack
 * label has hundreds of values over 15,000 nodes. Keys with a value per node are numbered by
 * node, not interned: a hash-table entry per node would share nothing.
 */
export class LabelColumns {
  private readonly columns = new Map<string, LabelColumn>();

  constructor(inventory: readonly NodeView[], keys: readonly string[], unique: ReadonlySet<string>) {
    const n = inventory.length;
    const idOf = keys.map(() => new Int32Array(n));
    const values = keys.map(() => [undefined] as Array<string | undefined>);
    const ids = keys.map((key) => (unique.has(key) ? undefined : new Map<string, number>()));
    for (let i = 0; i < n; i++) {
      const labels = inventory[i].labels;
      for (let k = 0; k < keys.length; k++) {
        const value = labels.get(keys[k]);
        if (value === undefined) continue;
        const interned = ids[k];
        let id = interned?.get(value);
        if (id === undefined) {
          id = values[k].length;
          values[k].push(value);
          interned?.set(value, id);
        }
        idOf[k][i] = id;
      }
    }
    keys.forEach((key, k) => this.columns.set(key, { idOf: idOf[k], values: values[k], numberedByNode: unique.has(key) }));
  }

  of(key: string): LabelColumn {
    const column = this.columns.get(key);
    if (!column) throw new Error(`label column ${key} was not read`);
    return column;
  }
}
