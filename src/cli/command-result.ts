/**
 * What a command has to say, gathered before anything is written: a command that fails
 * half-way writes nothing to stdout, so a pipeline never sees a partial report.
 */
export interface CommandResult {
  readonly exitCode: number;
  /**
   * The whole of standard output, as one text or as pieces written one after the other. Pieces
   * may be produced as they are written, but only from what the command has already checked:
   * producing them must not fail on the user's input.
   */
  readonly stdout: string | Iterable<string | Uint8Array>;
  /** Lines for standard error, without the `everynode: ` prefix. */
  readonly stderrLines: readonly string[];
}
