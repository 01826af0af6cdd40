import { findSelectorCollisions, SelectorCollision } from './find-selector-collisions';
import { podTemplateOf } from './pod-templates';
import { SELECTED_BY_ANNOTATION } from './selected-by';
import { JsonObject, listAt, objectAt, stringAt } from '../json/shape';
import { describeObject, describeRequirement, Finding, LabelRequirement } from '../validation';

/** `app=agent, tier NotIn [web]`: a selector as the messages print it. */
function describeSelector(selector: JsonObject): string {
  const matchLabels = objectAt(selector.matchLabels) ?? {};
  const parts = Object.keys(matchLabels).map((key) => `${key}=${String(matchLabels[key] ?? '')}`);
  for (const raw of listAt(selector.matchExpressions)) {
    const expression = objectAt(raw) ?? {};
    parts.push(describeRequirement({
      key: stringAt(expression.key) ?? '',
      operator: expression.operator as LabelRequirement['operator'],
      values: listAt(expression.values).map(String),
    }));
  }
  return parts.join(', ');
}

/** `app=agent, no tier`: the labels a selector looks at, as a pod template has them. */
function describeSelectedLabels(selector: JsonObject, labels: unknown): string {
  const present = objectAt(labels) ?? {};
  const keys = new Set(Object.keys(objectAt(selector.matchLabels) ?? {}));
  for (const raw of listAt(selector.matchExpressions)) keys.add(stringAt(objectAt(raw)?.key) ?? '');
  return [...keys]
    .map((key) => (Object.prototype.hasOwnProperty.call(present, key) ? `${key}=${String(present[key] ?? '')}` : `no ${key}`))
    .join(', ');
}

function selectorOf(daemonSet: JsonObject): JsonObject {
  return objectAt(objectAt(daemonSet.spec)?.selector) ?? {};
}

function nameOf(object: JsonObject): string {
  return stringAt(objectAt(object.metadata)?.name) ?? '';
}

const RELABEL = 'Give them labels the selector does not match';

/** The message of one collision; `named` names an object of the input as the message shows it. */
function collisionMessage(collision: SelectorCollision, objects: readonly JsonObject[], named: (index: number) => string): string {
  const daemonSet = objects[collision.daemonSet];
  const other = objects[collision.other];
  const selector = selectorOf(daemonSet);
  const template = podTemplateOf(other)!;
  const matchedLabels = describeSelectedLabels(selector, template.labels);
  const [a, b] = [named(collision.daemonSet), named(collision.other)];
  const marker = `annotate the ${String(other.kind)} with ${SELECTED_BY_ANNOTATION}: ${nameOf(daemonSet)} if this is intended`;

  if (collision.mutual) {
    const otherSelector = selectorOf(other);
    const ownLabels = podTemplateOf(daemonSet)!.labels;
    return `${a} and ${b} select each other's pods: ${nameOf(daemonSet)}'s selector ${describeSelector(selector)} matches the labels ` +
      `${matchedLabels} of ${nameOf(other)}'s pods, and ${nameOf(other)}'s selector ${describeSelector(otherSelector)} matches the labels ` +
      `${describeSelectedLabels(otherSelector, ownLabels)} of ${nameOf(daemonSet)}'s. Each DaemonSet controller leaves the other's pods ` +
      'alone while the other owns them, but when either DaemonSet is deleted with --cascade=orphan (the only way to change its selector), ' +
      'the other adopts its pods and deletes them or replaces them with its own. Give the two DaemonSets selectors that tell their pods apart';
  }
  if (other.kind === 'DaemonSet') {
    return `${a} selects the pods of ${b}: its selector ${describeSelector(selector)} matches their labels ${matchedLabels}. ` +
      `The DaemonSet controller leaves them alone while ${nameOf(other)} owns them, but when ${nameOf(other)} is deleted with ` +
      `--cascade=orphan (the only way to change its selector), ${nameOf(daemonSet)} adopts its pods and deletes them or replaces ` +
      'them with its own. Give the two DaemonSets selectors that tell their pods apart';
  }
  if (template.owner === undefined) {
    return `${a} selects ${b}: its selector ${describeSelector(selector)} matches the pod's labels ${matchedLabels}. ` +
      'The pod has no owner, so the DaemonSet controller adopts it as one of its daemon pods and then deletes it or replaces it ' +
      `with its own. Give it labels the selector does not match, or ${marker} (a pod made by hand for a test)`;
  }
  return `${a} selects the pods of ${b}: its selector ${describeSelector(selector)} matches their labels ${matchedLabels}. ` +
    `The DaemonSet controller leaves them alone while ${template.owner} owns them, but adopts any that lose their owner ` +
    `(kubectl delete --cascade=orphan) and then deletes them or replaces them with its own. ${RELABEL}, or ${marker}`;
}

/** A collision that is not marked intended, with its message. */
export interface DescribedCollision extends SelectorCollision {
  readonly message: string;
}

/**
 * The collisions of `findSelectorCollisions` that no `everynode.io/selected-by` annotation marks
 * intended, each with a message that says which objects, which labels, and what the DaemonSet
 * controller does to the pods; an object defined twice makes its collisions once.
 *
 * @param whereIs where the object at an index comes from (a construct path), for messages that
 *   name it beside the object; without it messages name the objects only
 */
export function describedSelectorCollisions(objects: readonly JsonObject[], whereIs?: (index: number) => string): DescribedCollision[] {
  const named = (index: number) => (whereIs ? `${describeObject(objects[index])} (${whereIs(index)})` : describeObject(objects[index]));
  const described: DescribedCollision[] = [];
  const seen = new Set<string>();
  for (const collision of findSelectorCollisions(objects)) {
    if (collision.intended) continue;
    const message = collisionMessage(collision, objects, named);
    // An object defined twice makes the same collision twice; the DuplicateObject finding says so.
    if (seen.has(message)) continue;
    seen.add(message);
    described.push({ ...collision, message });
  }
  return described;
}

/**
 * One `SelectorCollision` error per DaemonSet whose selector matches the pods of another object
 * of its namespace (see `findSelectorCollisions`), unless that object names the DaemonSet in
 * its `everynode.io/selected-by` annotation. The message says which objects, which labels, and
 * what the DaemonSet controller does to the pods.
 *
 * The DaemonSet documentation warns that the controller takes such pods for its own. Since owner
 * references (`ClaimPods` in pkg/controller/controller_ref_manager.go), it adopts only pods that no
 * controller owns: a bare Pod at once, the pods of a workload or of another DaemonSet once their
 * owner is deleted with `--cascade=orphan`. It then deletes them, or replaces them with its own.
 *
 * @param objects parsed Kubernetes objects
 * @param whereIs where the object at an index comes from, named in messages beside the object
 */
export function selectorCollisionFindings(objects: readonly JsonObject[], whereIs?: (index: number) => string): Finding[] {
  return describedSelectorCollisions(objects, whereIs).map(({ daemonSet, other, message }) => ({
    code: 'SelectorCollision',
    severity: 'error',
    objects: [describeObject(objects[daemonSet]), describeObject(objects[other])],
    message,
  }));
}
