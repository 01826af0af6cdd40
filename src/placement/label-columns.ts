import { NodeView } from './node-view';

/**
 * One label key's values over the inventory, interned: node i has the value `values[idOf[i]]`,
 * id 0 standing for "absent".
 */
export interface LabelColumn {
  readonly idOf: Int32Array;
  /** The distinct values, by id; entry 0 is undefined. */
  readonly values: ReadonlyArray<string | undefined>;
}

/**
 * The inventory's values of the label keys that DaemonSets select on node by node, each key read
 * once for all of them (many DaemonSets select on the same rack label). A requirement is then
 * checked once per distinct value, not once per node: a rack label has hundreds of values over
 * 15,000 nodes.
 */
export class LabelColumns {
  private readonly columns = new Map<string, LabelColumn>();

  constructor(private readonly inventory: readonly NodeView[]) {}

  of(key: string): LabelColumn {
    let column = this.columns.get(key);
    if (!column) this.columns.set(key, (column = readColumn(this.inventory, key)));
    return column;
  }
}

function readColumn(inventory: readonly NodeView[], key: string): LabelColumn {
  const ids = new Map<string, number>();
  const values: Array<string | undefined> = [undefined];
  const idOf = new Int32Array(inventory.length);
  for (let i = 0; i < inventory.length; i++) {
    const value = inventory[i].labels.get(key);
    if (value === undefined) continue;
    let id = ids.get(value);
    if (id === undefined) {
      ids.set(value, (id = values.length));
      values.push(value);
    }
    idOf[i] = id;
  }
  return { idOf, values };
}
