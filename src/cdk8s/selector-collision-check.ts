import { ApiObject } from 'cdk8s';
import { DaemonSetObject } from './daemon-set-object';
import { describedSelectorCollisions, podTemplateOf } from '../collisions';
import { JsonObject } from '../json/shape';

/**
 * Whether synthesis checks need all of an ApiObject that is not everynode's, not only its
 * identity: a workload or a Pod, whose pods a DaemonSet's selector may match.
 */
export function hasPodTemplate(object: ApiObject): boolean {
  return podTemplateOf({ apiVersion: object.apiVersion, kind: object.kind }) !== undefined;
}

/**
 * Adds to `errors` a message for each selector collision of the app (see
 * `findSelectorCollisions`), on the everynode DaemonSet involved: the DaemonSet whose selector
 * matches, or else the DaemonSet whose pods it matches. The message names both objects with their
 * construct paths. A collision that involves no everynode construct is left to `everynode validate`
 * on the synthesized manifests: no construct of everynode's can fail synthesis for it.
 *
 * @param objects the ApiObjects of the app
 * @param synthesized what each of `objects` synthesizes, as far as the check needs it
 * @param errors the messages of each everynode DaemonSet checked in this pass
 * @param pathOf the construct path that names an object in messages
 */
export function addSelectorCollisionErrors(
  objects: readonly ApiObject[],
  synthesized: readonly JsonObject[],
  errors: Map<DaemonSetObject, string[]>,
  pathOf: (object: ApiObject) => string,
): void {
  for (const collision of describedSelectorCollisions(synthesized, (i) => `'${pathOf(objects[i])}'`)) {
    const reporter = [objects[collision.daemonSet], objects[collision.other]].find(
      (o): o is DaemonSetObject => DaemonSetObject.isDaemonSetObject(o) && errors.has(o),
    );
    if (reporter) errors.get(reporter)!.push(collision.message);
  }
}
