import { Verdict } from '../predicates/should-run';
import { PlacementReason } from '../report';

/** The UTF-8 JSON of a placement after its node: `"shouldRun":…,"shouldContinueRunning":…,"reasons":[…]}`. */
export interface VerdictRest {
  readonly bytes: Uint8Array;
  /**
   * The same for two verdicts only when their bytes are the same; the first verdict to print a
   * reason gets an id of its own even if a later one writes the same bytes.
   */
  readonly id: number;
  /** A node runs the daemon and nothing is wrong: the verdict of most nodes for most DaemonSets. */
  readonly clean: boolean;
}

/** Verdicts with the same head, then the same reasons so far. */
interface Prefix {
  rest?: VerdictRest;
  /** Made when a verdict with one more reason first passes through: most prefixes end a verdict. */
  next?: Map<Uint8Array, Prefix>;
}

const ARENA_SIZE = 2 ** 20;
const COMMA = 0x2c;
const CLOSING_BRACE = 0x7d;
const CLOSING = Buffer.from(']}', 'utf8');
const HEADS = [false, true].map((shouldRun) =>
  [false, true].map((shouldContinueRunning) => Buffer.from(`"shouldRun":${shouldRun},"shouldContinueRunning":${shouldContinueRunning},"reasons":[`, 'utf8')),
);

/** A reason as a placement's JSON holds it: its code, then its message, and nothing else the object may carry. */
function plainReason(reason: PlacementReason): PlacementReason {
  return { code: reason.code, message: reason.message };
}

/**
 * Encodes verdicts as the JSON text of their placements, byte for byte what `JSON.stringify`
 * writes, each distinct text once.
 *
 * A report over a large inventory has tens of thousands of distinct verdicts where reasons print
 * a node's own values (a serial number, a rack), but far fewer distinct reasons: a rack `In` list
 * of a hundred values fails on 15,000 nodes with one reason per rack. So each reason is encoded
 * once per distinct code and message, and a verdict's bytes are its reasons' bytes copied
 * together, with no string built per verdict. Verdicts that give the same bytes get the same
 * `VerdictRest`: they are found by their reasons' encodings, which each distinct reason has one of.
 * A verdict with a reason not seen before (a serial number only its node has) is neither looked
 * for nor kept: nearly all such texts are written once.
 */
export class VerdictBytes {
  private readonly reasonBytes = new Map<string, Map<string, Uint8Array>>();
  private readonly roots: Prefix[][] = HEADS.map((heads) => heads.map(() => ({})));
  private arena = Buffer.alloc(0);
  private used = 0;
  private restCount = 0;
  private reasonCount = 0;

  of(verdict: Verdict): VerdictRest {
    const reasons = verdict.reasons;
    const head = HEADS[Number(verdict.shouldRun)][Number(verdict.shouldContinueRunning)];
    const clean = verdict.shouldRun && verdict.shouldContinueRunning && reasons.length === 0;
    // A text of the node's own is written as it is, not taken apart to be looked for.
    if (verdict.ownText && reasons.length > 0) {
      return { bytes: this.encodeAfter(head, JSON.stringify(reasons.map(plainReason))), id: this.restCount++, clean };
    }
    const encoded = this.reasonCount;
    const parts: Uint8Array[] = [];
    for (let r = 0; r < reasons.length; r++) parts.push(this.reason(reasons[r]));
    // A reason never encoded before (it prints a node's own value) makes a text no verdict had:
    // it is not looked for, nor kept for later ones.
    if (this.reasonCount > encoded) return { bytes: this.join(head, parts), id: this.restCount++, clean };
    let prefix = this.roots[Number(verdict.shouldRun)][Number(verdict.shouldContinueRunning)];
    for (let p = 0; p < parts.length; p++) {
      const children: Map<Uint8Array, Prefix> = (prefix.next ??= new Map());
      let next = children.get(parts[p]);
      if (!next) children.set(parts[p], (next = {}));
      prefix = next;
    }
    prefix.rest ??= { bytes: this.join(head, parts), id: this.restCount++, clean };
    return prefix.rest;
  }

  private reason(reason: PlacementReason): Uint8Array {
    let byMessage = this.reasonBytes.get(reason.code);
    if (!byMessage) this.reasonBytes.set(reason.code, (byMessage = new Map()));
    let bytes = byMessage.get(reason.message);
    if (!bytes) {
      byMessage.set(reason.message, (bytes = this.encode(JSON.stringify(plainReason(reason)))));
      this.reasonCount++;
    }
    return bytes;
  }

  /** `head`, the parts with commas between them, and `]}`, in a slice of a shared buffer. */
  private join(head: Uint8Array, parts: readonly Uint8Array[]): Uint8Array {
    let size = head.length + Math.max(0, parts.length - 1) + CLOSING.length;
    for (const part of parts) size += part.length;
    const bytes = this.allocate(size);
    bytes.set(head, 0);
    let at = head.length;
    for (let p = 0; p < parts.length; p++) {
      if (p > 0) bytes[at++] = COMMA;
      bytes.set(parts[p], at);
      at += parts[p].length;
    }
    bytes.set(CLOSING, at);
    return bytes;
  }

  /**
   * `head`, the JSON list `reasons` and the closing `}`, as UTF-8 in a slice of the arena, with no
   * string joined to write them: `head` ends in the `[` the list starts with, so the list is
   * written from that byte on.
   */
  private encodeAfter(head: Uint8Array, reasons: string): Uint8Array {
    const room = head.length + reasons.length * 3 + 1;
    if (this.used + room > this.arena.length) this.newArena(room);
    this.arena.set(head, this.used);
    let length = head.length + this.arena.write(reasons, this.used + head.length - 1, 'utf8') - 1;
    this.arena[this.used + length++] = CLOSING_BRACE;
    return this.take(length);
  }

  /** `text` as UTF-8, written straight into the arena. */
  private encode(text: string): Uint8Array {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (this.used + text.length * 3 > this.arena.length) this.newArena(text.length * 3);
    const length = this.arena.write(text, this.used, 'utf8');
    return this.take(length);
  }

  /** Slices of large buffers: tens of thousands of small ones would each cost an allocation. */
  private allocate(size: number): Uint8Array {
    if (this.used + size > this.arena.length) this.newArena(size);
    return this.take(size);
  }

  private newArena(atLeast: number): void {
    this.arena = Buffer.allocUnsafe(Math.max(ARENA_SIZE, atLeast));
    this.used = 0;
  }

  /** The next `size` bytes of the arena, as a plain view: a Buffer's `subarray` builds a slower Buffer. */
  private take(size: number): Uint8Array {
    const bytes = new Uint8Array(this.arena.buffer, this.arena.byteOffset + this.used, size);
    this.used += size;
    return bytes;
  }
}
