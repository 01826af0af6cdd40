import { JsonObject, listAt, objectAt, stringAt } from '../json/shape';

type Mutable = Record<string, unknown>;

/** A shallow copy of an object value, or an empty object when it is not one. */
function copy(value: unknown): Mutable {
  return { ...(objectAt(value) ?? {}) };
}

function withDefault(object: Mutable, key: string, value: unknown): void {
  if (object[key] === undefined || object[key] === null || object[key] === '') object[key] = value;
}

/** The tag `parsers.ParseImageName` reads: `latest` when the image names neither a tag nor a digest. */
function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) return name.slice(colon + 1);
  return at >= 0 ? '' : 'latest';
}

/** `SetDefaults_Probe` and `SetDefaults_HTTPGetAction`. */
function defaultedProbe(value: unknown): unknown {
  if (!objectAt(value)) return value;
  const probe = copy(value);
  withDefault(probe, 'timeoutSeconds', 1);
  withDefault(probe, 'periodSeconds', 10);
  withDefault(probe, 'successThreshold', 1);
  withDefault(probe, 'failureThreshold', 3);
  if (objectAt(probe.httpGet)) {
    const httpGet = copy(probe.httpGet);
    withDefault(httpGet, 'path', '/');
    withDefault(httpGet, 'scheme', 'HTTP');
    probe.httpGet = httpGet;
  }
  return probe;
}

/** `SetDefaults_Container`, the `protocol: TCP` default of ports and the `v1` of field references. */
function defaultedContainer(value: unknown): unknown {
  if (!objectAt(value)) return value;
  const container = copy(value);
  const image = stringAt(container.image) ?? '';
  withDefault(container, 'imagePullPolicy', imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent');
  withDefault(container, 'terminationMessagePath', '/dev/termination-log');
  withDefault(container, 'terminationMessagePolicy', 'File');
  if (Array.isArray(container.ports)) {
    container.ports = container.ports.map((port) => {
      if (!objectAt(port)) return port;
      const defaulted = copy(port);
      withDefault(defaulted, 'protocol', 'TCP');
      return defaulted;
    });
  }
  if (Array.isArray(container.env)) {
    container.env = container.env.map((variable) => {
      const fieldRef = objectAt(objectAt(objectAt(variable)?.valueFrom)?.fieldRef);
      if (!fieldRef) return variable;
      const defaultedRef = copy(fieldRef);
      withDefault(defaultedRef, 'apiVersion', 'v1');
      return { ...objectAt(variable), valueFrom: { ...objectAt(objectAt(variable)?.valueFrom), fieldRef: defaultedRef } };
    });
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    if (container[probe] !== undefined) container[probe] = defaultedProbe(container[probe]);
  }
  // A quantity written as a number (cpu: 1) is the same quantity as the string ("1").
  const resources = objectAt(container.resources);
  if (resources) {
    const defaulted = copy(resources);
    for (const list of ['requests', 'limits']) {
      const quantities = objectAt(resources[list]);
      if (quantities) defaulted[list] = Object.fromEntries(Object.keys(quantities).map((key) => [key, String(quantities[key] ?? '')]));
    }
    container.resources = defaulted;
  }
  return container;
}

/** `defaultMode: 420` (0644) of secret, configMap, downwardAPI and projected volumes. */
function defaultedVolume(value: unknown): unknown {
  if (!objectAt(value)) return value;
  const volume = copy(value);
  for (const source of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    if (!objectAt(volume[source])) continue;
    const defaulted = copy(volume[source]);
    withDefault(defaulted, 'defaultMode', 420);
    volume[source] = defaulted;
  }
  return volume;
}

/**
 * A DaemonSet's `spec.template` as the API server stores it, the template the controller hashes
 * to decide whether pods are up to date: `SetDefaults_PodSpec` (dnsPolicy, restartPolicy as
 * `withApiServerDefaults` sets it, securityContext, terminationGracePeriodSeconds, schedulerName), `SetDefaults_Container`,
 * `SetDefaults_Probe`, the volume sources' `defaultMode`, in pkg/apis/core/v1/defaults.go and
 * the `+default` markers of the core/v1 types. A manifest that writes one of these defaults out
 * and one that leaves it to the API server get the same template, so neither restarts a pod.
 * Compare the results with `canonicalJson`, which also equates empty and absent values.
 */
export function defaultedPodTemplate(daemonSet: JsonObject): JsonObject {
  const template = objectAt(objectAt(daemonSet.spec)?.template) ?? {};
  const podSpec = copy(template.spec);
  withDefault(podSpec, 'dnsPolicy', 'ClusterFirst');
  withDefault(podSpec, 'restartPolicy', 'Always');
  withDefault(podSpec, 'terminationGracePeriodSeconds', 30);
  withDefault(podSpec, 'schedulerName', 'default-scheduler');
  withDefault(podSpec, 'securityContext', {});
  for (const list of ['containers', 'initContainers']) {
    if (Array.isArray(podSpec[list])) podSpec[list] = listAt(podSpec[list]).map(defaultedContainer);
  }
  if (Array.isArray(podSpec.volumes)) podSpec.volumes = podSpec.volumes.map(defaultedVolume);
  return { ...template, spec: podSpec };
}
