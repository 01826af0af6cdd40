/*
 * Plain manifests for the selector collision tests: a DaemonSet, and each kind of object whose
 * pods a DaemonSet's selector can match, with the labels those pods get.
 */
type Labels = Record<string, string>;
export type Manifest = any;

const CONTAINERS = [{ name: 'main', image: 'busybox' }];

function metadata(name: string, namespace?: string, annotations?: Labels) {
  return { name, ...(namespace === undefined ? {} : { namespace }), ...(annotations === undefined ? {} : { annotations }) };
}

export interface ObjectOptions {
  readonly namespace?: string;
  readonly annotations?: Labels;
}

/** A DaemonSet whose pods carry `labels` (default `app: name`) and whose selector is `selector` (default: matchLabels of those labels). */
export function daemonSet(name: string, options: ObjectOptions & { labels?: Labels; selector?: unknown } = {}): Manifest {
  const labels = options.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: metadata(name, options.namespace, options.annotations),
    spec: {
      selector: options.selector === undefined ? { matchLabels: labels } : options.selector,
      template: { metadata: { labels }, spec: { containers: CONTAINERS } },
    },
  };
}

/** A workload of `kind` (apps/v1, batch/v1 or v1 as the kind is served) whose pods carry `labels`. */
export function workload(kind: string, name: string, labels: Labels, options: ObjectOptions = {}): Manifest {
  const meta = metadata(name, options.namespace, options.annotations);
  const template = { metadata: { labels }, spec: { containers: CONTAINERS } };
  switch (kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
      return { apiVersion: 'apps/v1', kind, metadata: meta, spec: { selector: { matchLabels: labels }, template } };
    case 'Job':
      return { apiVersion: 'batch/v1', kind, metadata: meta, spec: { template: { ...template, spec: { ...template.spec, restartPolicy: 'Never' } } } };
    case 'CronJob':
      return {
        apiVersion: 'batch/v1',
        kind,
        metadata: meta,
        spec: { schedule: '@hourly', jobTemplate: { spec: { template: { ...template, spec: { ...template.spec, restartPolicy: 'Never' } } } } },
      };
    case 'ReplicationController':
      // Its selector is a plain map, not a LabelSelector.
      return { apiVersion: 'v1', kind, metadata: meta, spec: { replicas: 1, selector: labels, template } };
    case 'Pod':
      return { apiVersion: 'v1', kind, metadata: { ...meta, labels }, spec: { containers: CONTAINERS } };
    default:
      throw new Error(`no fixture for ${kind}`);
  }
}
