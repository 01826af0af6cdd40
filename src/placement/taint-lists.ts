import type { Taint } from './node-view';
import { JsonObject, listAt, objectAt, stringAt } from '../json/shape';

/**
 * The taint lists of an inventory's nodes, numbered as first seen (0: no taints). The nodes of a
 * pool carry the same taints, so each list is read into `Taint`s once and shared by its nodes,
 * and node classes compare taints by number. A list is numbered one taint at a time, through maps
 * keyed by the taint's own strings: no text is built per node to compare them.
 */
export class TaintLists {
  /** The taints of each number. */
  readonly lists: Array<readonly Taint[]> = [NO_TAINTS];
  /** From each list's number, the number of that list with one more taint (key, value, effect). */
  private readonly extended: Array<Map<string, Map<string, Map<string, number>>>> = [new Map()];

  /** The number of `spec.taints` as `nodeProblem` checked it: a list of taints with string fields. */
  add(rawTaints: unknown): number {
    const raw = listAt(rawTaints);
    let id = 0;
    for (let t = 0; t < raw.length; t++) {
      const taint = objectAt(raw[t]) ?? {};
      const key = stringAt(taint.key) ?? '';
      const value = stringAt(taint.value) ?? '';
      const effect = stringAt(taint.effect) ?? '';
      let byValue = this.extended[id].get(key);
      if (!byValue) this.extended[id].set(key, (byValue = new Map()));
      let byEffect = byValue.get(value);
      if (!byEffect) byValue.set(value, (byEffect = new Map()));
      let next = byEffect.get(effect);
      if (next === undefined) {
        byEffect.set(effect, (next = this.lists.length));
        this.lists.push(Object.freeze([...this.lists[id], { key, value, effect }]));
        this.extended.push(new Map());
      }
      id = next;
    }
    return id;
  }
}

const NO_TAINTS: readonly Taint[] = Object.freeze([]);

/** The taints of one parsed Node. */
export function taintsOf(node: JsonObject): readonly Taint[] {
  const lists = new TaintLists();
  return lists.lists[lists.add(objectAt(node.spec)?.taints)];
}
