import { JsonObject, objectAt, stringAt } from '../json/shape';

/** Where a kind of workload keeps the labels its pods get, and what owns those pods. */
interface PodTemplateShape {
  /** API groups the kind is served by; a kind of the same name in another group (a custom resource) is not it. */
  readonly groups: readonly string[];
  readonly labels: (object: JsonObject) => unknown;
  /** What owns the pods, as a message names it (`their ReplicaSet`); undefined for a bare Pod. */
  readonly owner?: string;
}

const templateLabels = (spec: unknown): unknown => objectAt(objectAt(objectAt(spec)?.template)?.metadata)?.labels;

// A Map, not an object literal: kinds come from untrusted input and may read `__proto__`.
const SHAPES = new Map<string, PodTemplateShape>([
  ['Deployment', { groups: ['apps', 'extensions'], labels: (o) => templateLabels(o.spec), owner: 'their ReplicaSet' }],
  ['ReplicaSet', { groups: ['apps', 'extensions'], labels: (o) => templateLabels(o.spec), owner: 'the ReplicaSet' }],
  ['StatefulSet', { groups: ['apps'], labels: (o) => templateLabels(o.spec), owner: 'the StatefulSet' }],
  ['DaemonSet', { groups: ['apps', 'extensions'], labels: (o) => templateLabels(o.spec), owner: 'the DaemonSet' }],
  ['Job', { groups: ['batch'], labels: (o) => templateLabels(o.spec), owner: 'the Job' }],
  ['CronJob', { groups: ['batch'], labels: (o) => templateLabels(objectAt(objectAt(o.spec)?.jobTemplate)?.spec), owner: 'their Job' }],
  ['ReplicationController', { groups: [''], labels: (o) => templateLabels(o.spec), owner: 'the ReplicationController' }],
  ['Pod', { groups: [''], labels: (o) => objectAt(o.metadata)?.labels }],
]);

/** The pods an object makes: the labels they get from its template, and what owns them. */
export interface PodTemplate {
  readonly labels: unknown;
  /** What owns the pods (`their ReplicaSet`); undefined for a bare Pod, which nothing owns. */
  readonly owner?: string;
}

/** The API group of an `apiVersion`: `apps` for `apps/v1`, `` for the core `v1`. */
function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * The pod template of a workload (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob,
 * ReplicationController) or a bare Pod, undefined for any other object. An object without an
 * `apiVersion` is taken by its kind, as the rest of everynode takes DaemonSets.
 */
export function podTemplateOf(object: JsonObject): PodTemplate | undefined {
  const kind = stringAt(object.kind);
  const shape = kind === undefined ? undefined : SHAPES.get(kind);
  if (!shape) return undefined;
  const apiVersion = stringAt(object.apiVersion);
  if (apiVersion !== undefined && !shape.groups.includes(groupOf(apiVersion))) return undefined;
  return { labels: shape.labels(object), owner: shape.owner };
}

/** Whether an object is a DaemonSet of the apps (or old extensions) API group. */
export function isDaemonSet(object: JsonObject): boolean {
  return object.kind === 'DaemonSet' && podTemplateOf(object) !== undefined;
}
