/**
 * Everything the CLI touches outside itself, so that tests run it in-process with a fake and the
 * launcher wires it to the real process.
 */
export interface CliIo {
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
  /**
   * Writes text, or UTF-8 bytes, to standard output as is (the CLI adds the newlines). Must be
   * done with the bytes when it returns: the CLI fills the same buffer again for the next chunk.
   */
  stdout(chunk: string | Uint8Array): void;
  /** Writes text to standard error as is. */
  stderr(text: string): void;
  /** The whole of standard input; called at most once, and only when an argument is `-`. */
  readStdin(): Promise<string>;
}
