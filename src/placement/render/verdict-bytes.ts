import { NodeVerdict } from '../node-verdict';
import { Taint } from '../node-view';
import { ABSENT, PRINTED_AFTER, PRINTED_BEFORE, PrintedValue, ReasonText } from '../predicates/reason-text';
import { Verdict } from '../predicates/should-run';
import { PlacementReason } from '../report';
import { ByteArena } from './byte-arena';

/** The UTF-8 JSON of a placement after its node: `"shouldRun":…,"shouldContinueRunning":…,"reasons":[…]}`. */
export interface VerdictRest {
  /** The bytes, to be copied one piece after the other: texts that many verdicts print are pieces of their own. */
  readonly pieces: readonly Uint8Array[];
  readonly length: number;
  /**
   * The same for two verdicts only when their bytes are the same; the first verdict to print a
   * reason, and every node-by-node verdict, gets an id of its own even if another writes the same bytes.
   */
  readonly id: number;
  /** A node runs the daemon and nothing is wrong: the verdict of most nodes for most DaemonSets. */
  readonly clean: boolean;
}

/** Encoded text, or a node value to encode in its place. */
type TemplateItem = Uint8Array | PrintedValue;

/** Verdicts with the same head, then the same reasons so far. */
interface Prefix {
  rest?: VerdictRest;
  /** Made when a verdict with one more reason first passes through: most prefixes end a verdict. */
  next?: Map<Uint8Array, Prefix>;
}

/** Texts at least this long are pieces of their own rather than copied into each verdict that prints them. */
const SHARED_PIECE = 64;
const COMMA_BYTES = Uint8Array.of(0x2c);
const CLOSING = Buffer.from(']}', 'utf8');
const MESSAGE_CLOSING = Buffer.from('"}', 'utf8');
const ABSENT_BYTES = Buffer.from(ABSENT, 'utf8');
const PRINTED_BEFORE_BYTES = Buffer.from(PRINTED_BEFORE, 'utf8');
const PRINTED_AFTER_BYTES = Buffer.from(PRINTED_AFTER, 'utf8');
/** Text that JSON writes as it is, and UTF-8 as Latin-1. */
const PLAIN_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
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
 * a node's own values (a serial number, a rack), but far fewer distinct texts around those values.
 * - A node-by-node verdict (`NodeVerdict`) is written from the text its pattern of failing nodes
 *   shares, encoded once, and the node's values, encoded on their own: no message is built.
 * - Any other verdict is its reasons, each encoded once per distinct code and message, copied
 *   together. Verdicts that give the same bytes get the same `VerdictRest`: they are found by
 *   their reasons' encodings, which each distinct reason has one of.
 */
export class VerdictBytes {
  private readonly reasonBytes = new Map<string, Map<string, Uint8Array>>();
  /** By a pattern's fit reasons, by taint list: see `templateOf`. */
  private readonly templates = new Map<readonly ReasonText[], Map<readonly Taint[], readonly TemplateItem[]>>();
  private readonly roots: Prefix[][] = HEADS.map((heads) => heads.map(() => ({})));
  /** The encodings kept for reuse: reasons, texts. */
  private readonly encodings = new ByteArena();
  /** The verdicts' bytes, which copy encodings; apart, so that encoding one never lands inside a verdict's. */
  private readonly verdicts = new ByteArena();
  private restCount = 0;
  private reasonCount = 0;
  /** The pieces of the node-by-node verdict being written, and their length: one array, emptied for each. */
  private readonly pieces: Uint8Array[] = [];
  private piecesLength = 0;

  of(verdict: Verdict): VerdictRest {
    if (verdict instanceof NodeVerdict) return this.ofNodeVerdict(verdict);
    const reasons = verdict.reasons;
    const head = HEADS[Number(verdict.shouldRun)][Number(verdict.shouldContinueRunning)];
    const clean = verdict.shouldRun && verdict.shouldContinueRunning && reasons.length === 0;
    const encoded = this.reasonCount;
    const parts: Uint8Array[] = [];
    for (let r = 0; r < reasons.length; r++) parts.push(this.reason(reasons[r]));
    // A reason never encoded before makes a text no verdict had: it is not looked for, nor kept
    // for later ones.
    if (this.reasonCount > encoded) return this.rest(this.join(head, parts), clean);
    let prefix = this.roots[Number(verdict.shouldRun)][Number(verdict.shouldContinueRunning)];
    for (let p = 0; p < parts.length; p++) {
      const children: Map<Uint8Array, Prefix> = (prefix.next ??= new Map());
      let next = children.get(parts[p]);
      if (!next) children.set(parts[p], (next = {}));
      prefix = next;
    }
    prefix.rest ??= this.rest(this.join(head, parts), clean);
    return prefix.rest;
  }

  private rest(bytes: Uint8Array, clean: boolean): VerdictRest {
    return { pieces: [bytes], length: bytes.length, id: this.restCount++, clean };
  }

  /**
   * A node's fit reasons, from the text that the nodes failing alike share and the node's own
   * values, then its taints' reasons. Short texts and the values are copied into one piece; a long
   * text (an `In` list of a hundred racks) is a piece that every such verdict shares.
   */
  private ofNodeVerdict(verdict: NodeVerdict): VerdictRest {
    this.pieces.length = 0;
    this.piecesLength = 0;
    const template = this.templateOf(verdict);
    for (let t = 0; t < template.length; t++) {
      const item = template[t];
      if (item instanceof Uint8Array) {
        this.put(item);
        continue;
      }
      const value = verdict.valueOf(item);
      if (value === undefined) {
        this.put(ABSENT_BYTES);
        continue;
      }
      this.put(PRINTED_BEFORE_BYTES);
      appendEscaped(this.verdicts, value);
      this.put(PRINTED_AFTER_BYTES);
    }
    this.endPiece();
    // A copy of the exact length: an array pushed to takes room for 17 pieces, where most have one.
    return { pieces: this.pieces.slice(), length: this.piecesLength, id: this.restCount++, clean: false };
  }

  /**
   * The bytes of the verdicts of a pattern's nodes with one list of taints, the values they print
   * left out: encoded text, and where each value goes. The same for every node of the pattern with
   * those taints, so made once. A node value is always printed between ASCII text (`node: '…'`),
   * so each part escaped on its own is the whole message escaped.
   */
  private templateOf(verdict: NodeVerdict): readonly TemplateItem[] {
    let byTaints = this.templates.get(verdict.fit);
    if (!byTaints) this.templates.set(verdict.fit, (byTaints = new Map()));
    const known = byTaints.get(verdict.taints);
    if (known) return known;
    const template: TemplateItem[] = [];
    const text = this.encodings;
    text.append(HEADS[Number(verdict.shouldRun)][Number(verdict.shouldContinueRunning)]);
    const { fit } = verdict;
    for (let r = 0; r < fit.length; r++) {
      if (r > 0) text.append(COMMA_BYTES);
      text.appendUtf8(`{"code":${JSON.stringify(fit[r].code)},"message":"`);
      for (const part of fit[r].parts) {
        if (typeof part === 'string') {
          appendEscaped(text, part);
        } else {
          template.push(text.piece(), part);
        }
      }
      text.append(MESSAGE_CLOSING);
    }
    const untolerated = verdict.untoleratedReasons();
    for (let r = 0; r < untolerated.length; r++) {
      if (r > 0 || fit.length > 0) text.append(COMMA_BYTES);
      text.append(this.reason(untolerated[r]));
    }
    text.append(CLOSING);
    template.push(text.piece());
    byTaints.set(verdict.taints, template);
    return template;
  }

  /** Adds `bytes` to the verdict being written: copied when short, else a piece of its own. */
  private put(bytes: Uint8Array): void {
    if (bytes.length < SHARED_PIECE) {
      this.verdicts.append(bytes);
      return;
    }
    this.endPiece();
    this.pieces.push(bytes);
    this.piecesLength += bytes.length;
  }

  /** Ends the piece of copied bytes, if any. */
  private endPiece(): void {
    if (this.verdicts.pieceLength === 0) return;
    const piece = this.verdicts.piece();
    this.pieces.push(piece);
    this.piecesLength += piece.length;
  }

  private reason(reason: PlacementReason): Uint8Array {
    let byMessage = this.reasonBytes.get(reason.code);
    if (!byMessage) this.reasonBytes.set(reason.code, (byMessage = new Map()));
    let bytes = byMessage.get(reason.message);
    if (!bytes) {
      this.encodings.appendUtf8(JSON.stringify(plainReason(reason)));
      byMessage.set(reason.message, (bytes = this.encodings.piece()));
      this.reasonCount++;
    }
    return bytes;
  }

  /** `head`, the parts with commas between them, and `]}`, as one piece. */
  private join(head: Uint8Array, parts: readonly Uint8Array[]): Uint8Array {
    this.verdicts.append(head);
    for (let p = 0; p < parts.length; p++) {
      if (p > 0) this.verdicts.append(COMMA_BYTES);
      this.verdicts.append(parts[p]);
    }
    this.verdicts.append(CLOSING);
    return this.verdicts.piece();
  }
}

/** Writes `text` as JSON writes it inside a string. */
function appendEscaped(arena: ByteArena, text: string): void {
  if (PLAIN_TEXT.test(text)) arena.appendAscii(text);
  else arena.appendUtf8(JSON.stringify(text).slice(1, -1));
}
