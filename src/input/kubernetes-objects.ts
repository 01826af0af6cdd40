import { JsonObject, listAt, objectAt } from '../json/shape';

const LIST_KIND = /List$/;

/**
 * The Kubernetes objects in parsed input: one object, an array of them, or `List` objects
 * (`kind: List`, `NodeList`, `DaemonSetList`, as `kubectl get -o yaml` prints), unwrapped at any
 * depth. Anything that is not an object is skipped.
 */
export function kubernetesObjects(input: unknown): JsonObject[] {
  const objects: JsonObject[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    // Declared objects (a NodeBuilder) serialize themselves; parsed JSON never holds functions.
    const declared = objectAt(value);
    const object = declared && typeof declared.toJSON === 'function' ? objectAt((declared.toJSON as () => unknown)()) : declared;
    if (!object) return;
    if (typeof object.kind === 'string' && LIST_KIND.test(object.kind) && Array.isArray(object.items)) {
      listAt(object.items).forEach(visit);
      return;
    }
    objects.push(object);
  };
  visit(input);
  return objects;
}

export function isKind(object: JsonObject, kind: string): boolean {
  return object.kind === kind;
}
