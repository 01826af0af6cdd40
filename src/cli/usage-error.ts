/**
 * A command line everynode cannot act on: an unknown command or option, a missing argument, a
 * value out of range. Like an `InputError`, it becomes one line on stderr and exit status 2.
 */
export class UsageError extends Error {
  /**
   * @param message what is wrong, in one line
   * @param command the command whose help the message points to; none for the top level
   */
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }

  /** The message with a pointer to the help that says how to do it right. */
  get line(): string {
    return `${this.message} (see everynode ${this.command ? `${this.command} ` : ''}--help)`;
  }
}
