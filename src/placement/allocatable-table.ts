import { JsonObject } from '../json/shape';

/** The resources of the scheduler's NodeResourcesFit filter that advisories check. */
export const CHECKED_RESOURCES = ['cpu', 'memory', 'pods'] as const;
export type CheckedResource = typeof CHECKED_RESOURCES[number];

/** A node's allocatable cpu, memory and pods, as quantities (`"2"`, `"3902960Ki"`, `"110"`). */
export type Allocatable = Readonly<Record<CheckedResource, string | undefined>>;

/**
 * The allocatable figures of an inventory's nodes, numbered as first seen: the nodes of a pool
 * report the same ones, so advisories parse and compare each distinct set once and read a node's
 * number from an array, instead of reading three strings off every one of 15,000 nodes again.
 */
export class AllocatableTable {
  /** The figures of each number. */
  readonly records: Allocatable[] = [];
  /** The number of each node, by inventory index, as `add` was called. */
  private readonly numbers: Int32Array;
  private count = 0;
  private readonly ids = new Map<string | undefined, Map<string | undefined, Map<string | undefined, number>>>();

  /** @param capacity the most nodes `add` will be called for */
  constructor(capacity: number) {
    this.numbers = new Int32Array(capacity);
  }

  /** Numbers the next node's `status.allocatable`, which `nodeProblem` has checked. */
  add(allocatable: JsonObject | undefined): void {
    // cpu, memory and pods are no prototype property names: a plain read is an own read.
    const read = (resource: CheckedResource) => {
      const value = allocatable?.[resource];
      return value === undefined ? undefined : String(value ?? '');
    };
    const cpu = read('cpu');
    const memory = read('memory');
    const pods = read('pods');
    let byMemory = this.ids.get(cpu);
    if (!byMemory) this.ids.set(cpu, (byMemory = new Map()));
    let byPods = byMemory.get(memory);
    if (!byPods) byMemory.set(memory, (byPods = new Map()));
    let id = byPods.get(pods);
    if (id === undefined) {
      byPods.set(pods, (id = this.records.length));
      this.records.push({ cpu, memory, pods });
    }
    this.numbers[this.count++] = id;
  }

  /** The number of each node's figures in `records`, by inventory index. */
  numberOfNode(): Int32Array {
    return this.numbers.slice(0, this.count);
  }
}
