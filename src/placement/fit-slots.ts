import { LabelColumn } from './label-columns';

const UNSHARED = 0;
const SINGLE = 1;
const PER_VALUE = 2;
const PER_COMBINATION = 3;

/**
 * Where nodes that fail the same node-specific checks find the fit (the pod's reasons, taints
 * aside) of an earlier node: nodes that agree on every value the reasons print share it, by its
 * number. Looked up for every failing node of a split DaemonSet: one class whose lookup switches
 * on the kind of sharing keeps that call site monomorphic, where a class per kind would not.
 */
export class FitSlots {
  /** Reasons that print a node's name or a value no other node has: nothing to share. */
  static unshared(): FitSlots {
    return new FitSlots(UNSHARED, []);
  }

  /** Reasons that print no node-specific value: one fit for every node. */
  static single(): FitSlots {
    return new FitSlots(SINGLE, []);
  }

  /** Reasons that print one value of each of `printed`: a fit per value, or per combination of values. */
  static byValues(printed: readonly LabelColumn[]): FitSlots {
    return new FitSlots(printed.length === 1 ? PER_VALUE : PER_COMBINATION, printed);
  }

  /** The only fit, where all nodes share it. */
  private only = -1;
  /** The fit number + 1 of each value id (one printed column): 0, as a new array holds, is none yet. */
  private readonly byId: Int32Array;
  /** The fit of each combination of value ids, each pair numbered as first seen. */
  private readonly byCombination = new Map<number, number>();
  private readonly pairIds: Array<Map<number, number>>;
  private readonly base: number;

  private constructor(private readonly kind: number, private readonly columns: readonly LabelColumn[]) {
    this.byId = new Int32Array(kind === PER_VALUE ? columns[0].values.length : 0);
    this.pairIds = kind === PER_COMBINATION ? columns.map(() => new Map()) : [];
    this.base = Math.max(0, ...columns.map((column) => column.values.length)) + 1;
  }

  /** The fit number of an earlier node that agrees with node i on what the reasons print, or -1. */
  get(i: number): number {
    switch (this.kind) {
      case SINGLE:
        return this.only;
      case PER_VALUE:
        return this.byId[this.columns[0].idOf[i]] - 1;
      case PER_COMBINATION:
        return this.byCombination.get(this.combination(i)) ?? -1;
      default:
        return -1;
    }
  }

  set(i: number, fit: number): void {
    if (this.kind === SINGLE) this.only = fit;
    else if (this.kind === PER_VALUE) this.byId[this.columns[0].idOf[i]] = fit + 1;
    else if (this.kind === PER_COMBINATION) this.byCombination.set(this.combination(i), fit);
  }

  /** Node i's value ids folded into one number a position at a time, so the number stays small. */
  private combination(i: number): number {
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
