const SAMPLE_SIZE = 1024;
const HIGH_CARDINALITY = 64;

/** How many values label keys take over an inventory, judged from a sample of its nodes. */
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
 * `values[k]` holds every node's value of `keys[k]`. Only decides how verdicts are computed, never what they are, so a sample of the nodes is
 * enough: a key judged wrongly costs time, not correctness.
 */
export function labelCardinality(keys: readonly string[], values: ReadonlyArray<ReadonlyArray<string | undefined>>): LabelCardinality {
  const high = new Set<string>();
  const unique = new Set<string>();
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const column = values[k];
    const stride = Math.max(1, Math.floor(column.length / SAMPLE_SIZE));
    const seen = new Set<string | undefined>();
    let sampled = 0;
    for (let i = 0; i < column.length; i += stride, sampled++) seen.add(column[i]);
    if (seen.size > HIGH_CARDINALITY) high.add(key);
    if (seen.size > HIGH_CARDINALITY && seen.size === sampled) unique.add(key);
  }
  return { high, unique };
}
