/**
 * What a warning is about.
 * - `UnknownField`: a field the schema does not have; kubectl's strict field validation warns
 *   `unknown field "spec.foo"` and the API server drops it.
 * - `NonIntegerComparison`: a `Gt`/`Lt` node selector value that is not an integer; the API
 *   server accepts it, and the term then matches no node.
 * - `InvalidImageReference`: an image no registry would accept; the API server checks only
 *   whitespace, the kubelet fails to pull.
 * - `DuplicateObject`: a second object with the same kind, namespace and name; `kubectl apply`
 *   applies it over the first.
 * - `ControlPlaneTaintName`: with a target Kubernetes version, a toleration of a control-plane
 *   taint name that version's nodes do not carry, and none of one they do.
 */
export type WarningCode = 'UnknownField' | 'NonIntegerComparison' | 'InvalidImageReference' | 'DuplicateObject' | 'ControlPlaneTaintName';

/**
 * A finding the API server accepts but that is almost certainly a mistake. Warnings sit beside
 * the API server's errors, never among them: they change an exit status only with `--strict`.
 */
export interface ValidationWarning {
  readonly code: WarningCode;
  /** Path of the field, written as the API server writes it (`spec.template.spec.containers[0].image`). */
  readonly field: string;
  readonly message: string;
}

/** `spec.foo: unknown field "spec.foo"`, as a `warning:` line prints it. */
export function formatWarning(warning: ValidationWarning): string {
  return warning.field ? `${warning.field}: ${warning.message}` : warning.message;
}
