import { JsonObject, objectAt, stringAt } from '../json/shape';

/**
 * The annotation that says the pods of an object are meant to match the selector of a
 * DaemonSet in its namespace: its value names the DaemonSets, separated by commas
 * (`everynode.io/selected-by: node-agent`). The DaemonSet documentation's own example is a Pod
 * made by hand, with the DaemonSet's labels, to test something on one node. Between two
 * DaemonSets it has no effect: two DaemonSets that select each other's pods are always an error.
 */
export const SELECTED_BY_ANNOTATION = 'everynode.io/selected-by';

/** The DaemonSets an object names in its `everynode.io/selected-by` annotation. */
export function selectedBy(object: JsonObject): ReadonlySet<string> {
  const annotations = objectAt(objectAt(object.metadata)?.annotations);
  // An own property only: input is untrusted, and an inherited one is no annotation of the object.
  if (!annotations || !Object.prototype.hasOwnProperty.call(annotations, SELECTED_BY_ANNOTATION)) return new Set();
  const value = stringAt(annotations[SELECTED_BY_ANNOTATION]) ?? '';
  return new Set(value.split(',').map((name) => name.trim()).filter((name) => name !== ''));
}
