import { Finding } from './finding';
import { namespaceOf } from '../input';
import { JsonObject, objectAt, stringAt } from '../json/shape';

/**
 * Kinds that live outside namespaces: a `metadata.namespace` on them means nothing, so two of
 * them with the same name collide whatever namespaces they carry.
 */
const CLUSTER_SCOPED_KINDS = new Set([
  'APIService', 'CertificateSigningRequest', 'ClusterRole', 'ClusterRoleBinding', 'ClusterTrustBundle',
  'ComponentStatus', 'CSIDriver', 'CSINode', 'CustomResourceDefinition', 'FlowSchema', 'IngressClass',
  'MutatingWebhookConfiguration', 'Namespace', 'Node', 'PersistentVolume', 'PriorityClass',
  'PriorityLevelConfiguration', 'RuntimeClass', 'StorageClass', 'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding', 'ValidatingWebhookConfiguration', 'VolumeAttachment',
]);

/**
 * What `kubectl apply` identifies an object by: API group (not version: apps/v1 and
 * apps/v1beta2 are one resource), kind, namespace (`default` when omitted) and name. Objects
 * without a kind or name (`generateName`) are never duplicates.
 */
export function objectIdentity(object: JsonObject): string | undefined {
  const kind = stringAt(object.kind);
  const metadata = objectAt(object.metadata);
  const name = stringAt(metadata?.name);
  if (!kind || !name) return undefined;
  const apiVersion = stringAt(object.apiVersion) ?? '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const namespace = CLUSTER_SCOPED_KINDS.has(kind) ? '' : namespaceOf(metadata);
  return JSON.stringify([group, kind, namespace, name]);
}

/** `DaemonSet kube-system/fluent-bit`, or `ClusterRole fluent-bit`, as findings name objects. */
export function describeObject(object: JsonObject): string {
  const kind = stringAt(object.kind) ?? 'object';
  const metadata = objectAt(object.metadata);
  const name = stringAt(metadata?.name) ?? '';
  if (CLUSTER_SCOPED_KINDS.has(kind)) return `${kind} ${name}`;
  return `${kind} ${namespaceOf(metadata)}/${name}`;
}

/** A later object that has the same identity as an earlier one: `kubectl apply` would apply it over the first. */
export interface DuplicateObject {
  /** Index of the first object with this identity. */
  readonly first: number;
  /** Index of the object that repeats it. */
  readonly duplicate: number;
}

/**
 * Every object that repeats the identity of an earlier one, in input order; a third copy is
 * reported against the first as well.
 */
export function findDuplicateObjects(objects: readonly JsonObject[]): DuplicateObject[] {
  const firstIndex = new Map<string, number>();
  const duplicates: DuplicateObject[] = [];
  objects.forEach((object, i) => {
    const identity = objectIdentity(object);
    if (identity === undefined) return;
    const first = firstIndex.get(identity);
    if (first === undefined) firstIndex.set(identity, i);
    else duplicates.push({ first, duplicate: i });
  });
  return duplicates;
}

/**
 * One `DuplicateObject` warning per object that repeats an earlier one: applied together, the
 * later one replaces the earlier one, so only one of them exists in the cluster.
 *
 * @param whereIs where the object at an index was read (`a.yaml (document 2, line 9)`), for a
 *   message that names both places; without it the message names the object only
 */
export function duplicateObjectFindings(objects: readonly JsonObject[], whereIs?: (index: number) => string): Finding[] {
  return findDuplicateObjects(objects).map(({ first, duplicate }) => {
    const object = describeObject(objects[duplicate]);
    const places = whereIs ? `, in ${whereIs(first)} and in ${whereIs(duplicate)}` : '';
    return {
      code: 'DuplicateObject',
      severity: 'warning',
      objects: [object],
      message: `${object} is defined twice${places}: kubectl apply would apply the second over the first`,
    };
  });
}
