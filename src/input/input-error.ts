/**
 * Input that cannot be evaluated: a file that is not text or does not parse, a Node without a
 * name or with a field of the wrong type, an inventory without Nodes. The message is one line
 * that names the file and, where known, the document and line; the CLI prints it and exits 2.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
