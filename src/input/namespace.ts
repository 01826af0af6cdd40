import { objectAt, stringAt } from '../json/shape';

/**
 * The namespace an object that names none is created in: `kubectl apply` and the providers use
 * the current context's namespace, which is `default` unless the context says otherwise.
 */
export const DEFAULT_NAMESPACE = 'default';

/** The namespace of an object's `metadata`, `DEFAULT_NAMESPACE` when it is missing or empty. */
export function namespaceOf(metadata: unknown): string {
  return stringAt(objectAt(metadata)?.namespace) || DEFAULT_NAMESPACE;
}
