import { isAscii } from 'buffer';
import { TextDecoder } from 'util';
import { InputError } from './input-error';

// Created on first use: most runs only ever meet ASCII.
let utf8Decoder: TextDecoder | undefined;
let utf16LeDecoder: TextDecoder | undefined;
let utf16BeDecoder: TextDecoder | undefined;

function notText(source: string): InputError {
  return new InputError(`${source}: is not text (expected UTF-8 or UTF-16 with a byte-order mark)`);
}

/**
 * The text of a manifest or inventory file: UTF-8 with or without a byte-order mark, or UTF-16
 * (little or big endian) with one, which is what Windows PowerShell 5 writes for
 * `kubectl get nodes -o yaml > nodes.yaml`. The byte-order mark is not part of the text.
 *
 * Anything else (invalid UTF-8, UTF-16 without a byte-order mark, a gzip or other binary file)
 * is refused rather than read as garbage that then parses as "no Node" or "no DaemonSet". NUL is
 * refused in every encoding: YAML does not allow it, and UTF-16 without a byte-order mark or
 * UTF-32 shows up as exactly that.
 *
 * @param source the file name (or `<stdin>`) that the error names
 * @throws InputError when the bytes are not text in one of those encodings
 */
export function decodeText(bytes: Uint8Array, source: string): string {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
    return checkedUtf16((utf16LeDecoder ??= new TextDecoder('utf-16le', { fatal: true })), buffer, source);
  }
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    return checkedUtf16((utf16BeDecoder ??= new TextDecoder('utf-16be', { fatal: true })), buffer, source);
  }
  const body = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
  if (body.indexOf(0) !== -1) throw notText(source);
  // Inventories are nearly always ASCII, and ASCII needs no validating: a one-byte copy is the
  // cheapest way to a string (on a 50 MB `kubectl get nodes -o json`, a few milliseconds less
  // than even the validating decoder's own ASCII path).
  if (isAscii(body)) return body.toString('latin1');
  try {
    return (utf8Decoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })).decode(body);
  } catch {
    throw notText(source);
  }
}

/** Decodes after the byte-order mark, which the decoder drops itself. */
function checkedUtf16(decoder: TextDecoder, bytes: Buffer, source: string): string {
  let text: string;
  try {
    // Odd lengths and unpaired surrogates throw.
    text = decoder.decode(bytes);
  } catch {
    throw notText(source);
  }
  if (text.indexOf('\0') !== -1) throw notText(source);
  return text;
}
