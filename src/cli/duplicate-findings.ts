import { describeOrigin, SourcedObject } from './read-manifests';
import { describeObject, Finding, findDuplicateObjects } from '../validation';

/**
 * One `DuplicateObject` warning per object of the input that repeats an earlier one, naming the
 * files and documents of both: `kubectl apply` of the same input would apply the later one over
 * the earlier one, so only the later one would exist.
 */
export function duplicateFindings(objects: readonly SourcedObject[]): Finding[] {
  return findDuplicateObjects(objects.map(({ object }) => object)).map(({ first, duplicate }) => {
    const object = describeObject(objects[duplicate].object);
    return {
      code: 'DuplicateObject',
      severity: 'warning',
      objects: [object],
      message:
        `${object} is defined twice, in ${describeOrigin(objects[first].origin)} and in ${describeOrigin(objects[duplicate].origin)}: ` +
        'kubectl apply would apply the second over the first',
    };
  });
}
