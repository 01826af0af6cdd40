import { PlacementReason, ReasonCode } from '../report';

/**
 * A value of the node's own that a message prints: a label's value (`absent` where the node has
 * no such label) or the node's name.
 */
export interface PrintedValue {
  /** The label key; undefined for the node's name. */
  readonly key: string | undefined;
  readonly value: string | undefined;
}

/** Text, or a value of the node's own. */
export type MessagePart = string | PrintedValue;

/**
 * A reason whose message is kept as the text around the node values it prints. Nodes that fail a
 * DaemonSet's requirements alike get messages that differ in those values alone: one node's
 * reasons, with another node's values put in, are the other node's reasons. So the reasons of
 * thousands of nodes are evaluated once, and a writer encodes the text once and each node's
 * values on their own.
 */
export interface ReasonText {
  readonly code: ReasonCode;
  readonly parts: readonly MessagePart[];
}

/** How a message prints a node value: `absent`, or the value in `node: '…'`. */
export const ABSENT = 'absent';
export const PRINTED_BEFORE = "node: '";
export const PRINTED_AFTER = "'";

export function printedText(value: string | undefined): string {
  return value === undefined ? ABSENT : PRINTED_BEFORE + value + PRINTED_AFTER;
}

const heldValue = (printed: PrintedValue) => printed.value;

/** The message of `parts`, each printed value read by `valueOf` (default: the value it holds). */
export function messageOf(parts: readonly MessagePart[], valueOf: (printed: PrintedValue) => string | undefined = heldValue): string {
  let message = '';
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    message += typeof part === 'string' ? part : printedText(valueOf(part));
  }
  return message;
}

export function placementReason(text: ReasonText): PlacementReason {
  return { code: text.code, message: messageOf(text.parts) };
}

/**
 * The parts in order, texts next to each other joined: `'required node affinity: '` and a term's
 * text make one part, so a writer copies it in one piece.
 */
export function joinedParts(...pieces: ReadonlyArray<MessagePart | readonly MessagePart[]>): MessagePart[] {
  const parts: MessagePart[] = [];
  const add = (part: MessagePart) => {
    const last = parts.length - 1;
    if (typeof part === 'string' && last >= 0 && typeof parts[last] === 'string') parts[last] = (parts[last] as string) + part;
    else parts.push(part);
  };
  for (const piece of pieces) {
    if (typeof piece === 'string' || !Array.isArray(piece)) add(piece as MessagePart);
    else for (const part of piece) add(part);
  }
  return parts;
}
