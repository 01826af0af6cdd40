import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { JsonObject } from '../json/shape';
import { checkDaemonSet, describeObject, findDuplicateObjects, formatFieldError, ValidationWarning } from '../validation';
import { DaemonSetObject } from './daemon-set-object';
import { hasOwnResolvers } from './resolvers';
import { addSelectorCollisionErrors, hasPodTemplate } from './selector-collision-check';

/** What synthesis finds about one everynode DaemonSet. */
export interface SynthFindings {
  /** Validation errors, as cdk8s prints them after the construct path. */
  readonly errors: readonly string[];
  /** Warnings found at synthesis that construction could not see (a patch's). */
  readonly warnings: readonly ValidationWarning[];
}

const NONE: SynthFindings = { errors: [], warnings: [] };

/*
 * Duplicates are an app-wide question, and cdk8s asks each construct separately, twice per
 * `synthYaml()`. So the app's root answers it for every everynode DaemonSet at once: cdk8s
 * validates the root first (pre-order), and each construct then takes its own findings, once. The
 * next pass replaces findings a pass left unread (one that stopped at an exception).
 */
const roots = new WeakSet<IConstruct>();
const unread = new WeakMap<IConstruct, Map<DaemonSetObject, SynthFindings>>();

/** Makes every validation pass of the app of `object` check its everynode DaemonSets once. */
export function watchApp(object: DaemonSetObject): void {
  const root = object.node.root;
  if (roots.has(root)) return;
  roots.add(root);
  root.node.addValidation({
    validate: () => {
      unread.set(root, checkApp(root));
      return [];
    },
  });
}

/**
 * What this validation pass found about `object`. A construct validated outside a pass of the whole
 * app (`node.validate()`) gets findings computed for it alone.
 */
export function synthFindings(object: DaemonSetObject): SynthFindings {
  const root = object.node.root;
  const pass = unread.get(root);
  const findings = pass?.get(object);
  if (findings) {
    pass!.delete(object);
    return findings;
  }
  return checkApp(root, object).get(object) ?? NONE;
}

/**
 * Checks again every everynode DaemonSet (or only `only`) that changed since construction, and
 * finds the objects of the app that share the identity of one: `kubectl apply` would apply the
 * second over the first; and the pods of other objects that an everynode DaemonSet's selector
 * matches, or that match the selector of another DaemonSet.
 */
function checkApp(root: IConstruct, only?: DaemonSetObject): Map<DaemonSetObject, SynthFindings> {
  const ownResolvers = hasOwnResolvers(root);
  const objects: ApiObject[] = [];
  const identities: JsonObject[] = [];
  const errors = new Map<DaemonSetObject, string[]>();
  const warnings = new Map<DaemonSetObject, readonly ValidationWarning[]>();

  for (const construct of root.node.findAll()) {
    if (!ApiObject.isApiObject(construct)) continue;
    if (!DaemonSetObject.isDaemonSetObject(construct)) {
      const identity = identityOf(construct, ownResolvers);
      if (identity) {
        objects.push(construct);
        identities.push(identity);
      }
      continue;
    }
    const state = construct.state(ownResolvers);
    objects.push(construct);
    identities.push(state.object);
    if (only && construct !== only) continue;
    if (state.changed) {
      const check = checkDaemonSet(state.object, undefined, { kubernetesVersion: construct.kubernetesVersion });
      errors.set(construct, check.errors.map(formatFieldError));
      warnings.set(construct, check.warnings);
    } else {
      errors.set(construct, construct.constructionErrors.map(formatFieldError));
    }
  }

  for (const { first, duplicate } of findDuplicateObjects(identities)) {
    const [a, b] = [objects[first], objects[duplicate]];
    const reporter = [b, a].find((o): o is DaemonSetObject => DaemonSetObject.isDaemonSetObject(o) && errors.has(o));
    if (!reporter) continue;
    errors.get(reporter)!.push(
      `${describeObject(identities[duplicate])} is defined twice, by '${pathOf(a)}' and by '${pathOf(b)}': applied, the second replaces the first`,
    );
  }
  addSelectorCollisionErrors(objects, identities, errors, pathOf);

  const findings = new Map<DaemonSetObject, SynthFindings>();
  for (const [object, messages] of errors) findings.set(object, { errors: messages, warnings: warnings.get(object) ?? [] });
  return findings;
}

/** The construct the user wrote: an everynode construct rather than its `Resource`. */
function pathOf(object: ApiObject): string {
  return DaemonSetObject.isDaemonSetObject(object) ? object.node.scope!.node.path : object.node.path;
}

/**
 * What identifies an ApiObject that is not everynode's. Synthesizing it costs as much as cdk8s's own
 * synthesis, so it is read from the object's properties when nothing can change them at synthesis:
 * no JSON patch (in a field cdk8s does not document; were it to go, every object is synthesized),
 * no app resolver, and a name and namespace that are plain strings. A workload or a Pod is
 * synthesized all the same: the selector collision check reads its pod template.
 */
function identityOf(object: ApiObject, ownResolvers: boolean): JsonObject | undefined {
  const patches: unknown = (object as unknown as { patches?: unknown }).patches;
  const { name, namespace } = object.metadata;
  const plain = typeof name === 'string' && (namespace === undefined || typeof namespace === 'string');
  if (!ownResolvers && plain && Array.isArray(patches) && patches.length === 0 && !hasPodTemplate(object)) {
    return { apiVersion: object.apiVersion, kind: object.kind, metadata: { name, namespace } };
  }
  try {
    return object.toJson();
  } catch {
    // cdk8s fails the synthesis with its own error when it synthesizes this object.
    return undefined;
  }
}
