import { isDaemonSet, PodTemplate, podTemplateOf } from './pod-templates';
import { selectedBy } from './selected-by';
import { namespaceOf } from '../input/namespace';
import { JsonObject, listAt, objectAt, stringAt } from '../json/shape';
import { labelSelectorAsSelector, objectIdentity } from '../validation';

/** A DaemonSet whose selector matches the pod labels of another object of its namespace. */
export interface SelectorCollision {
  /** Index of the DaemonSet whose selector matches. */
  readonly daemonSet: number;
  /** Index of the object whose pods it matches: a workload, a bare Pod, or another DaemonSet. */
  readonly other: number;
  /** For two DaemonSets: whether the other's selector matches this one's pods as well. */
  readonly mutual: boolean;
  /** Whether the other object names the DaemonSet in its `everynode.io/selected-by` annotation. */
  readonly intended: boolean;
}

/** A DaemonSet of the input, with its selector ready to match labels. */
interface Selecting {
  readonly index: number;
  readonly matches: (labels: unknown) => boolean;
  /** A matchLabels pair every pod it selects has, as `key=value`, to look candidates up by. */
  readonly requiredPair?: string;
}

/** A pod template of the input. */
interface Template extends PodTemplate {
  readonly index: number;
}

function pairKey(key: string, value: string): string {
  return JSON.stringify([key, value]);
}

/** The pod templates of one namespace, and those that carry each label pair. */
class NamespaceTemplates {
  readonly all: Template[] = [];
  private readonly byPair = new Map<string, Template[]>();

  add(template: Template): void {
    this.all.push(template);
    const labels = objectAt(template.labels);
    if (!labels) return;
    for (const key of Object.keys(labels)) {
      const pair = pairKey(key, String(labels[key] ?? ''));
      const list = this.byPair.get(pair);
      if (list) list.push(template);
      else this.byPair.set(pair, [template]);
    }
  }

  /** Every template a selector could match: those with its required pair, or all of them. */
  candidates(selecting: Selecting): readonly Template[] {
    return selecting.requiredPair === undefined ? this.all : this.byPair.get(selecting.requiredPair) ?? [];
  }
}

/**
 * The DaemonSet behind `selector`, or undefined when it selects no pods: a selector that does not
 * parse, or an empty one, which the API server refuses on a DaemonSet (`ValidateDaemonSetSpec`),
 * so that no such DaemonSet ever claims a pod; the validation errors say so.
 */
function selectingOf(object: JsonObject, index: number): Selecting | undefined {
  const spec = objectAt(object.spec);
  const selector = objectAt(spec?.selector);
  const matches = labelSelectorAsSelector(spec?.selector);
  if (!selector || !matches) return undefined;
  const matchLabels = objectAt(selector.matchLabels) ?? {};
  const keys = Object.keys(matchLabels);
  if (keys.length + listAt(selector.matchExpressions).length === 0) return undefined;
  return { index, matches, requiredPair: keys.length > 0 ? pairKey(keys[0], String(matchLabels[keys[0]] ?? '')) : undefined };
}

/**
 * Every pod template among `objects` whose labels a DaemonSet's selector in the same namespace
 * matches, other than that DaemonSet's own: the templates of Deployments, ReplicaSets,
 * StatefulSets, DaemonSets, Jobs, CronJobs (`spec.jobTemplate.spec.template`) and
 * ReplicationControllers, and bare Pods' labels. Selectors are read as `LabelSelectorAsSelector`
 * reads them (matchLabels and matchExpressions). An object with the same kind, namespace and name
 * as the DaemonSet is the same object defined twice, not another one.
 *
 * Two DaemonSets that match each other's pods are one collision, on the one that comes first.
 *
 * @returns the collisions in input order of the DaemonSets, then of the objects they select
 */
export function findSelectorCollisions(objects: readonly JsonObject[]): SelectorCollision[] {
  const namespaces = new Map<string, NamespaceTemplates>();
  const selecting: Selecting[] = [];
  const identities = objects.map(objectIdentity);
  const matchers = new Map<number, Selecting>();
  objects.forEach((object, index) => {
    const template = podTemplateOf(object);
    if (!template) return;
    const namespace = namespaceOf(object.metadata);
    let templates = namespaces.get(namespace);
    if (!templates) namespaces.set(namespace, (templates = new NamespaceTemplates()));
    templates.add({ ...template, index });
    if (!isDaemonSet(object)) return;
    const daemonSet = selectingOf(object, index);
    if (!daemonSet) return;
    selecting.push(daemonSet);
    matchers.set(index, daemonSet);
  });

  const collisions: SelectorCollision[] = [];
  const reported = new Set<string>();
  for (const daemonSet of selecting) {
    const object = objects[daemonSet.index];
    const name = stringAt(objectAt(object.metadata)?.name) ?? '';
    const sameObject = (i: number) => i === daemonSet.index || (identities[i] !== undefined && identities[i] === identities[daemonSet.index]);
    const templates = namespaces.get(namespaceOf(object.metadata))!;
    const matched = templates.candidates(daemonSet).filter((t) => !sameObject(t.index) && daemonSet.matches(t.labels));
    for (const template of matched.sort((a, b) => a.index - b.index)) {
      const other = objects[template.index];
      const otherSelecting = matchers.get(template.index);
      if (isDaemonSet(other)) {
        const pair = JSON.stringify([Math.min(daemonSet.index, template.index), Math.max(daemonSet.index, template.index)]);
        if (reported.has(pair)) continue;
        reported.add(pair);
        const ownLabels = podTemplateOf(object)!.labels;
        collisions.push({ daemonSet: daemonSet.index, other: template.index, mutual: otherSelecting?.matches(ownLabels) ?? false, intended: false });
      } else {
        collisions.push({ daemonSet: daemonSet.index, other: template.index, mutual: false, intended: selectedBy(other).has(name) });
      }
    }
  }
  return collisions;
}
