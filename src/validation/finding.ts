/**
 * What an app-wide finding is about.
 * - `DuplicateObject`: two objects with the same kind, namespace and name; `kubectl apply`
 *   applies the second over the first, so only one of them exists in the cluster.
 */
export type FindingCode = 'DuplicateObject';

/**
 * A finding about several objects together, that belongs to no single one of them. An `error`
 * is one the cluster would act on wrongly; a `warning` changes an exit status only with `--strict`.
 */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: 'error' | 'warning';
  /** The objects concerned, as `Kind namespace/name` (`Kind name` for cluster-scoped kinds). */
  readonly objects: readonly string[];
  readonly message: string;
}
