import { selectorCollisionFindings } from './selector-collision-findings';
import { kubernetesObjects } from '../input/kubernetes-objects';
import { Finding } from '../validation';

/**
 * The selector collisions among manifests, as `everynode validate` reports them: one
 * `SelectorCollision` error per DaemonSet whose selector matches the pods of another object in its
 * namespace (a Deployment, ReplicaSet, StatefulSet, Job, CronJob, ReplicationController, bare
 * Pod, or another DaemonSet), unless that object names the DaemonSet in its
 * `everynode.io/selected-by` annotation (`SELECTED_BY_ANNOTATION`).
 *
 * @param manifests parsed Kubernetes objects: one, an array, or `List` objects
 * @example
 * for (const finding of checkSelectorCollisions(manifests)) console.error(`error: ${finding.message}`);
 */
export function checkSelectorCollisions(manifests: unknown): Finding[] {
  return selectorCollisionFindings(kubernetesObjects(manifests));
}
