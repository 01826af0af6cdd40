import * as fs from 'fs';

/** `fs.writeSync(fd, buffer, offset, length)`: how many bytes it wrote. */
export type WriteSync = (fd: number, bytes: Uint8Array, offset: number, length: number) => number;

const RETRY_AFTER_MS = 1;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `bytes` to `fd` before returning, as `CliIo.stdout` requires. A pipe set to
 * non-blocking by another process answers EAGAIN while its reader catches up: wait a moment and
 * go on, rather than fail or queue the bytes (their buffer is about to be filled again).
 *
 * @param write the system call, replaceable to test the retries
 * @throws the write's error (EPIPE when the reader has gone)
 */
export function writeFully(fd: number, bytes: Uint8Array, write: WriteSync = fs.writeSync): void {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += write(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(sleeper, 0, 0, RETRY_AFTER_MS);
    }
  }
}
