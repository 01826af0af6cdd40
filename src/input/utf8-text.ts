import { isAscii } from 'buffer';

/**
 * The text of UTF-8 bytes, as `toString('utf8')` decodes it. Inventories are nearly always
 * plain ASCII, and for ASCII a one-byte copy gives the same string in about half the time of
 * the UTF-8 decoder: on a 50 MB `kubectl get nodes -o json` that is tens of milliseconds.
 */
export function utf8Text(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}
