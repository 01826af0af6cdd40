import { isKind } from '../input';
import { JsonObject, objectAt, stringAt } from '../json/shape';

/**
 * The annotation that marks a Pod manifest as a static pod's file, written by `StaticPod` into
 * every file. A Pod read back from YAML is otherwise a bare Pod for the scheduler, and the
 * placement evaluator ignores it; with this annotation (value `"true"`) and `spec.nodeName` it is
 * shown as a static pod on that node. The kubelet copies the annotation onto the mirror pod, where
 * it is harmless. A hand-written static pod file gets the same treatment by carrying both.
 */
export const STATIC_POD_ANNOTATION = 'everynode.io/static-pod';

/** Whether a parsed object is a Pod that a static pod's file holds (see `STATIC_POD_ANNOTATION`). */
export function isStaticPodObject(object: JsonObject): boolean {
  if (!isKind(object, 'Pod')) return false;
  const annotations = objectAt(objectAt(object.metadata)?.annotations);
  // An own property only: input is untrusted, and an inherited one would be no annotation of the file.
  return annotations !== undefined && Object.prototype.hasOwnProperty.call(annotations, STATIC_POD_ANNOTATION)
    && stringAt(annotations[STATIC_POD_ANNOTATION]) === 'true';
}
