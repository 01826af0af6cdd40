import { Verdict } from '../predicates/should-run';

/** The UTF-8 JSON of a placement after its node: `"shouldRun":…,"shouldContinueRunning":…,"reasons":[…]}`. */
export interface VerdictRest {
  readonly bytes: Uint8Array;
  /** The same for two verdicts exactly when their bytes are the same. */
  readonly id: number;
  /** A node runs the daemon and nothing is wrong: the verdict of most nodes for most DaemonSets. */
  readonly clean: boolean;
}

/** Verdicts with the same head, then the same reasons so far. */
interface Prefix {
  rest?: VerdictRest;
  readonly next: Map<Uint8Array, Prefix>;
}

const ARENA_SIZE = 2 ** 20;
const COMMA = 0x2c;
const CLOSING = Buffer.from(']}', 'utf8');
const HEADS = [false, true].map((shouldRun) =>
  [false, true].map((shouldContinueRunning) => Buffer.from(`"shouldRun":${shouldRun},"shouldContinueRunning":${shouldContinueRunning},"reasons":[`, 'utf8')),
);

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
 */
export class VerdictBytes {
  private readonly reasonBytes = new Map<string, Map<string, Uint8Array>>();
  private readonly roots: Prefix[][] = HEADS.map((heads) => heads.map(() => ({ next: new Map() })));
  private arena = new Uint8Array(0);
  private used = 0;
  private restCount = 0;

  of(verdict: Verdict): VerdictRest {
    const reasons = verdict.reasons;
    const parts: Uint8Array[] = [];
    let prefix = this.roots[Number(verdict.shouldRun)][Number(verdict.shouldContinueRunning)];
    for (const reason of reasons) {
      const part = this.reason(reason.code, reason.message);
      parts.push(part);
      let next = prefix.next.get(part);
      if (!next) prefix.next.set(part, (next = { next: new Map() }));
      prefix = next;
    }
    if (!prefix.rest) {
      const head = HEADS[Number(verdict.shouldRun)][Number(verdict.shouldContinueRunning)];
      const clean = verdict.shouldRun && verdict.shouldContinueRunning && reasons.length === 0;
      prefix.rest = { bytes: this.join(head, parts), id: this.restCount++, clean };
    }
    return prefix.rest;
  }

  private reason(code: string, message: string): Uint8Array {
    let byMessage = this.reasonBytes.get(code);
    if (!byMessage) this.reasonBytes.set(code, (byMessage = new Map()));
    let bytes = byMessage.get(message);
    if (!bytes) byMessage.set(message, (bytes = Buffer.from(`{"code":${JSON.stringify(code)},"message":${JSON.stringify(message)}}`, 'utf8')));
    return bytes;
  }

  /** `head`, the parts with commas between them, and `]}`, in a slice of a shared buffer. */
  private join(head: Uint8Array, parts: readonly Uint8Array[]): Uint8Array {
    let size = head.length + Math.max(0, parts.length - 1) + CLOSING.length;
    for (const part of parts) size += part.length;
    const bytes = this.allocate(size);
    bytes.set(head, 0);
    let at = head.length;
    parts.forEach((part, p) => {
      if (p > 0) bytes[at++] = COMMA;
      bytes.set(part, at);
      at += part.length;
    });
    bytes.set(CLOSING, at);
    return bytes;
  }

  /** Slices of large buffers: tens of thousands of small ones would each cost an allocation. */
  private allocate(size: number): Uint8Array {
    if (this.used + size > this.arena.length) {
      this.arena = new Uint8Array(Math.max(ARENA_SIZE, size));
      this.used = 0;
    }
    const bytes = this.arena.subarray(this.used, this.used + size);
    this.used += size;
    return bytes;
  }
}
