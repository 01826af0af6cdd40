/**
 * Input that cannot be evaluated: a file that does not parse, a Node without a name, an inventory
 * without Nodes. The message is one line that names the file and, where known, the document and
 * line; the CLI prints it and exits 2.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
