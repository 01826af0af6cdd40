import { Verdict } from '../predicates/should-run';
import { VerdictTable } from '../verdict-table';

const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** A node runs the daemon and nothing is wrong: the verdict of most nodes for most DaemonSets. */
const isClean = (verdict: Verdict) => verdict.shouldRun && verdict.shouldContinueRunning && verdict.reasons.length === 0;

/** The rest of a placement after its node: `"shouldRun":…,"reasons":[…]}`. */
function verdictRest(verdict: Verdict): Buffer {
  return utf8(`"shouldRun":${verdict.shouldRun},"shouldContinueRunning":${verdict.shouldContinueRunning},"reasons":${JSON.stringify(verdict.reasons)}}`);
}

/** A table's distinct verdicts and each node's index into them, for tables kept per node too. */
function distinctVerdicts(table: VerdictTable): { verdicts: readonly Verdict[]; indexOf: Int32Array } {
  if (table.indexOf) return { verdicts: table.verdicts, indexOf: table.indexOf };
  // Per-node tables repeat the same few verdict objects: encode each once.
  const indexOfVerdict = new Map<Verdict, number>();
  const indexOf = new Int32Array(table.verdicts.length);
  table.verdicts.forEach((verdict, node) => {
    let index = indexOfVerdict.get(verdict);
    if (index === undefined) indexOfVerdict.set(verdict, (index = indexOfVerdict.size));
    indexOf[node] = index;
  });
  return { verdicts: [...indexOfVerdict.keys()], indexOf };
}

/**
 * Writes placements arrays as UTF-8 JSON straight from verdict tables, byte for byte what
 * `JSON.stringify` writes for the placements the table stands for.
 *
 * Each placement is the encoded opening of its node (`{"node":"worker-1",`) followed by the
 * encoded rest of its verdict; both are encoded once and copied. Consecutive nodes with a clean
 * verdict are copied in one piece from a text of every node's clean placement, which is the
 * same for every DaemonSet: about half of a large report is such runs.
 */
export class PlacementsJsonWriter {
  private readonly nodeOpenings: readonly Buffer[];
  /** The buffer every `write` fills when buffers are reused. */
  private scratch: Buffer | undefined;
  private cleanText: Buffer | undefined;
  /** Where node i's clean placement starts in `cleanText`; entry n is one past its end. */
  private cleanStart: Int32Array | undefined;

  /**
   * @param reuseBuffer fill one buffer on every `write`, so that each result is valid only until
   *   the next call: for callers that write it out at once, and would otherwise allocate the
   *   whole report (hundreds of megabytes over 15,000 nodes) a buffer at a time
   */
  constructor(nodes: readonly string[], private readonly reuseBuffer = false) {
    this.nodeOpenings = nodes.map((node) => utf8(`{"node":${JSON.stringify(node)},`));
  }

  /** `before`, the placements array of `table`, `after`: in one buffer of exact size. */
  write(table: VerdictTable, before: Uint8Array, after: Uint8Array): Buffer {
    const { verdicts, indexOf } = distinctVerdicts(table);
    const rests = verdicts.map(verdictRest);
    const clean = verdicts.map(isClean);
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
    // A view and `set` copy faster than Buffer#copy, which crosses into C++ on every call.
    out.set(this.cleanText!.subarray(start, end), at);
    return end - start;
  }

  /** Every node's clean placement, each followed by a comma. */
  private encodeCleanPlacements(): void {
    const rest = verdictRest({ shouldRun: true, shouldContinueRunning: true, reasons: [] });
    const starts = new Int32Array(this.nodeOpenings.length + 1);
    let size = 0;
    this.nodeOpenings.forEach((opening, i) => {
      starts[i] = size;
      size += opening.length + rest.length + 1;
    });
    starts[this.nodeOpenings.length] = size;
    const text = Buffer.allocUnsafe(size);
    this.nodeOpenings.forEach((opening, i) => {
      text.set(opening, starts[i]);
      text.set(rest, starts[i] + opening.length);
      text[starts[i + 1] - 1] = COMMA;
    });
    this.cleanText = text;
    this.cleanStart = starts;
  }
}
