/**
 * The exit statuses of `everynode`. 0, 1 and 2 are the contract CI scripts rely on; 70 and 74
 * are sysexits' EX_SOFTWARE and EX_IOERR, kept apart from 2 so that a bug in everynode or a
 * full disk never passes for a mistake in the input.
 */
export const ExitCode = {
  /** Evaluated, and every requested expectation held (or every DaemonSet is valid). */
  ok: 0,
  /** A requested expectation failed, or `validate` found an invalid DaemonSet. */
  failed: 1,
  /** Bad input or usage: nothing was evaluated. */
  usage: 2,
  /** A bug in everynode. */
  internal: 70,
  /** Standard output could not be written (a full disk, a closed terminal). */
  output: 74,
} as const;
