import { NodeVerdict } from '../node-verdict';
import { Verdict } from '../predicates/should-run';
import { VerdictTable } from '../verdict-table';
import { VerdictBytes, VerdictRest } from './verdict-bytes';

const COMMA = 0x2c;
const COMMA_BYTES = Uint8Array.of(COMMA);
const OPEN_BRACKET_BYTES = Uint8Array.of(0x5b);
const CLOSE_BRACKET_BYTES = Uint8Array.of(0x5d);

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

/**
 * A verdict table ready to copy: each distinct verdict text encoded once, and for each node the
 * id of its text, read through the shared class index where the table has one.
 */
interface EncodedTable {
  /** Each text's bytes, in pieces to copy one after the other. */
  readonly rests: ReadonlyArray<readonly Uint8Array[]>;
  readonly restLength: Int32Array;
  /** Whether each text is a clean placement's. */
  readonly clean: readonly boolean[];
  /** The text id of each entry of the table: of each class when `classOf` is given, else of each node. */
  readonly textOf: Int32Array;
  /** The inventory's class of each node, shared by the tables evaluated per class. */
  readonly classOf: Int32Array | undefined;
  /**
   * Equal for two tables only when they give every node the same verdict text: the same
   * shared node index and the same texts for its classes. Undefined for a table whose node
   * index no other table shares.
   */
  readonly sameVerdictsKey: string | undefined;
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
  private textAt: Int32Array | undefined;
  /** The buffer `write` fills: one for every DaemonSet when buffers are reused. */
  private chunk: Uint8Array | undefined;
  private used = 0;
  private readonly cleanRest: Uint8Array;
  private cleanText: Uint8Array | undefined;
  /** Where node i's clean placement starts in `cleanText`; entry n is one past its end. */
  private cleanStart: Int32Array | undefined;

  /**
   * @param nodes the report's node names, in order
   * @param tables the verdict table of each DaemonSet to write (undefined where there is none)
   * @param reusedChunkSize fill one buffer of this many bytes again and again, so that each piece
   *   `write` yields is valid only until the next is asked for: for callers that write each piece
   *   out at once, and would otherwise allocate the whole report (hundreds of megabytes over
   *   15,000 nodes). Undefined: a buffer per DaemonSet, placements that DaemonSets share written once.
   */
  constructor(nodes: readonly string[], tables: ReadonlyArray<VerdictTable | undefined>, private readonly reusedChunkSize?: number) {
    this.nodeOpenings = encodeEach(nodes.map((node) => `{"node":${JSON.stringify(node)},`));
    // Only tables that share their node index with another can write the same placements, and
    // only a writer that keeps buffers can share them.
    const tablesPerIndex = new Map<Int32Array, number>();
    if (reusedChunkSize === undefined) {
      for (const table of tables) if (table?.indexOf) tablesPerIndex.set(table.indexOf, (tablesPerIndex.get(table.indexOf) ?? 0) + 1);
    }
    const sharedIndexIds = new Map([...tablesPerIndex].filter(([, count]) => count > 1).map(([index], id) => [index, id]));
    const verdictBytes = new VerdictBytes();
    this.tables = tables.map((table) => table && encodeTable(table, sharedIndexIds, verdictBytes));
    this.cleanRest = Buffer.concat(verdictBytes.of({ shouldRun: true, shouldContinueRunning: true, reasons: [] }).pieces);
    for (const table of this.tables) {
      if (table?.sameVerdictsKey === undefined) continue;
      const entry = this.repeated.get(table.sameVerdictsKey) ?? { uses: 0 };
      entry.uses++;
      this.repeated.set(table.sameVerdictsKey, entry);
    }
    for (const [key, entry] of this.repeated) if (entry.uses < 2) this.repeated.delete(key);
  }

  /**
   * `before`, the placements array of DaemonSet `d`'s table, `after`, to write one after the
   * other. Without buffer reuse: one buffer, or three where the placements are a text that
   * DaemonSets share. With it: pieces of the one reused buffer.
   */
  *write(d: number, before: Uint8Array, after: Uint8Array): Generator<Uint8Array> {
    const table = this.tables[d];
    if (!table) throw new Error(`DaemonSet #${d} has no verdict table`);
    const placementsSize = this.measure(table);
    if (this.reusedChunkSize !== undefined) {
      // Filled a chunk at a time: a buffer the size of a DaemonSet's placements (megabytes over
      // thousands of nodes) is memory the system must hand over page by page, which costs more
      // than the copying. One small buffer, filled again and again, is handed over once.
      this.chunk ??= new Uint8Array(this.reusedChunkSize);
    } else {
      const shared = table.sameVerdictsKey === undefined ? undefined : this.repeated.get(table.sameVerdictsKey);
      if (shared) {
        // A buffer of its own, kept for the DaemonSets that repeat it: they copy nothing.
        if (!shared.text) {
          // A chunk of exactly the placements' size: handed out once, when full.
          this.chunk = Buffer.allocUnsafe(placementsSize);
          for (const text of this.placements(table)) shared.text = text;
        }
        const text = shared.text!;
        this.release(table.sameVerdictsKey!, shared);
        yield before;
        yield text;
        yield after;
        return;
      }
      this.chunk = Buffer.allocUnsafe(before.length + placementsSize + after.length);
    }
    yield* this.put(before);
    yield* this.placements(table);
    yield* this.put(after);
    if (this.used > 0) yield this.flush();
  }

  private release(key: string, shared: { uses: number }): void {
    if (--shared.uses === 0) this.repeated.delete(key);
  }

  /** The length of the placements array of `table`; leaves each node's text id in `textAt` for `fillChunk`. */
  private measure(table: EncodedTable): number {
    const { restLength, textOf, classOf } = table;
    const openings = this.nodeOpenings;
    const nodeCount = openings.length;
    // One array that every DaemonSet fills in turn.
    const textAt = (this.textAt ??= new Int32Array(nodeCount));
    let size = 2 + Math.max(0, nodeCount - 1);
    for (let i = 0; i < nodeCount; i++) {
      const text = (textAt[i] = textOf[classOf ? classOf[i] : i]);
      size += openings[i].length + restLength[text];
    }
    return size;
  }

  /** The placements array of the table `measure` measured last, through the chunk. */
  private *placements(table: EncodedTable): Generator<Uint8Array> {
    yield* this.put(OPEN_BRACKET_BYTES);
    const nodeCount = this.nodeOpenings.length;
    for (let node = 0; node < nodeCount;) {
      const next = this.fillChunk(table, node);
      if (next > node) {
        node = next;
        if (node < nodeCount) yield this.flush();
      } else if (this.used > 0) {
        yield this.flush();
      } else {
        // A placement larger than the whole chunk: copied in pieces.
        if (node > 0) yield* this.put(COMMA_BYTES);
        yield* this.put(this.nodeOpenings[node]);
        for (const piece of table.rests[this.textAt![node]]) yield* this.put(piece);
        node++;
      }
    }
    yield* this.put(CLOSE_BRACKET_BYTES);
  }

  /**
   * Copies the placements of nodes from `node` on into the chunk, each whole, for as long as they
   * fit; returns the first node not copied.
   */
  private fillChunk(table: EncodedTable, node: number): number {
    const { rests, restLength, clean } = table;
    const textAt = this.textAt!;
    const openings = this.nodeOpenings;
    const nodeCount = openings.length;
    const out = this.chunk!;
    let at = this.used;
    let i = node;
    while (i < nodeCount) {
      const comma = i > 0 ? 1 : 0;
      if (clean[textAt[i]]) {
        let end = i + 1;
        while (end < nodeCount && clean[textAt[end]]) end++;
        const fitting = this.cleanRunFitting(i, end, out.length - at - comma);
        if (fitting === i) break;
        if (comma) out[at++] = COMMA;
        at += this.copyCleanRun(out, at, i, fitting);
        i = fitting;
        if (fitting < end) break;
        continue;
      }
      const opening = openings[i];
      const text = textAt[i];
      if (at + comma + opening.length + restLength[text] > out.length) break;
      if (comma) out[at++] = COMMA;
      out.set(opening, at);
      at += opening.length;
      const pieces = rests[text];
      for (let p = 0; p < pieces.length; p++) {
        out.set(pieces[p], at);
        at += pieces[p].length;
      }
      i++;
    }
    this.used = at;
    return i;
  }

  /** Copies `bytes` into the chunk, handing the chunk out each time it is full. */
  private *put(bytes: Uint8Array): Generator<Uint8Array> {
    const out = this.chunk!;
    for (let from = 0; from < bytes.length;) {
      const count = Math.min(bytes.length - from, out.length - this.used);
      out.set(count === bytes.length ? bytes : bytes.subarray(from, from + count), this.used);
      this.used += count;
      from += count;
      if (this.used === out.length) yield this.flush();
    }
  }

  /** The filled part of the chunk, which is then empty again. */
  private flush(): Uint8Array {
    const filled = this.used === this.chunk!.length ? this.chunk! : this.chunk!.subarray(0, this.used);
    this.used = 0;
    return filled;
  }

  /** The end of the longest run of clean placements [from, end) within [from, to) whose copy takes at most `room` bytes. */
  private cleanRunFitting(from: number, to: number, room: number): number {
    if (!this.cleanText || !this.cleanStart) this.encodeCleanPlacements();
    const starts = this.cleanStart!;
    // The comma after the run's last placement is not copied.
    const limit = starts[from] + room + 1;
    if (starts[to] <= limit) return to;
    let low = from;
    let high = to;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (starts[middle] <= limit) low = middle;
      else high = middle;
    }
    return low;
  }

  /** Copies the clean placements of nodes [from, to), commas between them; returns the length. */
  private copyCleanRun(out: Uint8Array, at: number, from: number, to: number): number {
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
    const rest = this.cleanRest;
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

/**
 * A table lists a verdict per node or per class of nodes, mostly the same few objects, and
 * distinct objects may still write the same text: each text is encoded once (`VerdictBytes`).
 */
function encodeTable(table: VerdictTable, sharedIndexIds: ReadonlyMap<Int32Array, number>, verdictBytes: VerdictBytes): EncodedTable {
  const { verdicts } = table;
  const restOfVerdict = new Map<Verdict, VerdictRest>();
  const localIds = new Map<VerdictRest, number>();
  const rests: VerdictRest[] = [];
  const textOf = new Int32Array(verdicts.length);
  for (let v = 0; v < verdicts.length; v++) {
    const verdict = verdicts[v];
    // A node-by-node verdict stands once in its table and writes a text of its own: nothing to look up.
    if (verdict instanceof NodeVerdict) {
      textOf[v] = rests.length;
      rests.push(verdictBytes.of(verdict));
      continue;
    }
    let rest = restOfVerdict.get(verdict);
    if (rest === undefined) restOfVerdict.set(verdict, (rest = verdictBytes.of(verdict)));
    let id = localIds.get(rest);
    if (id === undefined) {
      localIds.set(rest, (id = rests.length));
      rests.push(rest);
    }
    textOf[v] = id;
  }
  let sameVerdictsKey: string | undefined;
  const indexId = table.indexOf && sharedIndexIds.get(table.indexOf);
  // Rest ids are the same for two verdicts only when their texts are.
  if (indexId !== undefined) sameVerdictsKey = `${indexId}:${Array.from(textOf, (id) => rests[id].id).join(',')}`;
  return {
    rests: rests.map((rest) => rest.pieces),
    restLength: Int32Array.from(rests, (rest) => rest.length),
    clean: rests.map((rest) => rest.clean),
    textOf,
    classOf: table.indexOf,
    sameVerdictsKey,
  };
}
