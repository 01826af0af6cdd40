import { LabelColumn } from './label-columns';

/**
 * Where nodes that fail the same node-specific checks find the fit (the pod's reasons, taints
 * aside) of an earlier node: nodes that agree on every value the reasons print share it, by its
 * number. Looked up for every failing node of a split DaemonSet, so each kind of sharing gets its
 * cheapest store.
 */
export interface FitSlots {
  /** The fit number of an earlier node that agrees with node i on what the reasons print, or -1. */
  get(i: number): number;
  set(i: number, fit: number): void;
}

/** Reasons that print a node's name or a value no other node has: nothing to share. */
export const UNSHARED: FitSlots = {
  get: () => -1,
  set: () => undefined,
};

/** Reasons that print no node-specific value: one fit for every node. */
export class SingleSlot implements FitSlots {
  private fit = -1;

  get(): number {
    return this.fit;
  }

  set(_i: number, fit: number): void {
    this.fit = fit;
  }
}

/** Reasons that print one label value: a fit per value, found by the value's id. */
export class SlotPerValue implements FitSlots {
  /** The fit number + 1 of each value id: 0, as a new array holds, is none yet. */
  private readonly fits: Int32Array;

  constructor(private readonly column: LabelColumn) {
    this.fits = new Int32Array(column.values.length);
  }

  get(i: number): number {
    return this.fits[this.column.idOf[i]] - 1;
  }

  set(i: number, fit: number): void {
    this.fits[this.column.idOf[i]] = fit + 1;
  }
}

/**
 * Reasons that print several label values: a fit per combination, the value ids folded into
 * one number a position at a time (each pair numbered as first seen, so the number stays small).
 */
export class SlotPerCombination implements FitSlots {
  private readonly pairIds: Array<Map<number, number>>;
  private readonly fits = new Map<number, number>();
  private readonly base: number;

  constructor(private readonly columns: readonly LabelColumn[]) {
    this.pairIds = columns.map(() => new Map());
    this.base = Math.max(...columns.map((column) => column.values.length)) + 1;
  }

  get(i: number): number {
    return this.fits.get(this.key(i)) ?? -1;
  }

  set(i: number, fit: number): void {
    this.fits.set(this.key(i), fit);
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
