import { LabelColumn } from './label-columns';

/**
 * Where the verdicts of nodes that fail the same node-specific checks are kept for sharing: nodes
 * that agree on every value the reasons print get the same verdict, by its index in the
 * DaemonSet's verdict table. Looked up for every failing node of a split DaemonSet, so each kind
 * of sharing gets its cheapest store.
 */
export interface VerdictSlots {
  /** The verdict index of an earlier node that agrees with node i on what the reasons print, or -1. */
  get(i: number): number;
  set(i: number, verdict: number): void;
}

/** Reasons that print a node's name or a value no other node has: nothing to share. */
export const UNSHARED: VerdictSlots = {
  get: () => -1,
  set: () => undefined,
};

/** Reasons that print no node-specific value: one verdict for every node. */
export class SingleSlot implements VerdictSlots {
  private verdict = -1;

  get(): number {
    return this.verdict;
  }

  set(_i: number, verdict: number): void {
    this.verdict = verdict;
  }
}

/** Reasons that print one label value: a verdict per value, found by the value's id. */
export class SlotPerValue implements VerdictSlots {
  /** The verdict index + 1 of each value id: 0, as a new array holds, is none yet. */
  private readonly verdicts: Int32Array;

  constructor(private readonly column: LabelColumn) {
    this.verdicts = new Int32Array(column.values.length);
  }

  get(i: number): number {
    return this.verdicts[this.column.idOf[i]] - 1;
  }

  set(i: number, verdict: number): void {
    this.verdicts[this.column.idOf[i]] = verdict + 1;
  }
}

/**
 * Reasons that print several label values: a verdict per combination, the value ids folded into
 * one number a position at a time (each pair numbered as first seen, so the number stays small).
 */
export class SlotPerCombination implements VerdictSlots {
  private readonly pairIds: Array<Map<number, number>>;
  private readonly verdicts = new Map<number, number>();
  private readonly base: number;

  constructor(private readonly columns: readonly LabelColumn[]) {
    this.pairIds = columns.map(() => new Map());
    this.base = Math.max(...columns.map((column) => column.values.length)) + 1;
  }

  get(i: number): number {
    return this.verdicts.get(this.key(i)) ?? -1;
  }

  set(i: number, verdict: number): void {
    this.verdicts.set(this.key(i), verdict);
  }

  private key(i: number): number {
    let id = 0;
    for (let p = 0; p < this.columns.length; p++) {
      const pair = id * this.base + this.columns[p].idOf[i];
      let next = this.pairIds[p].get(pair);
      if (next === undefined) this.pairIds[p].set(pair, (next = this.pairIds[p].size));
      id = next;
    }
    return id;
  }
}
