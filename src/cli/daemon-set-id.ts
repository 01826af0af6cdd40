import { namespaceOf } from '../input';
import { JsonObject, objectAt, stringAt } from '../json/shape';

/** Where a DaemonSet lives: the namespace (`default` when the manifest omits it) and the name. */
export interface DaemonSetId {
  readonly namespace: string;
  readonly name: string;
}

/** Reads a DaemonSet's namespace and name the way the placement report does. */
export function daemonSetId(daemonSet: JsonObject): DaemonSetId {
  const metadata = objectAt(daemonSet.metadata);
  return { namespace: namespaceOf(metadata), name: stringAt(metadata?.name) ?? '' };
}

/** `namespace/name`, the way kubectl and the reports write it. */
export function formatDaemonSetId(id: DaemonSetId): string {
  return `${id.namespace}/${id.name}`;
}
