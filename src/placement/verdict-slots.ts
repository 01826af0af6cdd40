import { LabelColumn } from './label-columns';
import { Verdict } from './predicates/should-run';

/**
 * Where the verdicts of nodes that fail the same node-specific checks are kept for sharing: nodes
 * that agree on every value the reasons print get the same verdict object. Looked up for every
 * failing node of a split DaemonSet, so each kind of sharing gets its cheapest store.
 */
export interface VerdictSlots {
  /** The verdict of an earlier node that agrees with node i on what the reasons print. */
  get(i: number): Verdict | undefined;
  set(i: number, verdict: Verdict): void;
}

/** Reasons that print a node's name or a value no other node has: nothing to share. */
export const UNSHARED: VerdictSlots = {
  get: () => undefined,
  set: () => undefined,
};

/** Reasons that print no node-specific value: one verdict for every node. */
export class SingleSlot implements VerdictSlots {
  private verdict: Verdict | undefined;

  get(): Verdict | undefined {
    return this.verdict;
  }

  set(_i: number, verdict: Verdict): void {
    this.verdict = verdict;
  }
}

/** Reasons that print one label value: a verdict per value, found by the value's id. */
export class SlotPerValue implements VerdictSlots {
  private readonly verdicts: Array<Verdict | undefined>;

  constructor(private readonly column: LabelColumn) {
    this.verdicts = new Array(column.values.length);
  }

  get(i: number): Verdict | undefined {
    return this.verdicts[this.column.idOf[i]];
  }

  set(i: number, verdict: Verdict): void {
    this.verdicts[this.column.idOf[i]] = verdict;
  }
}

/**
 * Reasons that print several label values: a verdict per combination, the value ids folded into
 * one number a position at a time (each pair numbered as first seen, so the number stays small).
 */
export class SlotPerCombination implements VerdictSlots {
  private readonly pairIds: Array<Map<number, number>>;
  private readonly verdicts = new Map<number, Verdict>();
  private readonly base: number;

  constructor(private readonly columns: readonly LabelColumn[]) {
    this.pairIds = columns.map(() => new Map());
    this.base = Math.max(...columns.map((column) => column.values.length)) + 1;
  }

  get(i: number): Verdict | undefined {
    return this.verdicts.get(this.key(i));
  }

  set(i: number, verdict: Verdict): void {
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
