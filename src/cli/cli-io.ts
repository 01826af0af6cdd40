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
   * @returns false when standard output has no reader any more (`| head` has exited): the CLI
   *   then stops producing it
   * @throws when standard output cannot be written
   */
  stdout(chunk: string | Uint8Array): boolean | void;
  /** Writes text to standard error as is. */
  stderr(text: string): void;
  /** The whole of standard input; called at most once, and only when an argument is `-`. */
  readStdin(): Promise<string>;
}
