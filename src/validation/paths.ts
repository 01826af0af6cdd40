import { FieldError, FieldPath } from './field-error';

/**
 * Mirrors `validatePathNoBacksteps` in pkg/apis/core/validation/validation.go: no `..` element. The
 * API server splits on `/` only, so a Windows path with `\..\` passes here as it does there.
 */
export function validatePathNoBacksteps(target: string, path: FieldPath): FieldError[] {
  return target.split('/').includes('..') ? [path.invalid(target, "must not contain '..'")] : [];
}

/** Mirrors `validateLocalDescendingPath` in pkg/apis/core/validation/validation.go: relative, and no `..` element. */
export function validateLocalDescendingPath(target: string, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  if (target.startsWith('/')) errors.push(path.invalid(target, 'must be a relative path'));
  errors.push(...validatePathNoBacksteps(target, path));
  return errors;
}

/**
 * Mirrors `ValidateLocalNonReservedPath` in pkg/apis/core/validation/validation.go: a descending
 * path that does not start with `..` either.
 */
export function validateLocalNonReservedPath(target: string, path: FieldPath): FieldError[] {
  const errors = validateLocalDescendingPath(target, path);
  // `../x` is already reported as a backstep; `..data` is the reserved prefix the kubelet uses.
  if (target.startsWith('..') && !target.startsWith('../')) errors.push(path.invalid(target, "must not start with '..'"));
  return errors;
}
