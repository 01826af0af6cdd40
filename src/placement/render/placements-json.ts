import { Verdict } from '../predicates/should-run';
import { VerdictTable } from '../verdict-table';

const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/**
 * The UTF-8 of each text, as views into one buffer encoded in one go. Plain Uint8Array views:
 * a Buffer's `subarray` builds a Buffer subclass, several times slower to make. The texts are
 * JSON, which holds no lone surrogate, so joining them cannot pair one text's end with the next
 * one's start into a character that neither holds.
 */
function encodeEach(texts: readonly string[]): Uint8Array[] {
  const encoded = Buffer.from(texts.join(''), 'utf8');
  const all = new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.length);
  let at = 0;
  return texts.map((text) => {
    const length = Buffer.byteLength(text, 'utf8');
    return all.subarray(at, (at += length));
  });
}

/** A copy of `bytes` that outlives the buffer they are in. */
function copyOf(bytes: Uint8Array): Uint8Array {
  // Not zeroed first: every byte is overwritten at once.
  const copy = Buffer.allocUnsafe(bytes.length);
  copy.set(bytes);
  return copy;
}

/** A node runs the daemon and nothing is wrong: the verdict of most nodes for most DaemonSets. */
const isClean = (verdict: Verdict) => verdict.shouldRun && verdict.shouldContinueRunning && verdict.reasons.length === 0;

/** The JSON of a placement after its node: `"shouldRun":…,"reasons":[…]}`. */
function verdictRestText(verdict: Verdict): string {
  return `"shouldRun":${verdict.shouldRun},"shouldContinueRunning":${verdict.shouldContinueRunning},"reasons":${JSON.stringify(verdict.reasons)}}`;
}

/** A verdict table ready to copy: each distinct verdict encoded once, and each node's index into them. */
interface EncodedTable {
  readonly rests: readonly Uint8Array[];
  readonly clean: readonly boolean[];
  readonly indexOf: Int32Array;
  /**
   * Equal for two tables only when they give every node the same verdict text: the same
   * shared node index and the same verdict texts. Undefined for a table kept per node.
   */
  readonly sameVerdictsKey: string | undefined;
}

/** Per-node tables repeat the same few verdict objects: each is encoded once. */
function distinctVerdicts(verdicts: readonly Verdict[]): { distinct: Verdict[]; indexOf: Int32Array } {
  const indexOfVerdict = new Map<Verdict, number>();
  const indexOf = new Int32Array(verdicts.length);
  verdicts.forEach((verdict, node) => {
    let index = indexOfVerdict.get(verdict);
    if (index === undefined) indexOfVerdict.set(verdict, (index = indexOfVerdict.size));
    indexOf[node] = index;
  });
  return { distinct: [...indexOfVerdict.keys()], indexOf };
}

/**
 * Writes the placements arrays of a report's DaemonSets as UTF-8 JSON straight from their
 * verdict tables, byte for byte what `JSON.stringify` writes for the placements a table stands
 * for. Building 1.5 million placement objects or strings first (15,000 nodes x 100 DaemonSets)
 * costs several times more, most of it in the garbage collector.
 *
 * - Each placement is the encoded opening of its node (`{"node":"worker-1",`) followed by the
 *   encoded rest of its verdict, both encoded once and copied.
 * - Consecutive nodes with a clean verdict are copied in one piece from a text of every node's
 *   clean placement, the same for every DaemonSet: about half of a large report.
 * - DaemonSets with the same verdict on every node (agents that tolerate everything, agents
 *   for every Linux node) have the same placements text: it is assembled once and copied.
 */
export class PlacementsJsonWriter {
  private readonly nodeOpenings: readonly Uint8Array[];
  private readonly tables: ReadonlyArray<EncodedTable | undefined>;
  /** Placements texts that a later DaemonSet repeats, and how many DaemonSets still need each. */
  private readonly repeated = new Map<string, { text?: Uint8Array; uses: number }>();
  /** The buffer every `write` fills when buffers are reused. */
  private scratch: Buffer | undefined;
  private cleanText: Uint8Array | undefined;
  /** Where node i's clean placement starts in `cleanText`; entry n is one past its end. */
  private cleanStart: Int32Array | undefined;

  /**
   * @param nodes the report's node names, in order
   * @param tables the verdict table of each DaemonSet to write (undefined where there is none)
   * @param reuseBuffer fill one buffer on every `write`, so that each result is valid only until
   *   the next call: for callers that write it out at once, and would otherwise allocate the
   *   whole report (hundreds of megabytes over 15,000 nodes) a buffer at a time
   */
  constructor(nodes: readonly string[], tables: ReadonlyArray<VerdictTable | undefined>, private readonly reuseBuffer = false) {
    this.nodeOpenings = encodeEach(nodes.map((node) => `{"node":${JSON.stringify(node)},`));
    const indexIds = new Map<Int32Array, number>();
    this.tables = tables.map((table) => table && encodeTable(table, indexIds));
    for (const table of this.tables) {
      if (table?.sameVerdictsKey === undefined) continue;
      const entry = this.repeated.get(table.sameVerdictsKey) ?? { uses: 0 };
      entry.uses++;
      this.repeated.set(table.sameVerdictsKey, entry);
    }
    for (const [key, entry] of this.repeated) if (entry.uses < 2) this.repeated.delete(key);
  }

  /** `before`, the placements array of DaemonSet `d`'s table, `after`: in one buffer of exact size. */
  write(d: number, before: Uint8Array, after: Uint8Array): Buffer {
    const table = this.tables[d];
    if (!table) throw new Error(`DaemonSet #${d} has no verdict table`);
    const shared = table.sameVerdictsKey === undefined ? undefined : this.repeated.get(table.sameVerdictsKey);
    if (shared?.text) {
      const out = this.buffer(before.length + shared.text.length + after.length);
      out.set(before, 0);
      out.set(shared.text, before.length);
      out.set(after, before.length + shared.text.length);
      this.release(table.sameVerdictsKey!, shared);
      return out;
    }

    const out = this.assemble(table, before, after);
    if (shared) {
      // Copied: a reused buffer is overwritten by the next DaemonSet.
      shared.text = copyOf(out.subarray(before.length, out.length - after.length));
      this.release(table.sameVerdictsKey!, shared);
    }
    return out;
  }

  private release(key: string, shared: { uses: number }): void {
    if (--shared.uses === 0) this.repeated.delete(key);
  }

  private assemble(table: EncodedTable, before: Uint8Array, after: Uint8Array): Buffer {
    const { rests, clean, indexOf } = table;
    const openings = this.nodeOpenings;
    const nodeCount = openings.length;

    let size = before.length + 2 + Math.max(0, nodeCount - 1) + after.length;
    for (let i = 0; i < nodeCount; i++) size += openings[i].length + rests[indexOf[i]].length;

    const out = this.buffer(size);
    out.set(before, 0);
    let at = before.length;
    out[at++] = OPEN_BRACKET;
    for (let i = 0; i < nodeCount;) {
      if (i > 0) out[at++] = COMMA;
      if (clean[indexOf[i]]) {
        let end = i + 1;
        while (end < nodeCount && clean[indexOf[end]]) end++;
        at += this.copyCleanRun(out, at, i, end);
        i = end;
        continue;
      }
      const opening = openings[i];
      out.set(opening, at);
      at += opening.length;
      const rest = rests[indexOf[i]];
      out.set(rest, at);
      at += rest.length;
      i++;
    }
    out[at++] = CLOSE_BRACKET;
    out.set(after, at);
    return out;
  }

  /** A buffer of `size` bytes; not zeroed, since the caller writes every byte. */
  private buffer(size: number): Buffer {
    if (!this.reuseBuffer) return Buffer.allocUnsafe(size);
    // Room to spare, so a slightly longer DaemonSet does not allocate again.
    if (!this.scratch || this.scratch.length < size) this.scratch = Buffer.allocUnsafe(Math.ceil(size * 1.25));
    return this.scratch.subarray(0, size);
  }

  /** Copies the clean placements of nodes [from, to), commas between them; returns the length. */
  private copyCleanRun(out: Buffer, at: number, from: number, to: number): number {
    if (!this.cleanText || !this.cleanStart) this.encodeCleanPlacements();
    const start = this.cleanStart![from];
    // The comma after the run's last placement is not part of the run.
    const end = this.cleanStart![to] - 1;
    // A plain view and `set` copy faster than Buffer#copy, which crosses into C++ on every call.
    out.set(this.cleanText!.subarray(start, end), at);
    return end - start;
  }

  /** Every node's clean placement, each followed by a comma. */
  private encodeCleanPlacements(): void {
    const rest = utf8(verdictRestText({ shouldRun: true, shouldContinueRunning: true, reasons: [] }));
    const starts = new Int32Array(this.nodeOpenings.length + 1);
    let size = 0;
    this.nodeOpenings.forEach((opening, i) => {
      starts[i] = size;
      size += opening.length + rest.length + 1;
    });
    starts[this.nodeOpenings.length] = size;
    const text = new Uint8Array(size);
    this.nodeOpenings.forEach((opening, i) => {
      text.set(opening, starts[i]);
      text.set(rest, starts[i] + opening.length);
      text[starts[i + 1] - 1] = COMMA;
    });
    this.cleanText = text;
    this.cleanStart = starts;
  }
}

function encodeTable(table: VerdictTable, indexIds: Map<Int32Array, number>): EncodedTable {
  const { distinct, indexOf } = table.indexOf
    ? { distinct: table.verdicts, indexOf: table.indexOf }
    : distinctVerdicts(table.verdicts);
  const texts = distinct.map(verdictRestText);
  let sameVerdictsKey: string | undefined;
  if (table.indexOf) {
    let indexId = indexIds.get(table.indexOf);
    if (indexId === undefined) indexIds.set(table.indexOf, (indexId = indexIds.size));
    // JSON texts hold no raw newline: joined by one, different lists never give the same key.
    sameVerdictsKey = `${indexId}\n${texts.join('\n')}`;
  }
  return { rests: encodeEach(texts), clean: distinct.map(isClean), indexOf, sameVerdictsKey };
}
