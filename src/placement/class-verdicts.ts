import { DaemonSetView } from './daemon-set-view';
import { classGroups, ClassGroups, NodeClasses } from './node-classes';
import { Taint } from './node-view';
import { fitReasons, joinVerdict, untoleratedBy, Verdict } from './predicates/should-run';
import { untoleratedTaintReason } from './predicates/taint-toleration';
import { PlacementReason } from './report';

/** What a set of tolerations makes of each of the inventory's taint lists. */
interface TaintHalf {
  readonly untolerated: ReadonlyArray<readonly Taint[]>;
  readonly untoleratedReasons: ReadonlyArray<readonly PlacementReason[]>;
  /** The verdict where the pod fits, by taint list, made on first need. */
  readonly byTaints: Array<Verdict | undefined>;
}

/** More pairs of halves than this are kept by key, not in an array of every pair. */
const SPARSE_PAIRS = 65_536;

/**
 * The verdicts of DaemonSets on the inventory's node classes. A verdict has two halves that read
 * different things: whether the pod fits the node's labels (nodeSelector, required affinity),
 * read from the values of the keys the DaemonSet selects on, and which taints it does not
 * tolerate, read from the taints alone. Each half is evaluated once per distinct input and the
 * halves are joined per class, so a DaemonSet costs (value combinations + taint lists)
 * evaluations rather than their product: an inventory with dozens of taint lists and a
 * DaemonSet reading a label of tens of values would otherwise evaluate hundreds of nodes.
 */
export class ClassVerdicts {
  private readonly groupsByKeys = new Map<string, ClassGroups>();
  private readonly taintHalves = new Map<string, TaintHalf>();
  /** One class of each taint list, by taint id. */
  private readonly taintRepresentative: number[] = [];

  constructor(private readonly classes: NodeClasses, private readonly keyIndex: ReadonlyMap<string, number>) {
    classes.taintIdOf.forEach((taintId, c) => (this.taintRepresentative[taintId] ??= c));
  }

  /**
   * The groups of classes that a DaemonSet reading `keys` tells apart by their values, taints
   * aside. Most DaemonSets read one of a few sets of keys (the OS, the architecture, none):
   * grouped once per set.
   */
  groups(keys: Iterable<string>): ClassGroups {
    const indices = [...keys].map((key) => this.keyIndex.get(key)!).sort((a, b) => a - b);
    const signature = indices.join(',');
    let groups = this.groupsByKeys.get(signature);
    if (!groups) this.groupsByKeys.set(signature, (groups = classGroups(this.classes, indices)));
    return groups;
  }

  /**
   * The taint half for `view`'s tolerations, once for every DaemonSet that tolerates alike (most
   * tolerate nothing, everything, or one of a few pool taints): the untolerated taints of each
   * taint list, their reasons, and the verdict of each list where the pod fits.
   */
  private taintHalf(view: DaemonSetView): TaintHalf {
    const key = JSON.stringify(view.tolerations);
    let half = this.taintHalves.get(key);
    if (!half) {
      const { representatives } = this.classes;
      const untolerated: Array<readonly Taint[]> = this.taintRepresentative.map((c) => untoleratedBy(view, representatives[c].taints));
      const untoleratedReasons = untolerated.map((taints) => taints.map(untoleratedTaintReason));
      half = { untolerated, untoleratedReasons, byTaints: new Array(untolerated.length) };
      this.taintHalves.set(key, half);
    }
    return half;
  }

  /**
   * The verdict of `view` on each class, by class id. `view` must read no node name (a
   * DaemonSet that does is evaluated node by node).
   */
  of(view: DaemonSetView): Verdict[] {
    const { representatives, taintIdOf } = this.classes;
    const { groupOf, firstClass } = this.groups(view.labelKeys);
    const fits: PlacementReason[][] = firstClass.map((c) => fitReasons(view, representatives[c]));
    const { untolerated, untoleratedReasons, byTaints } = this.taintHalf(view);
    const taintCount = untolerated.length;
    // Joined once per pair of halves that some class has. At most one pair per class exists, so
    // where all pairs would be many more than the classes, only those that exist are kept.
    const pairs = firstClass.length * taintCount;
    const joined: { [pair: number]: Verdict | undefined } = pairs <= SPARSE_PAIRS ? new Array<Verdict | undefined>(pairs) : {};
    // A verdict with one half empty depends on the other alone: one per taint list (shared by
    // the DaemonSets that tolerate alike), or per group.
    const byFit = new Array<Verdict | undefined>(firstClass.length);
    const verdicts = new Array<Verdict>(groupOf.length);
    for (let c = 0; c < groupOf.length; c++) {
      const group = groupOf[c];
      const taints = taintIdOf[c];
      const fit = fits[group];
      let verdict = fit.length === 0 ? byTaints[taints] : untolerated[taints].length === 0 ? byFit[group] : joined[group * taintCount + taints];
      if (verdict === undefined) {
        verdict = joinVerdict(fit, untolerated[taints], untoleratedReasons[taints]);
        if (fit.length === 0) byTaints[taints] = verdict;
        else if (untolerated[taints].length === 0) byFit[group] = verdict;
        else joined[group * taintCount + taints] = verdict;
      }
      verdicts[c] = verdict;
    }
    return verdicts;
  }
}
