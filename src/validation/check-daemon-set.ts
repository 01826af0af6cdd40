import { FieldError, FieldPath } from './field-error';
import { imageReferenceWarnings } from './image-references';
import { daemonSetVersionErrors, daemonSetVersionWarnings, targetVersionOf, ValidationOptions } from './kubernetes-version-rules';
import { nonIntegerComparisons } from './non-integer-comparisons';
import { decodeObject } from './schema/decode-object';
import { validateDecodedDaemonSet } from './validate-daemon-set';
import { ValidationWarning } from './validation-warning';
import { objectAt } from '../json/shape';

/** What the API server would say of a DaemonSet, and what it would accept but should not. */
export interface DaemonSetCheck {
  /** The API server's errors: it rejects the DaemonSet when there is one. */
  readonly errors: readonly FieldError[];
  /** Findings the API server accepts; see `WarningCode`. */
  readonly warnings: readonly ValidationWarning[];
}

/**
 * Checks a DaemonSet as the API server would on create, or on update of `previous`, and says
 * what it would accept although it is almost certainly a mistake.
 *
 * As in the API server, the object is decoded first: a value of the wrong type
 * (`minReadySeconds: "10"`, `tolerations: Exists`) refuses the object before any validation
 * rule runs, so only such errors are reported then, each with its path and the type expected.
 *
 * @param manifest a parsed DaemonSet (untrusted input: any shape is reported, never thrown on)
 * @param previous the DaemonSet as last released, to check an update
 * @param options the Kubernetes version of the target cluster
 * @throws RangeError when `options.kubernetesVersion` is not a Kubernetes version
 */
export function checkDaemonSet(manifest: unknown, previous?: unknown, options: ValidationOptions = {}): DaemonSetCheck {
  const { errors, warnings } = inspectDaemonSet(manifest, previous, options);
  return { errors, warnings };
}

/** `checkDaemonSet`, and whether the DaemonSet is plain data, which the model's adapters need to know. */
export function inspectDaemonSet(
  manifest: unknown,
  previous?: unknown,
  options: ValidationOptions = {},
): DaemonSetCheck & { readonly plainData: boolean } {
  const version = targetVersionOf(options);
  const daemonSet = objectAt(manifest);
  if (!daemonSet) return { errors: [FieldPath.root('<root>').invalid(manifest, 'a DaemonSet must be an object')], warnings: [], plainData: true };
  const { typeErrors, unknownFields, plainData } = decodeObject(daemonSet, 'apps/v1 DaemonSet');
  if (typeErrors.length > 0) return { errors: typeErrors, warnings: unknownFields, plainData };

  const podSpecPath = FieldPath.root('spec').child('template', 'spec');
  const podSpec = objectAt(objectAt(objectAt(daemonSet.spec)?.template)?.spec);
  return {
    errors: [...validateDecodedDaemonSet(daemonSet, previous), ...daemonSetVersionErrors(daemonSet, version)],
    warnings: [
      ...unknownFields,
      ...nonIntegerComparisons(podSpec, podSpecPath),
      ...imageReferenceWarnings(podSpec, podSpecPath),
      ...daemonSetVersionWarnings(daemonSet, version),
    ],
    plainData,
  };
}

/**
 * The API server's errors for a DaemonSet, on create or on update of `previous` (where
 * `spec.selector` is immutable); see `checkDaemonSet` for the warnings beside them.
 *
 * @param manifest a parsed DaemonSet (untrusted input: any shape is reported, never thrown on)
 * @param previous the DaemonSet as last released, to check an update
 * @param options the Kubernetes version of the target cluster, whose API server may drop fields
 *   the latest accepts (`validateDaemonSet(ds, undefined, { kubernetesVersion: '1.21' })`)
 * @returns the errors, empty when the API server would accept the manifest
 * @throws RangeError when `options.kubernetesVersion` is not a Kubernetes version
 */
export function validateDaemonSet(manifest: unknown, previous?: unknown, options: ValidationOptions = {}): FieldError[] {
  return [...checkDaemonSet(manifest, previous, options).errors];
}
