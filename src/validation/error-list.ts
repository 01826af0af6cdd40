import { FieldError } from './field-error';

/**
 * What a rule returns when it finds nothing, shared rather than made anew: most rules find nothing
 * in most manifests. Frozen, so that a caller that pushes into a rule's result fails loudly.
 */
export const NO_ERRORS: readonly FieldError[] = Object.freeze([]);

/**
 * Adds a rule's errors to `errors`. A loop rather than `errors.push(...more)`: most lists are
 * empty, and before the JIT optimizes the caller a spread call costs more than the loop.
 */
export function append<T>(errors: T[], more: readonly T[]): void {
  for (let i = 0; i < more.length; i++) errors.push(more[i]);
}
