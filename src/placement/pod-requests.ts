import { parseQuantity } from './quantity';
import { JsonObject, listAt, objectAt, stringEntries } from '../json/shape';

/**
 * What one daemon pod asks of its node, as component-helpers `resource.PodRequests` adds it up:
 * the app containers and restartable (sidecar) init containers run together, each plain init
 * container runs alone before them, so a pod requests the larger of the two, plus `overhead`.
 * A container with limits but no requests requests its limits (defaulting does this).
 */
export function podRequests(podSpec: JsonObject): Map<string, number> {
  const running = new Map<string, number>();
  const add = (into: Map<string, number>, requests: Map<string, number>) => {
    for (const [name, value] of requests) into.set(name, (into.get(name) ?? 0) + value);
  };
  for (const container of listAt(podSpec.containers)) add(running, containerRequests(container));

  const initPeak = new Map<string, number>();
  const sidecars = new Map<string, number>();
  for (const container of listAt(podSpec.initContainers)) {
    const requests = containerRequests(container);
    if (objectAt(container)?.restartPolicy === 'Always') {
      add(sidecars, requests);
      add(running, requests);
      continue;
    }
    // A plain init container runs beside the sidecars started before it.
    for (const [name, value] of requests) {
      const peak = value + (sidecars.get(name) ?? 0);
      initPeak.set(name, Math.max(initPeak.get(name) ?? 0, peak));
    }
  }
  const total = new Map(running);
  for (const [name, value] of initPeak) total.set(name, Math.max(total.get(name) ?? 0, value));
  for (const [name, value] of quantities(podSpec.overhead)) total.set(name, (total.get(name) ?? 0) + value);
  total.set('pods', 1);
  return total;
}

function containerRequests(container: unknown): Map<string, number> {
  const resources = objectAt(objectAt(container)?.resources);
  const requests = quantities(resources?.requests);
  for (const [name, value] of quantities(resources?.limits)) {
    if (!requests.has(name)) requests.set(name, value);
  }
  return requests;
}

function quantities(value: unknown): Map<string, number> {
  const map = new Map<string, number>();
  for (const [name, text] of stringEntries(value)) {
    const quantity = parseQuantity(text);
    if (quantity !== undefined) map.set(name, quantity);
  }
  return map;
}
