import * as fs from 'fs';

const RETRY_AFTER_MS = 1;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `bytes` to `fd` before returning, as `CliIo.stdout` requires. A pipe set to
 * non-blocking by another process answers EAGAIN while its reader catches up: wait a moment and
 * go on, rather than fail or queue the bytes (their buffer is about to be filled again).
 *
 * @throws the write's error (EPIPE when the reader has gone)
 */
export function writeFully(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(sleeper, 0, 0, RETRY_AFTER_MS);
    }
  }
}
