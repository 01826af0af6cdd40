const ARENA_SIZE = 2 ** 20;

/**
 * Byte strings written one after the other into large buffers, each handed out as a view:
 * tens of thousands of small buffers would each cost an allocation. A piece is written a part at
 * a time and ended; a buffer is never written over, so every piece handed out stays valid.
 */
export class ByteArena {
  private buffer = Buffer.alloc(0);
  /** Where the piece being written begins. */
  private start = 0;
  private used = 0;

  append(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  appendUtf8(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.room(text.length * 3);
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** `text` of code points below 128 only, which UTF-8 writes as Latin-1 does, one byte each. */
  appendAscii(text: string): void {
    this.room(text.length);
    this.used += this.buffer.write(text, this.used, 'latin1');
  }

  /** How long the piece being written is so far. */
  get pieceLength(): number {
    return this.used - this.start;
  }

  /**
   * Ends the piece being written and hands it out, as a plain view: a Buffer's `subarray` builds
   * a Buffer, several times slower to make.
   */
  piece(): Uint8Array {
    const bytes = new Uint8Array(this.buffer.buffer, this.buffer.byteOffset + this.start, this.used - this.start);
    this.start = this.used;
    return bytes;
  }

  /** Room for `size` more bytes: a new buffer, which takes over the piece written so far, when the current one is full. */
  private room(size: number): void {
    if (this.used + size <= this.buffer.length) return;
    const written = this.buffer.subarray(this.start, this.used);
    const next = Buffer.allocUnsafe(Math.max(ARENA_SIZE, size + written.length));
    next.set(written, 0);
    this.buffer = next;
    this.start = 0;
    this.used = written.length;
  }
}
