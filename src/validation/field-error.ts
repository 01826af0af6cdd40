/**
 * The kinds of validation error the API server reports, named after the text it prints
 * (`Required value`, `Invalid value`, `Unsupported value`, ...).
 */
export type FieldErrorType = 'Required' | 'Invalid' | 'TypeInvalid' | 'NotSupported' | 'Forbidden' | 'Duplicate' | 'NotFound' | 'TooLong';

/**
 * One validation error, with the field path written the way the API server writes it
 * (`spec.template.spec.tolerations[0].operator`).
 */
export interface FieldError {
  /** Path of the offending field, e.g. `spec.updateStrategy.rollingUpdate.maxSurge`. */
  readonly field: string;
  /** What kind of error it is. */
  readonly type: FieldErrorType;
  /** What is wrong, in the API server's words where it has words for it. */
  readonly message: string;
  /** The offending value, when the error is about a value. */
  readonly value?: unknown;
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  // A value of the wrong type: upstream `field.TypeInvalid`, printed as "Invalid value" too.
  TypeInvalid: 'Invalid value',
  NotSupported: 'Unsupported value',
  Forbidden: 'Forbidden',
  Duplicate: 'Duplicate value',
  NotFound: 'Not found',
  TooLong: 'Too long',
};

/**
 * Renders an error the way `kubectl apply` prints the API server's answer:
 * `spec.selector: Invalid value: {}: empty selector is invalid for daemonset`.
 */
export function formatFieldError(error: FieldError): string {
  const parts = [error.field, TYPE_TEXT[error.type]];
  const showsValue = error.value !== undefined && error.type !== 'Required' && error.type !== 'Forbidden';
  if (showsValue) parts[1] += `: ${JSON.stringify(error.value)}`;
  return error.message ? `${parts.join(': ')}: ${error.message}` : parts.join(': ');
}

const CHILD = 0;
const SUBSCRIPT = 1;

/**
 * Builds field paths the way the API server's `field.Path` does. The text is put together only
 * when an error asks for it: validation walks every field of every DaemonSet, and nearly all of
 * them are fine.
 */
export class FieldPath {
  static root(name: string): FieldPath {
    return new FieldPath(undefined, name, CHILD);
  }

  // Declared, not defined: a defined class field costs every `new FieldPath` a call to V8's field
  // initializer and a defining store per field, and a DaemonSet check makes dozens of paths while
  // its code is still cold. The constructor assigns them all, so every path has the same shape.
  private declare readonly parent: FieldPath | undefined;
  private declare readonly segment: string | number;
  private declare readonly kind: typeof CHILD | typeof SUBSCRIPT;
  private declare text: string | undefined;

  private constructor(parent: FieldPath | undefined, segment: string | number, kind: typeof CHILD | typeof SUBSCRIPT) {
    this.parent = parent;
    this.segment = segment;
    this.kind = kind;
    this.text = undefined;
  }

  // Up to three names rather than a rest parameter: this runs for nearly every field checked.
  child(name: string, second?: string, third?: string): FieldPath {
    let path = new FieldPath(this, name, CHILD);
    if (second !== undefined) path = new FieldPath(path, second, CHILD);
    if (third !== undefined) path = new FieldPath(path, third, CHILD);
    return path;
  }

  index(i: number): FieldPath {
    return new FieldPath(this, i, SUBSCRIPT);
  }

  key(k: string): FieldPath {
    return new FieldPath(this, k, SUBSCRIPT);
  }

  toString(): string {
    if (this.text === undefined) {
      if (!this.parent) this.text = String(this.segment);
      else this.text = this.kind === CHILD ? `${this.parent.toString()}.${this.segment}` : `${this.parent.toString()}[${this.segment}]`;
    }
    return this.text;
  }

  /** The field names alone, without list indexes or map keys: `spec.template.spec.containers.ports`. */
  fieldNames(): string {
    const names: Array<string | number> = [];
    for (let path: FieldPath | undefined = this; path; path = path.parent) if (path.kind === CHILD) names.push(path.segment);
    return names.reverse().join('.');
  }

  private get path(): string {
    return this.toString();
  }

  required(message = ''): FieldError {
    return { field: this.path, type: 'Required', message };
  }

  invalid(value: unknown, message: string): FieldError {
    return { field: this.path, type: 'Invalid', message, value };
  }

  /** A value the API server cannot decode into its field's type. */
  typeInvalid(value: unknown, message: string): FieldError {
    return { field: this.path, type: 'TypeInvalid', message, value };
  }

  notSupported(value: unknown, supported: readonly string[]): FieldError {
    return {
      field: this.path,
      type: 'NotSupported',
      message: `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
      value,
    };
  }

  forbidden(message: string): FieldError {
    return { field: this.path, type: 'Forbidden', message };
  }

  duplicate(value: unknown): FieldError {
    return { field: this.path, type: 'Duplicate', message: '', value };
  }

  notFound(value: unknown): FieldError {
    return { field: this.path, type: 'NotFound', message: '', value };
  }

  tooLong(message: string): FieldError {
    return { field: this.path, type: 'TooLong', message };
  }
}
