import { NodeView } from './node-view';

const SAMPLE_SIZE = 1024;
const HIGH_CARDINALITY = 64;

/** How many values a label key takes over an inventory, judged from a sample of its nodes. */
export interface LabelCardinality {
  /**
   * So many values that classing nodes by the key would give nearly every node a class of its
   * own (`kubernetes.io/hostname`, a rack): checked node by node instead.
   */
  readonly high: ReadonlySet<string>;
  /**
   * A value per node in the sample (a hostname, a serial number, an instance ID): numbering its
   * values would cost a hash-table entry per node and share nothing.
   */
  readonly unique: ReadonlySet<string>;
}

/**
 * Only decides how verdicts are computed, never what they are, so a sample of the nodes is
 * enough: a key judged wrongly costs time, not correctness.
 */
export function labelCardinality(inventory: readonly NodeView[], keys: Iterable<string>): LabelCardinality {
  const stride = Math.max(1, Math.floor(inventory.length / SAMPLE_SIZE));
  const high = new Set<string>();
  const unique = new Set<string>();
  for (const key of keys) {
    const values = new Set<string | undefined>();
    let sampled = 0;
    for (let i = 0; i < inventory.length; i += stride, sampled++) values.add(inventory[i].labels.get(key));
    if (values.size > HIGH_CARDINALITY) high.add(key);
    if (values.size > HIGH_CARDINALITY && values.size === sampled) unique.add(key);
  }
  return { high, unique };
}
